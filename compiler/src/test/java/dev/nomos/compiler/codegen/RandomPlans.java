package dev.nomos.compiler.codegen;

import dev.nomos.compiler.plan.LawPlan;
import dev.nomos.compiler.plan.Loop;
import dev.nomos.compiler.plan.PEffect;
import dev.nomos.compiler.plan.PExpr;
import dev.nomos.compiler.plan.PExpr.BinaryOp;
import dev.nomos.compiler.plan.PType;
import dev.nomos.runtime.AttributeKind;
import dev.nomos.runtime.AttributeSpec;
import dev.nomos.runtime.EntityType;
import dev.nomos.runtime.Slots;
import dev.nomos.runtime.WorldSchema;
import dev.nomos.stdlib.ParamType;
import dev.nomos.stdlib.Side;
import dev.nomos.stdlib.Stdlib;
import dev.nomos.stdlib.StdlibFunction;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random well-typed law plans over a schema: every loop, expression and effect kind, nested to a
 * bounded depth, with variables used only where they are bound and slots only where their type has
 * them. A plan is what the checker would produce for some law, so both engines must accept it.
 */
final class RandomPlans {
  private static final int MAX_DEPTH = 4;

  private final WorldSchema schema;
  private final Random r;
  /** Entity type (or ANY_TYPE) of each object variable allocated so far. */
  private final List<Integer> varTypes = new ArrayList<>();
  /** Object variables in scope, innermost last. */
  private final List<Integer> scope = new ArrayList<>();
  /** History counters in scope. */
  private final List<Integer> locals = new ArrayList<>();
  private int localCount;

  private RandomPlans(WorldSchema schema, Random r) {
    this.schema = schema;
    this.r = r;
  }

  static LawPlan plan(WorldSchema schema, Random r, String name) {
    return new RandomPlans(schema, r).generate(name);
  }

  private LawPlan generate(String name) {
    List<Loop> loops = new ArrayList<>();
    int bound = 0;
    int wanted = r.nextInt(4);
    while (bound < wanted) {
      if (bound <= wanted - 2 && r.nextBoolean()) {
        int a = newVar(randomType());
        int b = newVar(randomType());
        int side = r.nextInt(3) == 0 ? r.nextInt(Side.values().length) : Side.NONE.ordinal();
        int cover = r.nextInt(4) == 0 ? r.nextInt(101) : 0;
        loops.add(new Loop.Contact(a, varTypes.get(a), b, varTypes.get(b), side, cover));
        scope.add(a);
        scope.add(b);
        bound += 2;
      } else {
        int v = newVar(randomType());
        loops.add(new Loop.Each(v, varTypes.get(v)));
        scope.add(v);
        bound++;
      }
    }
    PExpr guard = switch (r.nextInt(6)) {
      case 0 -> null; // no `when`
      case 1 -> new PExpr.Const(1, PType.BOOL);
      default -> bool(0);
    };
    List<PEffect> effects = new ArrayList<>();
    int effectCount = 1 + r.nextInt(3);
    for (int i = 0; i < effectCount; i++) {
      effects.add(effect());
    }
    return new LawPlan(name, loops, guard, effects, varTypes.size(), localCount);
  }

  private int randomType() {
    return r.nextInt(4) == 0 ? Loop.ANY_TYPE : r.nextInt(schema.types().size());
  }

  private int newVar(int type) {
    varTypes.add(type);
    return varTypes.size() - 1;
  }

  // ------------------------------------------------------------------ effects

  /** A plain spawn, or a creation with a probability (written, certain or fitted) over places or a range. */
  private PEffect creation() {
    int type = r.nextInt(schema.types().size());
    double probability = r.nextInt(3) == 0 ? 1 : 0.01 + 0.98 * r.nextDouble();
    int chance = r.nextBoolean() ? -1 : r.nextInt(3);
    return switch (r.nextInt(3)) {
      case 0 -> new PEffect.Spawn(type, integer(1), integer(1));
      case 1 -> {
        int n = 1 + r.nextInt(3);
        List<PExpr> xs = new ArrayList<>();
        List<PExpr> ys = new ArrayList<>();
        double[] weights = new double[n];
        for (int i = 0; i < n; i++) {
          xs.add(integer(1));
          ys.add(integer(1));
          weights[i] = r.nextInt(4) == 0 ? 1 : 0.1 + 3 * r.nextDouble();
        }
        yield new PEffect.Create(type, xs, ys, weights, probability, chance);
      }
      default -> new PEffect.CreateRange(type, integer(1), integer(1), integer(1), integer(1), probability, chance);
    };
  }

  private PEffect effect() {
    if (r.nextInt(5) == 0) {
      // A conditional effect (what value sequences lower to), sometimes with an else, sometimes nested.
      return new PEffect.If(bool(1), effect(), r.nextBoolean() ? null : effect());
    }
    if (scope.isEmpty() || r.nextInt(6) == 0) {
      return creation();
    }
    boolean world = r.nextInt(6) == 0;
    int var = world ? PEffect.WORLD : pick(scope);
    int slot = world ? (r.nextBoolean() ? Slots.REWARD : Slots.END) : targetSlot(var);
    return switch (r.nextInt(world ? 3 : 4)) {  // a joint choice is over one object's targets
      case 0 -> new PEffect.Exact(var, slot, integer(0));
      case 3 -> joint(var);
      case 1 -> new PEffect.Range(var, slot, integer(1), integer(1));
      case 2 -> {
        // Weights read at t (`weighted(v: n_free, ...)`), some scaled by a decimal, some never positive.
        int n = 1 + r.nextInt(3);
        List<PExpr> values = new ArrayList<>();
        List<PExpr> weights = new ArrayList<>();
        double[] scales = new double[n];
        for (int i = 0; i < n; i++) {
          values.add(integer(1));
          weights.add(integer(1));
          scales[i] = r.nextBoolean() ? 1.0 : r.nextInt(10) / 10.0 + r.nextDouble() / 7;
        }
        yield new PEffect.ComputedChoice(var, slot, values, weights, scales);
      }
      default -> {
        int n = 1 + r.nextInt(3);
        List<PExpr> values = new ArrayList<>();
        double[] weights = new double[n];
        boolean uniform = r.nextBoolean();
        for (int i = 0; i < n; i++) {
          values.add(integer(1));
          weights[i] = uniform ? 1.0 : r.nextInt(10) / 10.0 + r.nextDouble() / 7;
        }
        yield new PEffect.Choice(var, slot, values, weights);
      }
    };
  }

  /** A joint choice over one to three distinct targets of {@code var} (never presence). */
  private PEffect joint(int var) {
    java.util.TreeSet<Integer> slots = new java.util.TreeSet<>();
    for (int k = 1 + r.nextInt(3); k > 0; k--) {
      int slot = targetSlot(var);
      slots.add(slot == Slots.ALIVE ? Slots.X : slot);
    }
    int n = 1 + r.nextInt(4);
    List<List<PExpr>> values = new ArrayList<>();
    double[] weights = new double[n];
    for (int a = 0; a < n; a++) {
      List<PExpr> row = new ArrayList<>();
      for (int i = 0; i < slots.size(); i++) {
        row.add(integer(1));
      }
      values.add(row);
      weights[a] = r.nextInt(4) == 0 ? 1.0 : r.nextInt(10) / 10.0 + r.nextDouble() / 7;
    }
    return new PEffect.Joint(var, slots.stream().mapToInt(Integer::intValue).toArray(), values, weights);
  }

  private int targetSlot(int var) {
    int type = varTypes.get(var);
    int extras = type == Loop.ANY_TYPE ? 0 : schema.type(type).extras().size();
    int k = r.nextInt(3 + extras);
    return switch (k) {
      case 0 -> Slots.X;
      case 1 -> Slots.Y;
      case 2 -> Slots.ALIVE;
      default -> Slots.FIRST_EXTRA + (k - 3);
    };
  }

  // ------------------------------------------------------------------ expressions

  private PExpr integer(int depth) {
    boolean leaf = depth >= MAX_DEPTH || r.nextInt(3) == 0;
    if (leaf) {
      return switch (r.nextInt(6)) {
        case 0, 1 -> constant();
        case 2 -> scope.isEmpty() ? constant() : attr(depth, false);
        case 3 -> scope.isEmpty() ? constant() : new PExpr.Velocity(pick(scope), r.nextBoolean() ? Slots.X : Slots.Y,
            stepsBack(depth));
        case 4 -> r.nextBoolean() ? new PExpr.Action(stepsBack(depth)) : new PExpr.Step();
        default -> locals.isEmpty() ? new PExpr.CountType(randomType()) : new PExpr.Local(pick(locals));
      };
    }
    return switch (r.nextInt(10)) {
      case 0 -> new PExpr.Unary(PExpr.UnaryOp.NEG, integer(depth + 1), PType.INT);
      case 1, 2 -> new PExpr.Binary(pick(List.of(BinaryOp.ADD, BinaryOp.SUB, BinaryOp.MUL, BinaryOp.DIV, BinaryOp.MOD)),
          integer(depth + 1), integer(depth + 1), PType.INT);
      case 3 -> new PExpr.If(bool(depth + 1), integer(depth + 1), integer(depth + 1), PType.INT);
      case 4 -> call(depth, false);
      case 5 -> quantifier(depth, true);
      case 6 -> history(depth, PExpr.Quantifier.COUNT);
      case 7 -> new PExpr.CountType(randomType());
      case 8 -> scope.isEmpty() ? constant() : attr(depth, false);
      default -> scope.isEmpty() ? new PExpr.Action(null)
          : new PExpr.Velocity(pick(scope), r.nextBoolean() ? Slots.X : Slots.Y, stepsBack(depth));
    };
  }

  private PExpr bool(int depth) {
    boolean leaf = depth >= MAX_DEPTH || r.nextInt(4) == 0;
    if (leaf) {
      return switch (r.nextInt(3)) {
        case 0 -> new PExpr.Const(r.nextInt(2), PType.BOOL);
        case 1 -> {
          PExpr boolAttr = scope.isEmpty() ? null : attr(depth, true);
          yield boolAttr != null ? boolAttr : new PExpr.Const(r.nextInt(2), PType.BOOL);
        }
        default -> comparison(MAX_DEPTH);
      };
    }
    return switch (r.nextInt(11)) {
      case 0 -> new PExpr.Unary(PExpr.UnaryOp.NOT, bool(depth + 1), PType.BOOL);
      case 1, 2 -> comparison(depth + 1);
      case 3 -> new PExpr.Binary(r.nextBoolean() ? BinaryOp.AND : BinaryOp.OR, bool(depth + 1), bool(depth + 1),
          PType.BOOL);
      case 4 -> new PExpr.If(bool(depth + 1), bool(depth + 1), bool(depth + 1), PType.BOOL);
      case 5 -> {
        int n = 1 + r.nextInt(4);
        List<PExpr> elements = new ArrayList<>();
        for (int i = 0; i < n; i++) {
          elements.add(r.nextBoolean() ? constant() : integer(depth + 1));
        }
        yield new PExpr.InSet(r.nextBoolean() ? new PExpr.Action(stepsBack(depth)) : integer(depth + 1), elements,
            r.nextInt(3) == 0);
      }
      case 6 -> new PExpr.InRange(integer(depth + 1), integer(depth + 1), integer(depth + 1), r.nextInt(3) == 0);
      case 7 -> quantifier(depth, false);
      case 8 -> history(depth, r.nextBoolean() ? PExpr.Quantifier.ALL : PExpr.Quantifier.ANY);
      case 9 -> r.nextInt(4) == 0 ? next(depth) : call(depth, true);
      default -> {
        // Equality on bools and on objects.
        if (scope.size() >= 2 && r.nextBoolean()) {
          yield new PExpr.Binary(r.nextBoolean() ? BinaryOp.EQ : BinaryOp.NE, new PExpr.ObjectVar(pick(scope)),
              new PExpr.ObjectVar(pick(scope)), PType.BOOL);
        }
        yield new PExpr.Binary(r.nextBoolean() ? BinaryOp.EQ : BinaryOp.NE, bool(depth + 1), bool(depth + 1),
            PType.BOOL);
      }
    };
  }

  private PExpr comparison(int depth) {
    BinaryOp op = pick(List.of(BinaryOp.EQ, BinaryOp.NE, BinaryOp.LT, BinaryOp.LE, BinaryOp.GT, BinaryOp.GE));
    return new PExpr.Binary(op, integer(depth), integer(depth), PType.BOOL);
  }

  private PExpr constant() {
    int v = switch (r.nextInt(8)) {
      case 0 -> Integer.MIN_VALUE + r.nextInt(3);
      case 1 -> Integer.MAX_VALUE - r.nextInt(3);
      case 2 -> r.nextInt(401) - 200;
      default -> r.nextInt(13) - 4;
    };
    return new PExpr.Const(v, PType.INT);
  }

  /** A read of an attribute of a variable in scope; for wantBool, a bool extra or null if none. */
  private PExpr attr(int depth, boolean wantBool) {
    int var = pick(scope);
    int type = varTypes.get(var);
    List<Integer> slots = new ArrayList<>();
    if (!wantBool) {
      slots.addAll(List.of(Slots.X, Slots.Y, Slots.W, Slots.H));
    }
    if (type != Loop.ANY_TYPE) {
      EntityType t = schema.type(type);
      for (int k = 0; k < t.extras().size(); k++) {
        AttributeSpec spec = t.extras().get(k);
        if ((spec.kind() == AttributeKind.BOOL) == wantBool) {
          slots.add(Slots.FIRST_EXTRA + k);
        }
      }
    }
    if (slots.isEmpty()) {
      return null;
    }
    return new PExpr.Attr(var, pick(slots), stepsBack(depth), wantBool ? PType.BOOL : PType.INT);
  }

  /** Null (now), a constant step count, a history counter, or any int expression. */
  private PExpr stepsBack(int depth) {
    return switch (r.nextInt(6)) {
      case 0, 1 -> null;
      case 2 -> new PExpr.Const(1 + r.nextInt(17), PType.INT);
      case 3 -> locals.isEmpty() ? null : new PExpr.Local(pick(locals));
      case 4 -> new PExpr.Const(r.nextInt(3), PType.INT);
      default -> depth >= MAX_DEPTH ? null : integer(MAX_DEPTH);
    };
  }

  private PExpr quantifier(int depth, boolean counting) {
    int var = newVar(randomType());
    int[] excluded = scope.stream().mapToInt(Integer::intValue).toArray();
    scope.add(var);
    PExpr where = r.nextInt(5) == 0 ? null : bool(depth + 1);
    if (excluded.length > 0 && r.nextInt(3) == 0) {
      where = touchingCondition(var, excluded[r.nextInt(excluded.length)], where);
    }
    scope.remove(scope.size() - 1);
    PExpr q = counting ? new PExpr.CountWhere(var, varTypes.get(var), excluded, where)
        : new PExpr.Exists(var, varTypes.get(var), excluded, where);
    if (r.nextInt(3) == 0) {
      // Read at an earlier frame; the steps may be any int (negative, or beyond the history kept).
      PExpr steps = stepsBack(depth);
      return dev.nomos.compiler.check.internal.HistoryShift.earlier(q,
          steps != null ? steps : new PExpr.Const(r.nextInt(18), PType.INT));
    }
    return q;
  }

  /**
   * A condition that requires {@code var} to touch {@code near} (the shape the engines scan through
   * the contact pairs, TouchingScan), either way round, as {@code touching} or as a side other than
   * NONE, and-ed before or after {@code rest} (none when null).
   */
  private PExpr touchingCondition(int var, int near, PExpr rest) {
    boolean nearFirst = r.nextBoolean();
    List<PExpr> pair = List.of(new PExpr.ObjectVar(nearFirst ? near : var), new PExpr.ObjectVar(nearFirst ? var : near));
    PExpr touch = r.nextBoolean()
        ? new PExpr.Call(Stdlib.lookup("touching").orElseThrow(), pair, PType.BOOL)
        : new PExpr.Binary(PExpr.BinaryOp.EQ, new PExpr.Call(Stdlib.lookup("side").orElseThrow(), pair, PType.INT),
            new PExpr.Const(r.nextInt(4), PType.INT), PType.BOOL);
    if (rest == null) {
      return touch;
    }
    return r.nextBoolean() ? new PExpr.Binary(PExpr.BinaryOp.AND, touch, rest, PType.BOOL)
        : new PExpr.Binary(PExpr.BinaryOp.AND, rest, touch, PType.BOOL);
  }

  /** {@code next(c)}: c on the sink's next frame, the variables in scope mapped there by id. */
  private PExpr next(int depth) {
    PExpr body = bool(depth + 1);
    java.util.TreeSet<Integer> read = dev.nomos.compiler.check.internal.HistoryShift.objectsRead(body);
    read.retainAll(scope);
    int[] skipped = scope.stream().filter(v -> !read.contains(v)).mapToInt(Integer::intValue).toArray();
    return new PExpr.Next(body, read.stream().mapToInt(Integer::intValue).toArray(), skipped);
  }

  private PExpr history(int depth, PExpr.Quantifier quantifier) {
    int local = localCount++;
    int low = r.nextInt(4);
    int high = low + r.nextInt(6) - 1;
    locals.add(local);
    PExpr body = bool(depth + 1);
    locals.remove(locals.size() - 1);
    return new PExpr.HistoryAggregate(quantifier, local, low, high, body);
  }

  private PExpr call(int depth, boolean wantBool) {
    List<StdlibFunction> candidates = new ArrayList<>();
    for (StdlibFunction f : Stdlib.all()) {
      boolean returnsBool = f.returns() == ParamType.BOOL;
      boolean needsObjects = f.takesFrame();
      if (returnsBool == wantBool && (!needsObjects || !scope.isEmpty())) {
        candidates.add(f);
      }
    }
    if (candidates.isEmpty()) {
      return wantBool ? comparison(depth + 1) : constant();
    }
    StdlibFunction f = pick(candidates);
    List<PExpr> args = new ArrayList<>();
    for (StdlibFunction.Param p : f.params()) {
      args.add(switch (p.type()) {
        case OBJECT -> new PExpr.ObjectVar(pick(scope));
        case BOOL -> bool(depth + 1);
        case TYPE -> new PExpr.Const(randomType(), PType.INT);
        case INT, SIDE -> integer(depth + 1);
      });
    }
    PExpr.Call call = new PExpr.Call(f, args, wantBool ? PType.BOOL : PType.INT);
    if (f.takesFrame() && r.nextInt(3) > 0) {
      // At an earlier frame: deep enough that objects are often missing there, or not kept at all.
      PExpr steps = stepsBack(depth);
      return new PExpr.CallAt(call, steps != null ? steps : new PExpr.Const(r.nextInt(18), PType.INT));
    }
    return call;
  }

  private <T> T pick(List<T> items) {
    return items.get(r.nextInt(items.size()));
  }
}
