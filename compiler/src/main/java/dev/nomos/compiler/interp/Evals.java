package dev.nomos.compiler.interp;

import dev.nomos.compiler.plan.PExpr;
import dev.nomos.runtime.BoxContact;
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

  static final class Step extends Eval {
    @Override int eval(Env env) { return env.frame.step(); }
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

    @Override int eval(Env env) { return operand.test(env) ? 0 : 1; }
  }

  /** Strict binary operators: both operands are evaluated, left first. */
  static final class Arith extends Eval {
    private final PExpr.BinaryOp op;
    private final Eval left;
    private final Eval right;

    Arith(PExpr.BinaryOp op, Eval left, Eval right) {
      this.op = op;
      this.left = left;
      this.right = right;
    }

    @Override int eval(Env env) {
      int a = left.eval(env);
      int b = right.eval(env);
      return switch (op) {
        case ADD -> a + b;
        case SUB -> a - b;
        case MUL -> a * b;
        case DIV -> b == 0 ? 0 : a / b;
        case MOD -> b == 0 ? 0 : a % b;
        case EQ -> a == b ? 1 : 0;
        case NE -> a != b ? 1 : 0;
        case LT -> a < b ? 1 : 0;
        case LE -> a <= b ? 1 : 0;
        case GT -> a > b ? 1 : 0;
        case GE -> a >= b ? 1 : 0;
        case AND, OR -> throw new AssertionError(op + " short-circuits: see And and Or");
      };
    }
  }

  static final class And extends Eval {
    private final Eval left;
    private final Eval right;

    And(Eval left, Eval right) {
      this.left = left;
      this.right = right;
    }

    @Override int eval(Env env) { return left.test(env) && right.test(env) ? 1 : 0; }
  }

  static final class Or extends Eval {
    private final Eval left;
    private final Eval right;

    Or(Eval left, Eval right) {
      this.left = left;
      this.right = right;
    }

    @Override int eval(Env env) { return left.test(env) || right.test(env) ? 1 : 0; }
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

    @Override int eval(Env env) { return condition.test(env) ? then.eval(env) : otherwise.eval(env); }
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

  /**
   * {@code exists v: T where c} (1 at the first candidate that satisfies c, else 0) or
   * {@code count v: T where c} (how many do). Each candidate counts toward the binding budget.
   */
  static final class ScanObjects extends Eval {
    private final int var;
    private final int entityType;
    private final int[] excluded;
    private final Eval where;
    private final boolean counting;
    /** What {@code where} requires var to touch ({@link dev.nomos.compiler.plan.TouchingScan}); -1: every object. */
    private final int near;

    ScanObjects(int var, int entityType, int[] excluded, Eval where, boolean counting, int near) {
      this.var = var;
      this.entityType = entityType;
      this.excluded = excluded;
      this.where = where;
      this.counting = counting;
      this.near = near;
    }

    @Override int eval(Env env) {
      if (near >= 0) {
        return scanTouching(env);
      }
      int found = 0;
      for (int o : env.candidates(entityType)) {
        if (visits(env, o)) {
          if (!counting) {
            return 1;
          }
          found++;
        }
      }
      return found;
    }

    /** The scan over the objects of the type that touch the object bound to {@link #near} only. */
    private int scanTouching(Env env) {
      Frame f = env.frame;
      int o = env.objects[near];
      int[] contacts = f.contacts(f.type(o), entityType);
      int found = 0;
      for (int k = f.contactsOf(contacts, o); k < contacts.length && contacts[k] == o; k += 3) {
        if (contacts[k + 2] != BoxContact.NONE && visits(env, contacts[k + 1])) {
          if (!counting) {
            return 1;
          }
          found++;
        }
      }
      return found;
    }

    /** Counts candidate {@code o} as visited, binds it unless excluded, and tests the condition. */
    private boolean visits(Env env, int o) {
      env.visit();
      if (env.isBound(o, excluded)) {
        return false;
      }
      env.objects[var] = o;
      return where == null || where.test(env);
    }
  }

  /**
   * A quantifier at frame t-k ({@code PExpr.Earlier}): 0 when that frame is not kept or a variable the
   * body reads was not present throughout; else the body on that frame, with the variables bound
   * outside it mapped there (and put back afterwards).
   */
  static final class Earlier extends Eval {
    private final Eval body;
    private final Eval stepsBack;
    private final int[] read;
    private final int[] skipped;

    Earlier(Eval body, Eval stepsBack, int[] read, int[] skipped) {
      this.body = body;
      this.stepsBack = stepsBack;
      this.read = read;
      this.skipped = skipped;
    }

    @Override int eval(Env env) {
      int k = stepsBack.eval(env);
      Frame now = env.frame;
      Frame then = now.back(k);
      if (then == null) {
        return 0;
      }
      for (int v : read) {
        if (now.indexBack(env.objects[v], k) < 0) {
          return 0;
        }
      }
      int[] saved = env.objects.clone();
      try {
        for (int v : read) {
          env.objects[v] = now.indexBack(saved[v], k);
        }
        for (int v : skipped) {
          env.objects[v] = now.indexBack(saved[v], k);
        }
        env.frame = then;
        return body.eval(env);
      } finally {
        env.frame = now;
        System.arraycopy(saved, 0, env.objects, 0, saved.length);
      }
    }
  }

  /**
   * {@code next(body)} in a constraint's guard ({@code PExpr.Next}): false when the sink gives no next
   * frame or a variable the body reads is not in it; else the body on that frame, with the variables
   * bound outside it mapped there by id (and put back afterwards).
   */
  static final class Next extends Eval {
    private final Eval body;
    private final int[] read;
    private final int[] skipped;

    Next(Eval body, int[] read, int[] skipped) {
      this.body = body;
      this.read = read;
      this.skipped = skipped;
    }

    @Override int eval(Env env) {
      Frame now = env.frame;
      Frame next = env.sink == null ? null : env.sink.nextFrame();
      if (next == null) {
        return 0;
      }
      for (int v : read) {
        if (now.indexIn(next, env.objects[v]) < 0) {
          return 0;
        }
      }
      int[] saved = env.objects.clone();
      try {
        for (int v : read) {
          env.objects[v] = now.indexIn(next, saved[v]);
        }
        for (int v : skipped) {
          env.objects[v] = now.indexIn(next, saved[v]);
        }
        env.frame = next;
        return body.eval(env);
      } finally {
        env.frame = now;
        System.arraycopy(saved, 0, env.objects, 0, saved.length);
      }
    }
  }

  /** {@code count(T)}: not a binding walk, so it does not count toward the budget. */
  static final class CountType extends Eval {
    private final int entityType;

    CountType(int entityType) { this.entityType = entityType; }

    @Override int eval(Env env) { return env.candidates(entityType).length; }
  }

  /**
   * {@code all|any|count k in lo..hi: body}, k ascending; {@code all} stops at the first step where
   * the body fails, {@code any} at the first where it holds.
   */
  static final class HistoryAggregate extends Eval {
    private final PExpr.Quantifier quantifier;
    private final int local;
    private final int low;
    private final int high;
    private final Eval body;

    HistoryAggregate(PExpr.Quantifier quantifier, int local, int low, int high, Eval body) {
      this.quantifier = quantifier;
      this.local = local;
      this.low = low;
      this.high = high;
      this.body = body;
    }

    @Override int eval(Env env) {
      int holds = 0;
      // A long counter, so that high == Integer.MAX_VALUE still ends the loop.
      for (long k = low; k <= high; k++) {
        env.locals[local] = (int) k;
        if (body.test(env)) {
          if (quantifier == PExpr.Quantifier.ANY) {
            return 1;
          }
          holds++;
        } else if (quantifier == PExpr.Quantifier.ALL) {
          return 0;
        }
      }
      // The range ran out: ALL held throughout, ANY never held, COUNT is the tally.
      return switch (quantifier) {
        case ALL -> 1;
        case ANY -> 0;
        case COUNT -> holds;
      };
    }
  }
}
