package dev.nomos.compiler.interp;

import dev.nomos.compiler.plan.Loop;
import dev.nomos.runtime.Frame;
import dev.nomos.runtime.Slots;

/** The evaluators of plan expressions, one small class per kind (calls live in {@link CallEval}). */
final class Evals {
  private Evals() {}

  static final class Const extends Eval {
    private final int value;

    Const(int value) { this.value = value; }

    @Override int eval(Env env) { return value; }
  }

  static final class ObjectVar extends Eval {
    private final int var;

    ObjectVar(int var) { this.var = var; }

    @Override int eval(Env env) { return env.objects[var]; }
  }

  static final class AttrNow extends Eval {
    private final int var;
    private final int slot;

    AttrNow(int var, int slot) {
      this.var = var;
      this.slot = slot;
    }

    @Override int eval(Env env) { return env.frame.get(env.objects[var], slot); }
  }

  static final class AttrAt extends Eval {
    private final int var;
    private final int slot;
    private final Eval stepsBack;

    AttrAt(int var, int slot, Eval stepsBack) {
      this.var = var;
      this.slot = slot;
      this.stepsBack = stepsBack;
    }

    @Override int eval(Env env) {
      int object = env.objects[var];
      return env.frame.getAt(object, slot, stepsBack.eval(env));
    }
  }

  static final class VelocityNow extends Eval {
    private final int var;
    private final boolean horizontal;

    VelocityNow(int var, int axis) {
      this.var = var;
      this.horizontal = axis == Slots.X;
    }

    @Override int eval(Env env) {
      int object = env.objects[var];
      return horizontal ? env.frame.vx(object) : env.frame.vy(object);
    }
  }

  static final class VelocityAt extends Eval {
    private final int var;
    private final boolean horizontal;
    private final Eval stepsBack;

    VelocityAt(int var, int axis, Eval stepsBack) {
      this.var = var;
      this.horizontal = axis == Slots.X;
      this.stepsBack = stepsBack;
    }

    @Override int eval(Env env) {
      int object = env.objects[var];
      int k = stepsBack.eval(env);
      return horizontal ? env.frame.vxAt(object, k) : env.frame.vyAt(object, k);
    }
  }

  static final class ActionNow extends Eval {
    @Override int eval(Env env) { return env.frame.action(); }
  }

  static final class ActionAt extends Eval {
    private final Eval stepsBack;

    ActionAt(Eval stepsBack) { this.stepsBack = stepsBack; }

    @Override int eval(Env env) { return env.frame.actionAt(stepsBack.eval(env)); }
  }

  static final class Local extends Eval {
    private final int index;

    Local(int index) { this.index = index; }

    @Override int eval(Env env) { return env.locals[index]; }
  }

  static final class Negate extends Eval {
    private final Eval operand;

    Negate(Eval operand) { this.operand = operand; }

    @Override int eval(Env env) { return -operand.eval(env); }
  }

  static final class Not extends Eval {
    private final Eval operand;

    Not(Eval operand) { this.operand = operand; }

    @Override int eval(Env env) { return operand.eval(env) == 0 ? 1 : 0; }
  }

  /** Strict binary operators: both operands are evaluated, left first. */
  static final class Arith extends Eval {
    static final int ADD = 0, SUB = 1, MUL = 2, DIV = 3, MOD = 4, EQ = 5, NE = 6, LT = 7, LE = 8, GT = 9, GE = 10;

    private final int op;
    private final Eval left;
    private final Eval right;

    Arith(int op, Eval left, Eval right) {
      this.op = op;
      this.left = left;
      this.right = right;
    }

    @Override int eval(Env env) {
      int a = left.eval(env);
      int b = right.eval(env);
      switch (op) {
        case ADD: return a + b;
        case SUB: return a - b;
        case MUL: return a * b;
        case DIV: return b == 0 ? 0 : a / b;
        case MOD: return b == 0 ? 0 : a % b;
        case EQ: return a == b ? 1 : 0;
        case NE: return a != b ? 1 : 0;
        case LT: return a < b ? 1 : 0;
        case LE: return a <= b ? 1 : 0;
        case GT: return a > b ? 1 : 0;
        case GE: return a >= b ? 1 : 0;
        default: throw new AssertionError(op);
      }
    }
  }

  static final class And extends Eval {
    private final Eval left;
    private final Eval right;

    And(Eval left, Eval right) {
      this.left = left;
      this.right = right;
    }

    @Override int eval(Env env) { return left.eval(env) != 0 && right.eval(env) != 0 ? 1 : 0; }
  }

  static final class Or extends Eval {
    private final Eval left;
    private final Eval right;

    Or(Eval left, Eval right) {
      this.left = left;
      this.right = right;
    }

    @Override int eval(Env env) { return left.eval(env) != 0 || right.eval(env) != 0 ? 1 : 0; }
  }

  static final class If extends Eval {
    private final Eval condition;
    private final Eval then;
    private final Eval otherwise;

    If(Eval condition, Eval then, Eval otherwise) {
      this.condition = condition;
      this.then = then;
      this.otherwise = otherwise;
    }

    @Override int eval(Env env) { return condition.eval(env) != 0 ? then.eval(env) : otherwise.eval(env); }
  }

  /** {@code v in {e1, e2, ...}}: v first, then elements left to right up to the first match. */
  static final class InSet extends Eval {
    private final Eval value;
    private final Eval[] elements;
    private final boolean negated;

    InSet(Eval value, Eval[] elements, boolean negated) {
      this.value = value;
      this.elements = elements;
      this.negated = negated;
    }

    @Override int eval(Env env) {
      int v = value.eval(env);
      boolean found = false;
      for (Eval e : elements) {
        if (e.eval(env) == v) {
          found = true;
          break;
        }
      }
      return found != negated ? 1 : 0;
    }
  }

  /** {@code v in lo..hi}: value, low and high are all evaluated, in that order. */
  static final class InRange extends Eval {
    private final Eval value;
    private final Eval low;
    private final Eval high;
    private final boolean negated;

    InRange(Eval value, Eval low, Eval high, boolean negated) {
      this.value = value;
      this.low = low;
      this.high = high;
      this.negated = negated;
    }

    @Override int eval(Env env) {
      int v = value.eval(env);
      int lo = low.eval(env);
      int hi = high.eval(env);
      boolean inside = lo <= v && v <= hi;
      return inside != negated ? 1 : 0;
    }
  }

  /** Candidates of a quantifier: the objects of a type (or all), ascending id. */
  static int[] candidates(Frame frame, int entityType) {
    return entityType == Loop.ANY_TYPE ? frame.all() : frame.ofType(entityType);
  }

  /** {@code exists v: T where c}: stops at the first candidate that satisfies c. */
  static final class Exists extends Eval {
    private final int var;
    private final int entityType;
    private final int[] excluded;
    private final Eval where;

    Exists(int var, int entityType, int[] excluded, Eval where) {
      this.var = var;
      this.entityType = entityType;
      this.excluded = excluded;
      this.where = where;
    }

    @Override int eval(Env env) {
      for (int o : candidates(env.frame, entityType)) {
        env.visit();
        if (env.isBound(o, excluded)) {
          continue;
        }
        env.objects[var] = o;
        if (where == null || where.eval(env) != 0) {
          return 1;
        }
      }
      return 0;
    }
  }

  static final class CountWhere extends Eval {
    private final int var;
    private final int entityType;
    private final int[] excluded;
    private final Eval where;

    CountWhere(int var, int entityType, int[] excluded, Eval where) {
      this.var = var;
      this.entityType = entityType;
      this.excluded = excluded;
      this.where = where;
    }

    @Override int eval(Env env) {
      int n = 0;
      for (int o : candidates(env.frame, entityType)) {
        env.visit();
        if (env.isBound(o, excluded)) {
          continue;
        }
        env.objects[var] = o;
        if (where == null || where.eval(env) != 0) {
          n++;
        }
      }
      return n;
    }
  }

  /** {@code count(T)}: not a binding walk, so it does not count toward the budget. */
  static final class CountType extends Eval {
    private final int entityType;

    CountType(int entityType) { this.entityType = entityType; }

    @Override int eval(Env env) { return candidates(env.frame, entityType).length; }
  }

  static final class All extends Eval {
    private final int local;
    private final int low;
    private final int high;
    private final Eval body;

    All(int local, int low, int high, Eval body) {
      this.local = local;
      this.low = low;
      this.high = high;
      this.body = body;
    }

    @Override int eval(Env env) {
      for (long k = low; k <= high; k++) {
        env.locals[local] = (int) k;
        if (body.eval(env) == 0) {
          return 0;
        }
      }
      return 1;
    }
  }

  static final class Any extends Eval {
    private final int local;
    private final int low;
    private final int high;
    private final Eval body;

    Any(int local, int low, int high, Eval body) {
      this.local = local;
      this.low = low;
      this.high = high;
      this.body = body;
    }

    @Override int eval(Env env) {
      for (long k = low; k <= high; k++) {
        env.locals[local] = (int) k;
        if (body.eval(env) != 0) {
          return 1;
        }
      }
      return 0;
    }
  }

  static final class CountSteps extends Eval {
    private final int local;
    private final int low;
    private final int high;
    private final Eval body;

    CountSteps(int local, int low, int high, Eval body) {
      this.local = local;
      this.low = low;
      this.high = high;
      this.body = body;
    }

    @Override int eval(Env env) {
      int n = 0;
      for (long k = low; k <= high; k++) {
        env.locals[local] = (int) k;
        if (body.eval(env) != 0) {
          n++;
        }
      }
      return n;
    }
  }
}
