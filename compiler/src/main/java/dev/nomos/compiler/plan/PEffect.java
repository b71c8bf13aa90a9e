package dev.nomos.compiler.plan;

import java.util.List;

/**
 * Plan effects. Values are the target slot's value at t+1 (velocity writes were already turned
 * into next positions by adding the current position). {@code slot} may be {@code Slots.ALIVE}.
 * Each effect maps to one {@code OpinionSink} call sequence.
 */
public sealed interface PEffect {

  /**
   * The {@code var} of an effect on a target of the world ({@code Slots.REWARD}, {@code Slots.END}):
   * the sink receives {@code OpinionSink.WORLD} as the object.
   */
  int WORLD = -1;

  /** The object index an effect's {@code var} stands for, given the binding's object indexes. */
  static int object(int var, int[] objects) {
    return var == WORLD ? dev.nomos.runtime.OpinionSink.WORLD : objects[var];
  }

  /** {@code sink.exact(obj(var), slot, value)}. */
  record Exact(int var, int slot, PExpr value) implements PEffect {}

  /** {@code sink.range(obj(var), slot, low, high)}. */
  record Range(int var, int slot, PExpr low, PExpr high) implements PEffect {}

  /**
   * {@code sink.beginChoice(obj(var), slot)}, then {@code sink.choice(values[i], weights[i])} in
   * order, then {@code sink.endChoice()}. {@code one_of} has every weight 1.
   */
  record Choice(int var, int slot, List<PExpr> values, double[] weights) implements PEffect {
    public Choice {
      values = List.copyOf(values);
      weights = weights.clone();
    }
  }

  /**
   * {@code then} when {@code condition} holds, else {@code otherwise} (null: nothing). A value
   * sequence ({@code seq(...) after c}) lowers to a chain of these, one per step back.
   */
  record If(PExpr condition, PEffect then, PEffect otherwise) implements PEffect {}

  /** {@code sink.spawn(type, x, y)}. */
  record Spawn(int type, PExpr x, PExpr y) implements PEffect {}
}
