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
