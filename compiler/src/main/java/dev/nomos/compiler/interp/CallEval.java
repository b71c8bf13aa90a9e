package dev.nomos.compiler.interp;

import dev.nomos.runtime.Frame;
import dev.nomos.stdlib.StdlibFunction;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Collections;

/**
 * A stdlib call. The function's handle is adapted once to one uniform shape,
 * {@code (Frame, int, int, int, int, int, int) int} (booleans as 0/1, the frame dropped for functions
 * that take none, unused trailing ints ignored), so every call is an {@code invokeExact} without
 * boxing or argument arrays. Functions with more parameters than that fall back to a boxing call.
 */
abstract class CallEval extends Eval {
  static final int UNIFORM_ARITY = 6;
  private static final MethodType UNIFORM = MethodType.methodType(int.class, Frame.class,
      Collections.nCopies(UNIFORM_ARITY, int.class).toArray(new Class<?>[0]));

  static Eval of(StdlibFunction function, Eval[] args) {
    if (args.length != function.params().size()) {
      throw new IllegalArgumentException("stdlib function " + function.name() + " takes "
          + function.params().size() + " arguments, the plan passes " + args.length);
    }
    return args.length <= UNIFORM_ARITY ? new Uniform(function, args) : new Boxed(function, args);
  }

  /** Java-typed view of {@code function}'s handle with ints in place of booleans. */
  static MethodHandle intTyped(StdlibFunction function) {
    MethodHandle h = function.handle();
    MethodType t = h.type();
    for (int i = 0; i < t.parameterCount(); i++) {
      if (t.parameterType(i) == boolean.class) {
        t = t.changeParameterType(i, int.class);
      }
    }
    if (t.returnType() == boolean.class) {
      t = t.changeReturnType(int.class);
    }
    // explicitCastArguments maps boolean <-> int as 0/1 (testing the low bit of ints); plan bools are 0/1.
    return MethodHandles.explicitCastArguments(h, t);
  }

  static final class Uniform extends CallEval {
    private final MethodHandle handle;
    private final Eval[] args;
    private final int scanned;

    Uniform(StdlibFunction function, Eval[] args) {
      MethodHandle h = intTyped(function);
      if (!function.takesFrame()) {
        h = MethodHandles.dropArguments(h, 0, Frame.class);
      }
      int missing = UNIFORM_ARITY - args.length;
      if (missing > 0) {
        h = MethodHandles.dropArguments(h, 1 + args.length, Collections.nCopies(missing, int.class));
      }
      this.handle = h.asType(UNIFORM);
      this.args = args;
      this.scanned = function.scannedTypeParam();
    }

    @Override int eval(Env env) {
      if (scanned >= 0) {
        env.chargeScan(env.frame, args[scanned].eval(env));
      }
      int n = args.length;
      int a0 = n > 0 ? args[0].eval(env) : 0;
      int a1 = n > 1 ? args[1].eval(env) : 0;
      int a2 = n > 2 ? args[2].eval(env) : 0;
      int a3 = n > 3 ? args[3].eval(env) : 0;
      int a4 = n > 4 ? args[4].eval(env) : 0;
      int a5 = n > 5 ? args[5].eval(env) : 0;
      try {
        return (int) handle.invokeExact(env.frame, a0, a1, a2, a3, a4, a5);
      } catch (RuntimeException | Error e) {
        throw e;
      } catch (Throwable t) {
        throw new IllegalStateException("stdlib call failed", t);
      }
    }
  }

  static final class Boxed extends CallEval {
    private final MethodHandle handle;
    private final Eval[] args;
    private final boolean takesFrame;
    private final int scanned;

    Boxed(StdlibFunction function, Eval[] args) {
      this.handle = intTyped(function);
      this.args = args;
      this.takesFrame = function.takesFrame();
      this.scanned = function.scannedTypeParam();
    }

    @Override int eval(Env env) {
      if (scanned >= 0) {
        env.chargeScan(env.frame, args[scanned].eval(env));
      }
      Object[] values = new Object[args.length + (takesFrame ? 1 : 0)];
      int k = 0;
      if (takesFrame) {
        values[k++] = env.frame;
      }
      for (Eval a : args) {
        values[k++] = a.eval(env);
      }
      try {
        return (int) handle.invokeWithArguments(values);
      } catch (RuntimeException | Error e) {
        throw e;
      } catch (Throwable t) {
        throw new IllegalStateException("stdlib call failed", t);
      }
    }
  }

  /**
   * A call at frame t-k ({@code PExpr.CallAt}): k, then the arguments left to right, each object
   * mapped to its index k steps back; the function's absent value at the first object that was not
   * there, else the function on that frame.
   */
  static final class At extends Eval {
    private final MethodHandle handle;
    private final Eval stepsBack;
    private final Eval[] args;
    private final boolean[] objects;
    private final int absent;
    private final int scanned;

    At(StdlibFunction function, Eval stepsBack, Eval[] args) {
      if (!function.takesFrame() || args.length != function.params().size() || args.length > UNIFORM_ARITY) {
        throw new IllegalArgumentException("stdlib function " + function.name() + " cannot be called at an earlier frame"
            + " with " + args.length + " arguments");
      }
      MethodHandle h = intTyped(function);
      int missing = UNIFORM_ARITY - args.length;
      if (missing > 0) {
        h = MethodHandles.dropArguments(h, 1 + args.length, Collections.nCopies(missing, int.class));
      }
      this.handle = h.asType(UNIFORM);
      this.stepsBack = stepsBack;
      this.args = args;
      this.objects = new boolean[args.length];
      for (int i = 0; i < args.length; i++) {
        objects[i] = function.params().get(i).type() == dev.nomos.stdlib.ParamType.OBJECT;
      }
      this.absent = function.absent();
      this.scanned = function.scannedTypeParam();
    }

    @Override int eval(Env env) {
      int k = stepsBack.eval(env);
      int a0 = 0;
      int a1 = 0;
      int a2 = 0;
      int a3 = 0;
      int a4 = 0;
      int a5 = 0;
      for (int i = 0; i < args.length; i++) {
        int v = args[i].eval(env);
        if (objects[i]) {
          v = env.frame.indexBack(v, k);
          if (v < 0) {
            return absent;
          }
        }
        switch (i) {
          case 0 -> a0 = v;
          case 1 -> a1 = v;
          case 2 -> a2 = v;
          case 3 -> a3 = v;
          case 4 -> a4 = v;
          default -> a5 = v;
        }
      }
      Frame back = env.frame.back(k);
      if (scanned >= 0) {
        env.chargeScan(back, scanned == 0 ? a0 : scanned == 1 ? a1 : scanned == 2 ? a2 : scanned == 3 ? a3
            : scanned == 4 ? a4 : a5);
      }
      try {
        return (int) handle.invokeExact(back, a0, a1, a2, a3, a4, a5);
      } catch (RuntimeException | Error e) {
        throw e;
      } catch (Throwable t) {
        throw new IllegalStateException("stdlib call failed", t);
      }
    }
  }
}
