package dev.nomos.compiler.check;

import dev.nomos.compiler.ast.Binder;
import dev.nomos.compiler.ast.Binding;
import dev.nomos.compiler.ast.Effect;
import dev.nomos.compiler.ast.Expr;
import dev.nomos.compiler.ast.LawDecl;
import dev.nomos.compiler.ast.Target;
import dev.nomos.compiler.check.internal.Attributes;
import dev.nomos.compiler.check.internal.Contradictions;
import dev.nomos.compiler.check.internal.ExprLowerer;
import dev.nomos.compiler.check.internal.ExprLowerer.Typed;
import dev.nomos.compiler.check.internal.LawContext;
import dev.nomos.compiler.check.internal.LawContext.ObjectVar;
import dev.nomos.compiler.check.internal.Ty;
import dev.nomos.compiler.diag.Codes;
import dev.nomos.compiler.diag.Diagnostic;
import dev.nomos.compiler.plan.LawPlan;
import dev.nomos.compiler.plan.Loop;
import dev.nomos.compiler.plan.PEffect;
import dev.nomos.compiler.plan.PExpr;
import dev.nomos.compiler.plan.PType;
import dev.nomos.compiler.source.SourceFile;
import dev.nomos.compiler.source.Span;
import dev.nomos.runtime.AttributeSpec;
import dev.nomos.runtime.EntityType;
import dev.nomos.runtime.Slots;
import dev.nomos.runtime.WorldSchema;
import dev.nomos.stdlib.Side;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Checks one law against a world and lowers it to a {@link LawPlan}. Every error of the law is
 * reported (not only the first); the plan exists only when there were no errors and no holes.
 */
public final class LawChecker {
  /** At most this many objects may be bound by a law's binder clauses. */
  public static final int MAX_BOUND_OBJECTS = 3;
  public static final double MAX_WEIGHT = 10.0;
  /** The relations an {@code on} clause may name, and their options. */
  public static final List<String> RELATIONS = List.of("contact");
  public static final List<String> RELATION_OPTIONS = List.of("side", "cover");

  /** The outcome for one law: its plan (null when it has errors or holes), its holes and its error count. */
  public record Result(LawPlan plan, List<Hole> holes, int errors) {
    public Result {
      holes = List.copyOf(holes);
    }
  }

  private final WorldSchema schema;
  private final SourceFile source;
  private final boolean allowHoles;
  private final List<Diagnostic> out;

  public LawChecker(WorldSchema schema, SourceFile source, boolean allowHoles, List<Diagnostic> out) {
    this.schema = schema;
    this.source = source;
    this.allowHoles = allowHoles;
    this.out = out;
  }

  public Result check(LawDecl law) {
    LawContext cx = new LawContext(schema, source, allowHoles, out);
    ExprLowerer lower = new ExprLowerer(cx);
    checkWeight(cx, law);
    List<Loop> loops = new ArrayList<>();
    List<ObjectVar> forVars = new ArrayList<>();
    int bound = 0;
    for (Binder b : law.binders()) {
      for (Binding binding : b.bindings()) {
        bound++;
        if (bound == MAX_BOUND_OBJECTS + 1) {
          cx.error(Codes.TOO_MANY_BINDINGS, binding.span(), "a law binds at most " + MAX_BOUND_OBJECTS
              + " objects; `" + binding.variable().text() + "` is the " + bound + "th",
              "split the law, or ask about further objects with `exists o: T where ...`");
        }
      }
      if (b instanceof Binder.For f) {
        for (Binding binding : f.bindings()) {
          ObjectVar v = declare(cx, binding);
          forVars.add(v);
          if (v.typeKnown) {
            loops.add(new Loop.Each(v.var, v.type));
          }
        }
      } else {
        Loop.Contact contact = relation(cx, (Binder.Relation) b);
        if (contact != null) {
          loops.add(contact);
        }
      }
    }
    PExpr guard = new PExpr.Const(1, PType.BOOL);
    if (law.guard() != null) {
      Typed g = lower.expect(law.guard(), Ty.BOOL, "the `when` guard");
      if (g.ok()) {
        guard = g.plan();
        List<Expr> contradiction = Contradictions.find(law.guard(), guard, subject -> declaredRange(loops, subject));
        if (contradiction != null) {
          reportNeverTrue(cx, law.guard(), contradiction);
        }
      }
    }
    List<PEffect> effects = new ArrayList<>();
    Map<String, Span> targets = new HashMap<>();
    for (Effect e : law.effects()) {
      PEffect p = effect(cx, lower, e, targets);
      if (p != null) {
        effects.add(p);
      }
    }
    for (ObjectVar v : forVars) {
      if (!v.used && v.typeKnown && !v.name.startsWith("_")) {
        cx.warning(Codes.UNUSED_BINDING, v.binding.variable().span(), "`" + v.name + "` is bound but never used",
            "use it in the guard or an effect, or remove the binding (name it `_" + v.name + "` to keep it on purpose)");
      }
    }
    LawPlan plan = null;
    if (cx.errorCount() == 0 && cx.holes().isEmpty()) {
      plan = new LawPlan(law.name().text(), loops, guard, effects, cx.objectVarCount(), cx.localCount());
    }
    return new Result(plan, cx.holes(), cx.errorCount());
  }

  /** The declared support of an extra attribute of a loop variable now, or null. */
  private long[] declaredRange(List<Loop> loops, PExpr subject) {
    if (!(subject instanceof PExpr.Attr a) || a.slot() < Slots.FIRST_EXTRA) {
      return null;
    }
    for (Loop l : loops) {
      int type = Loop.ANY_TYPE;
      if (l instanceof Loop.Each e && e.var() == a.var()) {
        type = e.type();
      } else if (l instanceof Loop.Contact c && (c.varA() == a.var() || c.varB() == a.var())) {
        type = c.varA() == a.var() ? c.typeA() : c.typeB();
      }
      if (type != Loop.ANY_TYPE) {
        AttributeSpec spec = schema.type(type).extraAt(a.slot());
        return new long[] {spec.min(), spec.max()};
      }
    }
    return null;
  }

  private static ObjectVar declare(LawContext cx, Binding binding) {
    int type = cx.resolveType(binding.type(), true);
    boolean known = type != LawContext.UNKNOWN_TYPE;
    return cx.declareObject(binding, known ? type : Loop.ANY_TYPE, known);
  }

  private void checkWeight(LawContext cx, LawDecl law) {
    Double w = law.weight();
    if (w == null || (w >= 0 && w <= MAX_WEIGHT)) {
      return;
    }
    Span span = law.name().span();
    int at = law.weightText() == null ? -1 : source.text().indexOf(law.weightText(), law.name().span().end());
    if (at >= 0 && at < law.span().end()) {
      span = source.span(at, at + law.weightText().length());
    }
    cx.error(Codes.BAD_WEIGHT, span, "law weight " + law.weightText() + " is outside 0..10",
        "weights are fitted by `nomos fit`; write one between 0 and 10, or none");
  }

  // ---- binders

  private Loop.Contact relation(LawContext cx, Binder.Relation r) {
    boolean ok = true;
    if (!RELATIONS.contains(r.relation().text())) {
      cx.unknown(Codes.UNKNOWN_RELATION, r.relation(), "unknown relation `" + r.relation().text() + "`", RELATIONS,
          "the relations are: " + String.join(", ", RELATIONS));
      ok = false;
    }
    ObjectVar a = declare(cx, r.first());
    ObjectVar b = declare(cx, r.second());
    // The pair itself is what the relation tests, so its variables count as used.
    a.used = true;
    b.used = true;
    int side = Side.NONE.ordinal();
    int cover = 0;
    Map<String, Span> seen = new HashMap<>();
    for (Binder.RelationOption o : r.options()) {
      String name = o.name().text();
      if (!RELATION_OPTIONS.contains(name)) {
        cx.unknown(Codes.UNKNOWN_RELATION_OPTION, o.name(), "unknown option `" + name + "` of `contact`",
            RELATION_OPTIONS, "the options are `side: TOP|BOTTOM|LEFT|RIGHT` and `cover: 0.5`");
        ok = false;
        continue;
      }
      Span previous = seen.putIfAbsent(name, o.span());
      if (previous != null) {
        cx.error(Codes.DUPLICATE_DECLARATION, o.span(), "option `" + name + "` is given twice", "keep one");
        ok = false;
        continue;
      }
      if (o.value() instanceof Binder.HoleValue h) {
        cx.holeSeen(h.span(), name.equals("side") ? Hole.Kind.SIDE : Hole.Kind.COVER);
        continue;
      }
      if (name.equals("side")) {
        if (o.value() instanceof Binder.SymbolValue s) {
          List<String> sides = Side.NAMES.subList(0, Side.NONE.ordinal());
          int index = sides.indexOf(s.symbol().text());
          if (index < 0) {
            cx.unknown(Codes.UNKNOWN_SYMBOL, s.symbol(), "unknown side `" + s.symbol().text() + "`", sides,
                "the sides are: " + String.join(", ", sides));
            ok = false;
          } else {
            side = index;
          }
        } else {
          cx.error(Codes.TYPE_MISMATCH, o.value().span(), "`side` takes a side (TOP, BOTTOM, LEFT or RIGHT), not `"
              + cx.text(o.value().span()) + "`", null);
          ok = false;
        }
      } else {
        if (o.value() instanceof Binder.NumberValue n) {
          if (n.value() < 0 || n.value() > 1) {
            cx.error(Codes.LITERAL_OUT_OF_RANGE, n.span(), "cover " + n.text() + " is outside 0..1",
                "cover is the fraction of the touched side that is covered, e.g. `cover: 0.5`");
            ok = false;
          } else {
            cover = (int) Math.round(n.value() * 100);
          }
        } else {
          cx.error(Codes.TYPE_MISMATCH, o.value().span(), "`cover` takes a fraction between 0 and 1, not `"
              + cx.text(o.value().span()) + "`", null);
          ok = false;
        }
      }
    }
    if (!ok || !a.typeKnown || !b.typeKnown) {
      return null;
    }
    return new Loop.Contact(a.var, a.type, b.var, b.type, side, cover);
  }

  // ---- effects

  /** A resolved effect target. {@code velocity}: the value is a displacement added to the position. */
  private record TargetInfo(ObjectVar object, int slot, Ty type, boolean velocity, long min, long max,
      String rangeLabel, String display) {}

  private PEffect effect(LawContext cx, ExprLowerer lower, Effect e, Map<String, Span> targets) {
    if (e instanceof Effect.Destroy d) {
      ObjectVar v = lower.object(d.object());
      if (v == null) {
        return null;
      }
      noteTarget(cx, targets, v.var + ":" + Slots.ALIVE, d.object().text() + ".alive", e.span());
      return new PEffect.Exact(v.var, Slots.ALIVE, new PExpr.Const(0, PType.BOOL));
    }
    if (e instanceof Effect.Spawn s) {
      return spawn(cx, lower, s);
    }
    if (e instanceof Effect.Assign a) {
      TargetInfo t = target(cx, a.target());
      Typed v = lower.lower(a.value(), t == null ? null : t.type);
      v = t == null ? null : checkValue(cx, t, a.value(), v);
      if (v == null) {
        return null;
      }
      noteTarget(cx, targets, key(t), t.display, e.span());
      return new PEffect.Exact(t.object.var, t.slot, next(t, v.plan()));
    }
    if (e instanceof Effect.OneOf o) {
      TargetInfo t = target(cx, o.target());
      List<PExpr> values = new ArrayList<>();
      boolean ok = t != null;
      for (Expr value : o.values()) {
        Typed v = lower.lower(value, t == null ? null : t.type);
        v = t == null ? null : checkValue(cx, t, value, v);
        ok &= v != null;
        values.add(ok ? next(t, v.plan()) : null);
      }
      if (!ok) {
        return null;
      }
      noteTarget(cx, targets, key(t), t.display, e.span());
      double[] weights = new double[values.size()];
      Arrays.fill(weights, 1.0);
      return new PEffect.Choice(t.object.var, t.slot, values, weights);
    }
    if (e instanceof Effect.Range r) {
      TargetInfo t = target(cx, r.target());
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
      lo = checkValue(cx, t, r.low(), lo);
      hi = checkValue(cx, t, r.high(), hi);
      if (lo == null || hi == null) {
        return null;
      }
      if (r.low() instanceof Expr.IntLit l && r.high() instanceof Expr.IntLit h && l.value() > h.value()) {
        cx.error(Codes.EMPTY_RANGE, r.span(), "range(" + l.value() + ", " + h.value() + ") is empty",
            "write the smaller bound first: `range(" + h.value() + ", " + l.value() + ")`");
        return null;
      }
      noteTarget(cx, targets, key(t), t.display, e.span());
      return new PEffect.Range(t.object.var, t.slot, next(t, lo.plan()), next(t, hi.plan()));
    }
    Effect.Weighted w = (Effect.Weighted) e;
    TargetInfo t = target(cx, w.target());
    List<PExpr> values = new ArrayList<>();
    double[] weights = new double[w.alternatives().size()];
    boolean ok = t != null;
    for (int i = 0; i < w.alternatives().size(); i++) {
      Effect.WeightedAlt alt = w.alternatives().get(i);
      Typed v = lower.lower(alt.value(), t == null ? null : t.type);
      v = t == null ? null : checkValue(cx, t, alt.value(), v);
      ok &= v != null;
      values.add(ok ? next(t, v.plan()) : null);
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
    noteTarget(cx, targets, key(t), t.display, e.span());
    return new PEffect.Choice(t.object.var, t.slot, values, weights);
  }

  private static String key(TargetInfo t) {
    return t.object.var + ":" + t.slot;
  }

  /** The value at t+1: a velocity write predicts the position it leads to. */
  private static PExpr next(TargetInfo t, PExpr value) {
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
  private Typed checkValue(LawContext cx, TargetInfo t, Expr value, Typed v) {
    if (v.type().isError()) {
      return null;
    }
    if (!v.type().compatible(t.type)) {
      Typed converted = ExprLowerer.convertSymbols(v, t.type, true);
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

  private static void noteTarget(LawContext cx, Map<String, Span> targets, String key, String display, Span span) {
    Span first = targets.putIfAbsent(key, span);
    if (first != null) {
      cx.warning(Codes.DUPLICATE_EFFECT, span, "`" + display + "` already has an effect on line " + first.line()
          + "; the two opinions combine as a union", "merge them into one effect, e.g. with `one_of(...)`");
    }
  }

  private TargetInfo target(LawContext cx, Target target) {
    ObjectVar v = lowerObject(cx, target);
    if (v == null || !v.typeKnown) {
      return null;
    }
    String attr = target.attribute().text();
    String display = v.name + "." + attr;
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
      case SYMBOL -> new TargetInfo(v, slot, Ty.of(ExprLowerer.symbolSet(type, spec)), false, 0, 0, null, display);
    };
  }

  private static ObjectVar lowerObject(LawContext cx, Target target) {
    return new ExprLowerer(cx).object(target.object());
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

  private PEffect spawn(LawContext cx, ExprLowerer lower, Effect.Spawn s) {
    int type = cx.resolveType(s.type(), false);
    Typed x = lower.expect(s.x(), Ty.INT, "the x of `spawn`");
    Typed y = lower.expect(s.y(), Ty.INT, "the y of `spawn`");
    boolean ok = type != LawContext.UNKNOWN_TYPE && x.ok() && y.ok();
    ok &= onScreen(cx, s.x(), schema.screenWidth(), "x");
    ok &= onScreen(cx, s.y(), schema.screenHeight(), "y");
    return ok ? new PEffect.Spawn(type, x.plan(), y.plan()) : null;
  }

  private boolean onScreen(LawContext cx, Expr e, int size, String axis) {
    if (e instanceof Expr.IntLit lit && (lit.value() < 0 || lit.value() >= size)) {
      cx.error(Codes.LITERAL_OUT_OF_RANGE, e.span(), "spawn " + axis + " " + lit.value() + " is off the screen (0.."
          + (size - 1) + ")", "spawn inside the screen declared by the world");
      return false;
    }
    return true;
  }

  private static void reportNeverTrue(LawContext cx, Expr guard, List<Expr> conjuncts) {
    String message;
    if (conjuncts.size() == 1 && conjuncts.get(0) instanceof Expr.BoolLit) {
      message = "the guard is always false";
    } else if (conjuncts.size() == 1) {
      message = "the guard can never be true: `" + cx.text(conjuncts.get(0).span())
          + "` is outside the attribute's declared range";
    } else {
      message = "the guard can never be true: " + conjuncts.stream().map(c -> "`" + cx.text(c.span()) + "`")
          .collect(Collectors.joining(" and ")) + " cannot all hold";
    }
    cx.warning(Codes.GUARD_NEVER_TRUE, guard.span(), message, "the law never fires; fix or remove the guard");
  }
}
