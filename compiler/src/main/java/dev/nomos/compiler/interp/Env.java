package dev.nomos.compiler.interp;

import dev.nomos.compiler.plan.Loop;
import dev.nomos.runtime.BindingBudgetExceededException;
import dev.nomos.runtime.Frame;

/**
 * The mutable state of one {@code apply}: the frame, the object bound to each object variable (as a
 * frame index), the history-aggregate counters and the binding count. One per call, so an
 * interpreted law stays thread-safe.
 */
final class Env {
  /** Frame t, or frame t-k while a quantifier read at an earlier frame runs ({@code Evals.Earlier}). */
  Frame frame;
  final int[] objects;
  final int[] locals;
  /** The sink of this {@code apply}, which gives a constraint's {@code next(...)} its frame; null for a condition. */
  dev.nomos.runtime.OpinionSink sink;
  private final String lawName;
  private final long budget;
  private long visited;

  Env(Frame frame, int objectVars, int intLocals, String lawName, long budget) {
    this.frame = frame;
    this.objects = new int[objectVars];
    this.locals = new int[intLocals];
    this.lawName = lawName;
    this.budget = budget;
  }

  /** Counts one visited binding candidate; see {@link BindingBudgetExceededException} for the rule. */
  void visit() {
    if (++visited > budget) {
      throw new BindingBudgetExceededException(lawName, visited, budget);
    }
  }

  /** Charges the {@code n} objects a stdlib scan looks at (see {@link BindingBudgetExceededException#charge}). */
  void chargeScan(Frame scanned, int type) {
    visited = BindingBudgetExceededException.charge(lawName, visited, scanned.scanCount(type), budget);
  }

  long visited() {
    return visited;
  }

  /** Candidates of a binder or quantifier: the objects of a type (or all), ascending id. */
  int[] candidates(int entityType) {
    return entityType == Loop.ANY_TYPE ? frame.all() : frame.ofType(entityType);
  }

  /** Whether {@code object} is bound to one of {@code vars}. */
  boolean isBound(int object, int[] vars) {
    for (int v : vars) {
      if (objects[v] == object) {
        return true;
      }
    }
    return false;
  }
}
