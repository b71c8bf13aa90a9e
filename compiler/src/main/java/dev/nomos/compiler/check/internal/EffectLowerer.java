package dev.nomos.compiler.check.internal;

import dev.nomos.compiler.ast.Effect;
import dev.nomos.compiler.ast.Expr;
import dev.nomos.compiler.ast.Target;
import dev.nomos.compiler.check.internal.ExprLowerer.Typed;
import dev.nomos.compiler.check.internal.LawContext.ObjectVar;
import dev.nomos.compiler.diag.Codes;
import dev.nomos.compiler.plan.Loop;
import dev.nomos.compiler.plan.PEffect;
import dev.nomos.compiler.plan.PExpr;
import dev.nomos.compiler.plan.PType;
import dev.nomos.compiler.source.Span;
import dev.nomos.runtime.AttributeSpec;
import dev.nomos.runtime.EntityType;
import dev.nomos.runtime.Slots;
import dev.nomos.runtime.WorldSchema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks the effects of one law and lowers them: targets resolved to slots, velocity writes turned
 * into next positions, values checked against the target's type and declared range, and a second
 * effect on a target already spoken to flagged.
 */
public final class EffectLowerer {
  private final LawContext cx;
  private final ExprLowerer lower;
  private final WorldSchema schema;
  /** Targets already written by this law ("var:slot"), with the effect that wrote them first. */
  private final Map<String, Span> targets = new HashMap<>();
  private final CreationLowerer creations;
  /** The owner of the world's targets: no binding, var {@link PEffect#WORLD}. */
  private final ObjectVar world;

  public EffectLowerer(LawContext cx, ExprLowerer lower) {
    this.cx = cx;
    this.lower = lower;
    this.schema = cx.schema;
    this.creations = new CreationLowerer(cx, lower, this);
    this.world = cx.worldTargetOwner();
  }


  /** A resolved effect target. {@code velocity}: the value is a displacement added to the position. */
  record TargetInfo(ObjectVar object, int slot, Ty type, boolean velocity, long min, long max,
      String rangeLabel, String display) {}

  /** Checks one effect and lowers it; null after reporting its errors. */
  public PEffect lower(Effect e) {
    if (e instanceof Effect.Destroy d) {
      ObjectVar v = lower.object(d.object());
      if (v == null) {
        return null;
      }
      noteTarget(v.var + ":" + Slots.ALIVE, d.object().text() + ".alive", e.span());
      return new PEffect.Exact(v.var, Slots.ALIVE, new PExpr.Const(0, PType.BOOL));
    }
    if (e instanceof Effect.Spawn s) {
      return spawn(s);
    }
    if (e instanceof Effect.Choose c) {
      return new JointLowerer(cx, lower, this).lower(c);
    }
    if (e instanceof Effect.Create c) {
      return creations.lower(c);
    }
    if (e instanceof Effect.Sequence q) {
      return sequence(q);
    }
    if (e instanceof Effect.Assign a) {
      TargetInfo t = target(a.target());
      Typed v = lower.lower(a.value(), t == null ? null : t.type);
      v = t == null ? null : checkValue(t, a.value(), v);
      if (v == null) {
        return null;
      }
      noteTarget(key(t), t.display, e.span());
      return new PEffect.Exact(t.object.var, t.slot, next(t, v.plan()));
    }
    if (e instanceof Effect.OneOf o) {
      TargetInfo t = target(o.target());
      List<PExpr> values = new ArrayList<>();
      boolean ok = t != null;
      for (Expr value : o.values()) {
        Typed v = lower.lower(value, t == null ? null : t.type);
        v = t == null ? null : checkValue(t, value, v);
        ok &= v != null;
        values.add(ok ? next(t, v.plan()) : null);
      }
      if (!ok) {
        return null;
      }
      noteTarget(key(t), t.display, e.span());
      double[] weights = new double[values.size()];
      Arrays.fill(weights, 1.0);
      return new PEffect.Choice(t.object.var, t.slot, values, weights);
    }
    if (e instanceof Effect.Range r) {
      TargetInfo t = target(r.target());
      Typed lo = lower.lower(r.low(), Ty.INT);
      Typed hi = lower.lower(r.high(), Ty.INT);
      if (t == null) {
        return null;
      }
      if (t.type.kind() != Ty.Kind.INT) {
        cx.error(Codes.TYPE_MISMATCH, r.span(), "`range` needs an int target, but `" + t.display + "` is "
            + t.type.describe(schema), "use `one_of(...)` to list the possible values");
        return null;
      }
      lo = checkValue(t, r.low(), lo);
      hi = checkValue(t, r.high(), hi);
      if (lo == null || hi == null) {
        return null;
      }
      if (r.low() instanceof Expr.IntLit l && r.high() instanceof Expr.IntLit h && l.value() > h.value()) {
        cx.error(Codes.EMPTY_RANGE, r.span(), "range(" + l.value() + ", " + h.value() + ") is empty",
            "write the smaller bound first: `range(" + h.value() + ", " + l.value() + ")`");
        return null;
      }
      noteTarget(key(t), t.display, e.span());
      return new PEffect.Range(t.object.var, t.slot, next(t, lo.plan()), next(t, hi.plan()));
    }
    Effect.Weighted w = (Effect.Weighted) e;
    TargetInfo t = target(w.target());
    List<PExpr> values = new ArrayList<>();
    double[] weights = new double[w.alternatives().size()];
    List<PExpr> computed = new ArrayList<>();
    boolean ok = t != null;
    for (int i = 0; i < w.alternatives().size(); i++) {
      Effect.WeightedAlt alt = w.alternatives().get(i);
      Typed v = lower.lower(alt.value(), t == null ? null : t.type);
      v = t == null ? null : checkValue(t, alt.value(), v);
      ok &= v != null;
      values.add(ok ? next(t, v.plan()) : null);
      if (alt.weightExpr() != null) {
        Typed weight = lower.expect(alt.weightExpr(), Ty.INT, "the weight of an alternative");
        ok &= weight.ok();
        long[] bounds = weight.ok() ? Intervals.of(weight.plan(), cx.stepBounds()) : null;
        if (bounds != null && bounds[1] <= 0) {
          cx.error(Codes.BAD_WEIGHT, alt.weightExpr().span(), "the weight of an alternative must be positive, but `"
              + cx.text(alt.weightExpr().span()) + "` is never more than " + bounds[1],
              "leave out alternatives that should never happen");
          ok = false;
        }
        // A weight built from constants (`often + 1`) is a constant: the law stays a plain choice.
        boolean constant = bounds != null && bounds[0] == bounds[1];
        computed.add(constant ? new PExpr.Const((int) bounds[0], PType.INT) : weight.plan());
        weights[i] = 1;
        continue;
      }
      computed.add(new PExpr.Const(1, PType.INT));
      weights[i] = alt.weight();
      if (!(alt.weight() > 0) || Double.isInfinite(alt.weight())) {
        cx.error(Codes.BAD_WEIGHT, alt.span(), "the weight of an alternative must be positive, got " + alt.weightText(),
            "leave out alternatives that should never happen");
        ok = false;
      }
    }
    if (!ok) {
      return null;
    }
    noteTarget(key(t), t.display, e.span());
    if (computed.stream().allMatch(PExpr.Const.class::isInstance)) {
      for (int i = 0; i < weights.length; i++) {
        weights[i] *= ((PExpr.Const) computed.get(i)).value();
      }
      return new PEffect.Choice(t.object.var, t.slot, values, weights);
    }
    return new PEffect.ComputedChoice(t.object.var, t.slot, values, computed, weights);
  }

  /**
   * {@code o.a := seq(v0, ..., vn-1) after c}, lowered to history reads: if c held now, v0; else if
   * it held one step ago, v1; ... else no opinion. The trigger counts at t-j only if the target and
   * every object the trigger reads have been present since t-j.
   */
  private PEffect sequence(Effect.Sequence q) {
    TargetInfo t = target(q.target());
    List<PExpr> values = new ArrayList<>();
    boolean ok = t != null;
    for (Expr value : q.values()) {
      Typed v = lower.lower(value, t == null ? null : t.type);
      v = t == null ? null : checkValue(t, value, v);
      ok &= v != null;
      values.add(ok ? next(t, v.plan()) : null);
    }
    Typed trigger = lower.expect(q.trigger(), Ty.BOOL, "the trigger after `after`");
    if (!ok || !trigger.ok()) {
      return null;
    }
    int deepest = HistoryShift.deepest(trigger.plan());
    int lookBack = values.size() - 1;
    if (deepest + lookBack > dev.nomos.runtime.Frame.MAX_HISTORY) {
      cx.error(Codes.HISTORY_TOO_DEEP, q.span(), "this sequence looks for its trigger up to " + lookBack
          + " steps back" + (deepest > 0 ? ", and the trigger itself reads " + deepest + " steps back," : "")
          + " so it reaches " + (deepest + lookBack) + " steps back; at most " + dev.nomos.runtime.Frame.MAX_HISTORY
          + " are kept", "use at most " + (dev.nomos.runtime.Frame.MAX_HISTORY + 1 - deepest) + " values");
      return null;
    }
    java.util.TreeSet<Integer> present = HistoryShift.objectsRead(trigger.plan());
    if (t.object.var != PEffect.WORLD) {
      present.add(t.object.var); // the world is always there
    }
    noteTarget(key(t), t.display, q.span());
    PEffect chain = null;
    for (int j = values.size() - 1; j >= 0; j--) {
      PExpr condition = HistoryShift.shift(trigger.plan(), j);
      if (j > 0) {
        for (int var : present.descendingSet()) {
          condition = new PExpr.Binary(PExpr.BinaryOp.AND, presentSince(var, j), condition, PType.BOOL);
        }
      }
      chain = new PEffect.If(condition, new PEffect.Exact(t.object.var, t.slot, values.get(j)), chain);
    }
    return chain;
  }

  /** {@code age(var) >= j}: the object has been present in every frame from t-j to t. */
  private static PExpr presentSince(int var, int j) {
    dev.nomos.stdlib.StdlibFunction age = dev.nomos.stdlib.Stdlib.lookup("age").orElseThrow();
    PExpr call = new PExpr.Call(age, List.of(new PExpr.ObjectVar(var)), PType.INT);
    return new PExpr.Binary(PExpr.BinaryOp.GE, call, new PExpr.Const(j, PType.INT), PType.BOOL);
  }

  static String key(TargetInfo t) {
    return t.object.var + ":" + t.slot;
  }

  /** The value at t+1: a velocity write predicts the position it leads to. */
  static PExpr next(TargetInfo t, PExpr value) {
    if (!t.velocity) {
      return value;
    }
    PExpr position = new PExpr.Attr(t.object.var, t.slot, null, PType.INT);
    return new PExpr.Binary(PExpr.BinaryOp.ADD, position, value, PType.INT);
  }

  /**
   * The value written to {@code t} (symbols of another set converted by name), or null after
   * reporting a wrong type or an int literal outside the target's declared range.
   */
  Typed checkValue(TargetInfo t, Expr value, Typed v) {
    if (v.type().isError()) {
      return null;
    }
    if (!v.type().compatible(t.type)) {
      Typed converted = Symbols.convert(v, t.type, true);
      if (converted != null) {
        return converted;
      }
      String hint = t.type.kind() == Ty.Kind.SYMBOL
          ? "the values of `" + t.display + "` are: " + String.join(", ", t.type.symbols().symbols()) : null;
      cx.error(Codes.TYPE_MISMATCH, value.span(), "`" + t.display + "` takes " + t.type.describe(schema) + ", but `"
          + cx.text(value.span()) + "` is " + v.type().describe(schema), hint);
      return null;
    }
    if (t.rangeLabel != null && value instanceof Expr.IntLit lit && (lit.value() < t.min || lit.value() > t.max)) {
      cx.error(Codes.LITERAL_OUT_OF_RANGE, value.span(), lit.value() + " is outside " + t.rangeLabel + " "
          + t.min + ".." + t.max, "write a value between " + t.min + " and " + t.max);
      return null;
    }
    return v.ok() ? v : null;
  }

  void noteTarget(String key, String display, Span span) {
    Span first = targets.putIfAbsent(key, span);
    if (first != null) {
      cx.warning(Codes.DUPLICATE_EFFECT, span, "`" + display + "` already has an effect on line " + first.line()
          + "; the two opinions combine as a union", "merge them into one effect, e.g. with `one_of(...)`");
    }
  }

  TargetInfo target(Target target) {
    if (target.isWorld()) {
      return worldTarget(target);
    }
    ObjectVar v = lower.object(target.object());
    if (v == null || !v.typeKnown) {
      return null;
    }
    String attr = target.attribute().text();
    String display = v.name + "." + attr;
    EntityType receiver = v.type == Loop.ANY_TYPE ? null : schema.type(v.type);
    // A constraint's requirement on a derived edge or centre arrives rewritten to one on x or y at
    // the same place; the name written there is the one to record.
    String written = cx.text(target.attribute().span());
    if (Attributes.writable(receiver).contains(attr) || Attributes.isBuiltIn(written)) {
      cx.refer(new dev.nomos.compiler.ast.Name(written, target.attribute().span()),
          cx.attributeDeclaration(receiver, written), cx.typeName(v));
    }
    switch (attr) {
      case "x":
      case "y":
        return new TargetInfo(v, Slots.builtIn(attr), Ty.INT, false, 0, 0, null, display);
      case "vx":
      case "vy":
        return new TargetInfo(v, attr.equals("vx") ? Slots.X : Slots.Y, Ty.INT, true, schema.velocityMin(),
            schema.velocityMax(), "the world's velocity range", display);
      case Attributes.ALIVE:
        return new TargetInfo(v, Slots.ALIVE, Ty.BOOL, false, 0, 1, null, display);
      default:
        break;
    }
    String notWritable = notWritableHint(attr, v.name);
    if (notWritable != null) {
      cx.error(Codes.NOT_WRITABLE, target.attribute().span(), "`" + attr + "` cannot be written", notWritable);
      return null;
    }
    EntityType type = v.type == Loop.ANY_TYPE ? null : schema.type(v.type);
    int slot = type == null ? -1 : type.slotOf(attr);
    if (slot < Slots.FIRST_EXTRA) {
      String owner = type == null ? "objects bound as `Object` have" : "`" + type.name() + "` has";
      cx.unknown(Codes.UNKNOWN_ATTRIBUTE, target.attribute(), owner + " no attribute `" + attr + "`",
          Attributes.writable(type), "writable attributes: " + String.join(", ", Attributes.writable(type)));
      return null;
    }
    AttributeSpec spec = type.extraAt(slot);
    return switch (spec.kind()) {
      case INT -> new TargetInfo(v, slot, Ty.INT, false, spec.min(), spec.max(),
          "the range of `" + type.name() + "." + attr + "`", display);
      case BOOL -> new TargetInfo(v, slot, Ty.BOOL, false, 0, 1, null, display);
      case SYMBOL -> new TargetInfo(v, slot, Ty.of(Symbols.of(type, spec)), false, 0, 0, null, display);
    };
  }

  /** {@code reward} (an int, any value) or {@code end} (a bool) of the world; else N360. */
  private TargetInfo worldTarget(Target target) {
    String name = target.attribute().text();
    cx.refer(target.attribute(), cx.meaning().worldTarget(name), null);
    if (name.equals(WorldTargets.REWARD)) {
      return new TargetInfo(world, Slots.REWARD, Ty.INT, false, 0, 0, null, name);
    }
    if (name.equals(WorldTargets.END)) {
      return new TargetInfo(world, Slots.END, Ty.BOOL, false, 0, 1, null, name);
    }
    ObjectVar named = cx.lookupObject(name);
    if (named != null) {
      named.used = true; // the author meant it: one error, not also "never used"
      cx.error(Codes.UNKNOWN_WORLD_TARGET, target.span(), "`" + name + "` is an object; an effect writes one of its attributes",
          "write e.g. `" + name + ".x := ...`, or `destroy " + name + "`");
    } else {
      cx.unknown(Codes.UNKNOWN_WORLD_TARGET, target.attribute(), "`" + name + "` is not a target of the world",
          WorldTargets.NAMES, "the world's targets are `reward` and `end`; objects' attributes are written `o.attr`");
    }
    return null;
  }

  /** Why a built-in attribute is not a target, or null when it is not one of the read-only ones. */
  private static String notWritableHint(String attr, String object) {
    return switch (attr) {
      case "w", "h" -> "sizes are not predicted; laws predict positions, velocities, presence and declared attributes";
      case "left" -> "`left` is derived from x; write `" + object + ".x := ...` instead";
      case "top" -> "`top` is derived from y; write `" + object + ".y := ...` instead";
      case "right", "cx" -> "`" + attr + "` is derived from x and w; write `" + object + ".x := ...` instead";
      case "bottom", "cy" -> "`" + attr + "` is derived from y and h; write `" + object + ".y := ...` instead";
      default -> null;
    };
  }

  private PEffect spawn(Effect.Spawn s) {
    int type = cx.resolveType(s.type(), false);
    Typed x = lower.expect(s.x(), Ty.INT, "the x of `spawn`");
    Typed y = lower.expect(s.y(), Ty.INT, "the y of `spawn`");
    boolean ok = type != LawContext.UNKNOWN_TYPE && x.ok() && y.ok();
    ok &= onScreen(s.x(), schema.screenWidth(), "x");
    ok &= onScreen(s.y(), schema.screenHeight(), "y");
    return ok ? new PEffect.Spawn(type, x.plan(), y.plan()) : null;
  }

  boolean onScreen(Expr e, int size, String axis) {
    if (e instanceof Expr.IntLit lit && (lit.value() < 0 || lit.value() >= size)) {
      cx.error(Codes.LITERAL_OUT_OF_RANGE, e.span(), "spawn " + axis + " " + lit.value() + " is off the screen (0.."
          + (size - 1) + ")", "spawn inside the screen declared by the world");
      return false;
    }
    return true;
  }

}
