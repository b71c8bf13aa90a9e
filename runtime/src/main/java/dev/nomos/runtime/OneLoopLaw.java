package dev.nomos.runtime;

/**
 * A fusible law of one loop ({@code for v: T}). Besides running its group over every binding
 * ({@link #applyAll}), it runs the group on one binding the runtime picks ({@link #applyAllTo}): where
 * every member's guard requires {@code v.attr == K} for its own K (its scope's
 * {@link LawScope.Witness}), the runtime reads the attribute of each object once and runs only the
 * members whose K it shows, instead of testing every member's guard on every object.
 */
public interface OneLoopLaw extends FusibleLaw {
  /** The most bindings one call may visit ({@link BindingBudgetExceededException} past it). */
  long bindingBudget();

  /**
   * Runs {@code laws[members[0]], ..., laws[members[count - 1]]} (as {@link #applyAll}) on the one
   * binding of the loop's variable to {@code object}, an object of the loop's type: emits what
   * {@link #applyAll} emits for that binding, in the same order, and counts nothing toward the
   * budget (the caller runs every binding only where the budget allows them all).
   */
  void applyAllTo(Frame frame, GroupSink out, Law[] laws, int[] members, int count, int object);
}
