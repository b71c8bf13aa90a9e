package dev.nomos.runtime;

/**
 * Thrown by a law whose evaluation of one frame visits more object bindings than its budget allows.
 * Laws are total by construction but polynomial in the number of objects; the budget turns a
 * pathological frame (thousands of objects under a three-way binder) into this clear error instead of
 * an apparent hang.
 *
 * <p>Counting, shared by the interpreter and generated code so that both fail on the same frames:
 * every object that an object loop visits counts one (each level of a {@code for} or
 * {@code on contact} binder, each candidate of an {@code exists} or {@code count ... where}), before
 * any test on it (exclusion, contact, side, cover). A quantifier whose condition requires its object
 * to touch one bound outside it ({@code exists w: Wall where touching(b, w) ...}) has as candidates
 * only the objects touching that one, read off {@link Frame#contacts}. The count restarts at 0 for every call of
 * {@link Law#apply}; the law throws as soon as the count exceeds the budget. A stdlib function that
 * scans the objects of a type ({@code nearest_distance(a, Wall)}) counts one per object of that type,
 * charged through {@link #charge} before the scan, so a scan over 20,000 walls under a binder over
 * 20,000 balls stops at the budget instead of running for minutes.
 */
public final class BindingBudgetExceededException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The default per-step budget of one law. */
  public static final long DEFAULT_BUDGET = 1_000_000L;

  private final String lawName;
  private final long count;
  private final long budget;

  public BindingBudgetExceededException(String lawName, long count, long budget) {
    super("law " + lawName + " visited more than " + budget + " object bindings in one step (" + count
        + " so far); narrow its binders or guards, or split the frame");
    this.lawName = lawName;
    this.count = count;
    this.budget = budget;
  }

  /**
   * The count after charging {@code n} more visited candidates to {@code count}; throws once it
   * exceeds {@code budget}. Generated code and the interpreter both call this for stdlib scans.
   */
  public static long charge(String lawName, long count, int n, long budget) {
    long after = count + n;
    if (after > budget) {
      throw new BindingBudgetExceededException(lawName, after, budget);
    }
    return after;
  }

  public String lawName() { return lawName; }

  /** The number of bindings visited when the law gave up (budget + 1). */
  public long count() { return count; }

  public long budget() { return budget; }
}
