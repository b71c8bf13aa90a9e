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
 * any test on it (exclusion, contact, side, cover). The count restarts at 0 for every call of
 * {@link Law#apply}; the law throws as soon as the count exceeds the budget.
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

  public String lawName() { return lawName; }

  /** The number of bindings visited when the law gave up (budget + 1). */
  public long count() { return count; }

  public long budget() { return budget; }
}
