package dev.nomos.runtime;

/**
 * Thrown by {@link Law#apply} when one application of a law visits more candidate bindings than
 * {@link #BUDGET}: the clear error the language promises for pathological inputs (say, a three-object
 * law with a nested {@code exists} over a frame of thousands of objects), instead of a hang.
 *
 * <p>Both engines count the same way, so they fail on the same frames. The count starts at 0 on
 * every call of {@code apply}. Each time a binder loop ({@code for}, and each of the two loops of
 * {@code on contact}) or an {@code exists}/{@code count ... where} quantifier starts a pass over its
 * candidate objects, the count grows by the number of candidates (the length of {@code
 * Frame.ofType(t)}, or of {@code Frame.all()} for {@code Object}), before any distinctness, contact
 * or {@code where} test; if the count then exceeds {@link #BUDGET}, {@code apply} throws at once.
 * {@code count(T)} and history aggregates visit no objects and do not count.
 */
public final class BindingBudgetExceededException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The most candidate bindings one application of one law may visit. */
  public static final int BUDGET = 10_000_000;

  private final String lawName;
  private final long count;

  public BindingBudgetExceededException(String lawName, long count) {
    super("law " + lawName + " visited " + count + " candidate bindings in one step, over the budget of "
        + BUDGET + "; narrow its binders or guards");
    this.lawName = lawName;
    this.count = count;
  }

  public String lawName() {
    return lawName;
  }

  public long count() {
    return count;
  }
}
