package dev.nomos.compiler.interp;

import dev.nomos.compiler.plan.PEffect;
import dev.nomos.runtime.OpinionSink;

/** A plan effect prepared for emission: one {@link OpinionSink} call sequence per complete binding. */
abstract class Emit {
  abstract void emit(Env env, OpinionSink out);

  static final class Exact extends Emit {
    private final int var;
    private final int slot;
    private final Eval value;

    Exact(int var, int slot, Eval value) {
      this.var = var;
      this.slot = slot;
      this.value = value;
    }

    @Override void emit(Env env, OpinionSink out) {
      out.exact(PEffect.object(var, env.objects), slot, value.eval(env));
    }
  }

  /** Low, then high, then the call. */
  static final class Range extends Emit {
    private final int var;
    private final int slot;
    private final Eval low;
    private final Eval high;

    Range(int var, int slot, Eval low, Eval high) {
      this.var = var;
      this.slot = slot;
      this.low = low;
      this.high = high;
    }

    @Override void emit(Env env, OpinionSink out) {
      int lo = low.eval(env);
      int hi = high.eval(env);
      out.range(PEffect.object(var, env.objects), slot, lo, hi);
    }
  }

  /** {@code beginChoice}; each value evaluated right before its {@code choice}; {@code endChoice}. */
  static final class Choice extends Emit {
    private final int var;
    private final int slot;
    private final Eval[] values;
    private final double[] weights;

    Choice(int var, int slot, Eval[] values, double[] weights) {
      if (values.length != weights.length) {
        throw new IllegalArgumentException("choice has " + values.length + " values but " + weights.length + " weights");
      }
      this.var = var;
      this.slot = slot;
      this.values = values;
      this.weights = weights;
    }

    @Override void emit(Env env, OpinionSink out) {
      out.beginChoice(PEffect.object(var, env.objects), slot);
      for (int i = 0; i < values.length; i++) {
        out.choice(values[i].eval(env), weights[i]);
      }
      out.endChoice();
    }
  }

  /**
   * {@code beginJoint}; per alternative {@code jointAlternative}, then each value evaluated right
   * before its {@code jointValue}; {@code endJoint}.
   */
  static final class Joint extends Emit {
    private final int var;
    private final int[] slots;
    private final Eval[][] values;
    private final double[] weights;

    Joint(int var, int[] slots, Eval[][] values, double[] weights) {
      if (values.length != weights.length) {
        throw new IllegalArgumentException("joint choice has " + values.length + " alternatives but " + weights.length + " weights");
      }
      this.var = var;
      this.slots = slots;
      this.values = values;
      this.weights = weights;
    }

    @Override void emit(Env env, OpinionSink out) {
      out.beginJoint(env.objects[var]);
      for (int a = 0; a < values.length; a++) {
        out.jointAlternative(weights[a]);
        for (int i = 0; i < slots.length; i++) {
          out.jointValue(slots[i], values[a][i].eval(env));
        }
      }
      out.endJoint();
    }
  }

  /** As {@link Choice}, each value then its weight evaluated right before its {@code choice}. */
  static final class ComputedChoice extends Emit {
    private final int var;
    private final int slot;
    private final Eval[] values;
    private final Eval[] weights;
    private final double[] scales;

    ComputedChoice(int var, int slot, Eval[] values, Eval[] weights, double[] scales) {
      this.var = var;
      this.slot = slot;
      this.values = values;
      this.weights = weights;
      this.scales = scales;
    }

    @Override void emit(Env env, OpinionSink out) {
      out.beginChoice(PEffect.object(var, env.objects), slot);
      for (int i = 0; i < values.length; i++) {
        int value = values[i].eval(env);
        out.choice(value, weights[i].eval(env) * scales[i]);
      }
      out.endChoice();
    }
  }

  /** x, then y, then the call. */
  static final class Spawn extends Emit {
    private final int type;
    private final Eval x;
    private final Eval y;

    Spawn(int type, Eval x, Eval y) {
      this.type = type;
      this.x = x;
      this.y = y;
    }

    @Override void emit(Env env, OpinionSink out) {
      int px = x.eval(env);
      int py = y.eval(env);
      out.spawn(type, px, py);
    }
  }

  /** beginSpawn, then each place's x and y and its place call, then endSpawn. */
  static final class Create extends Emit {
    private final int type;
    private final Eval[] xs;
    private final Eval[] ys;
    private final double[] weights;
    private final double probability;
    private final int chance;

    Create(int type, Eval[] xs, Eval[] ys, double[] weights, double probability, int chance) {
      this.type = type;
      this.xs = xs;
      this.ys = ys;
      this.weights = weights;
      this.probability = probability;
      this.chance = chance;
    }

    @Override void emit(Env env, OpinionSink out) {
      out.beginSpawn(type, probability, chance);
      for (int i = 0; i < xs.length; i++) {
        int px = xs[i].eval(env);
        int py = ys[i].eval(env);
        out.place(px, py, weights[i]);
      }
      out.endSpawn();
    }
  }

  /** beginSpawn, then the corners x0, y0, x1, y1 and the placeRange call, then endSpawn. */
  static final class CreateRange extends Emit {
    private final int type;
    private final Eval x0;
    private final Eval y0;
    private final Eval x1;
    private final Eval y1;
    private final double probability;
    private final int chance;

    CreateRange(int type, Eval x0, Eval y0, Eval x1, Eval y1, double probability, int chance) {
      this.type = type;
      this.x0 = x0;
      this.y0 = y0;
      this.x1 = x1;
      this.y1 = y1;
      this.probability = probability;
      this.chance = chance;
    }

    @Override void emit(Env env, OpinionSink out) {
      out.beginSpawn(type, probability, chance);
      int a = x0.eval(env);
      int b = y0.eval(env);
      int c = x1.eval(env);
      int d = y1.eval(env);
      out.placeRange(a, b, c, d);
      out.endSpawn();
    }
  }

  /** The condition, then the effect of the branch taken (none when it is false and there is no else). */
  static final class If extends Emit {
    private final Eval condition;
    private final Emit then;
    private final Emit otherwise;

    If(Eval condition, Emit then, Emit otherwise) {
      this.condition = condition;
      this.then = then;
      this.otherwise = otherwise;
    }

    @Override void emit(Env env, OpinionSink out) {
      if (condition.test(env)) {
        then.emit(env, out);
      } else if (otherwise != null) {
        otherwise.emit(env, out);
      }
    }
  }
}
