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
   * {@code sink.beginJoint(obj(var))}; per alternative {@code sink.jointAlternative(weights[a])}
   * then {@code sink.jointValue(slots[i], values[a][i])} for every slot in order; then
   * {@code sink.endJoint()}. Every alternative has a value for every slot (a target the source
   * alternative leaves out reads its value at t).
   */
  record Joint(int var, int[] slots, List<List<PExpr>> values, double[] weights) implements PEffect {
    public Joint {
      slots = slots.clone();
      values = values.stream().map(List::copyOf).toList();
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

  /**
   * {@code sink.beginSpawn(type, probability, chance)}, then {@code sink.place(xs[i], ys[i],
   * weights[i])} in order (each x evaluated before its y), then {@code sink.endSpawn()}.
   * {@code probability} is 1 for a certain creation; {@code chance} is the ordinal of a fitted
   * probability within the law, else -1.
   */
  record Create(int type, List<PExpr> xs, List<PExpr> ys, double[] weights, double probability, int chance)
      implements PEffect {
    public Create {
      xs = List.copyOf(xs);
      ys = List.copyOf(ys);
      weights = weights.clone();
    }
  }

  /**
   * {@code sink.beginSpawn(type, probability, chance)}, {@code sink.placeRange(x0, y0, x1, y1)}
   * (operands evaluated in that order), {@code sink.endSpawn()}.
   */
  record CreateRange(int type, PExpr x0, PExpr y0, PExpr x1, PExpr y1, double probability, int chance)
      implements PEffect {}
}
