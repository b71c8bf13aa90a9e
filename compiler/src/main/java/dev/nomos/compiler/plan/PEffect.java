package dev.nomos.compiler.plan;

import java.util.List;

/**
 * Plan effects. Values are the target slot's value at t+1 (velocity writes were already turned
 * into next positions by adding the current position). {@code slot} may be {@code Slots.ALIVE}.
 * Each effect maps to one {@code OpinionSink} call sequence.
 */
public sealed interface PEffect {

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
   * A choice whose weights are read at t: like {@link Choice}, with the weight of {@code values[i]}
   * being {@code scales[i] * weights[i]} (an int expression; a decimal literal is the constant 1
   * scaled by its value). A weight that comes out 0 or negative disallows its value, as the sink says.
   */
  record ComputedChoice(int var, int slot, List<PExpr> values, List<PExpr> weights, double[] scales)
      implements PEffect {
    public ComputedChoice {
      values = List.copyOf(values);
      weights = List.copyOf(weights);
      scales = scales.clone();
      if (values.size() != weights.size() || values.size() != scales.length) {
        throw new IllegalArgumentException("a computed choice needs one weight and one scale per value");
      }
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
