package dev.nomos.compiler.check;

import dev.nomos.compiler.ast.Binder;
import dev.nomos.compiler.ast.Binding;
import dev.nomos.compiler.ast.Effect;
import dev.nomos.compiler.ast.Expr;
import dev.nomos.compiler.ast.LawDecl;
import dev.nomos.compiler.check.internal.Contradictions;
import dev.nomos.compiler.check.internal.EffectLowerer;
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
import dev.nomos.runtime.Slots;
import dev.nomos.runtime.WorldSchema;
import dev.nomos.stdlib.Side;
import java.util.ArrayList;
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
  /** The relations an {@code on} clause may name, and their options. */
  public static final List<String> RELATIONS = dev.nomos.compiler.meaning.LanguageDescriptor.get().relations();
  public static final List<String> RELATION_OPTIONS = dev.nomos.compiler.meaning.LanguageDescriptor.get()
      .relationOptions().stream().map(dev.nomos.compiler.meaning.LanguageDescriptor.Option::name).toList();

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
  private final Definitions definitions;
  /** Whether the guard may read the next frame with {@code next(...)}: a constraint's. */
  private boolean guardReadsNext;
  private MeaningRecorder meaning = MeaningRecorder.NONE;

  public LawChecker(WorldSchema schema, SourceFile source, boolean allowHoles, List<Diagnostic> out) {
    this(schema, source, allowHoles, out, Definitions.NONE);
  }

  /** {@code definitions}: the model's {@code def}s, inlined where the law uses them. */
  public LawChecker(WorldSchema schema, SourceFile source, boolean allowHoles, List<Diagnostic> out,
      Definitions definitions) {
    this.schema = schema;
    this.source = source;
    this.allowHoles = allowHoles;
    this.out = out;
    this.definitions = definitions;
  }

  /** Records the names and types this checker resolves to {@code recorder}; returns this checker. */
  public LawChecker recordingTo(MeaningRecorder recorder) {
    meaning = recorder;
    return this;
  }

  /** Checks a constraint lowered to a law: as {@link #check}, and its guard may use {@code next(...)}. */
  public Result checkConstraint(LawDecl law) {
    guardReadsNext = true;
    try {
      return check(law);
    } finally {
      guardReadsNext = false;
    }
  }

  public Result check(LawDecl law) {
    LawContext cx = new LawContext(schema, source, allowHoles, out);
    cx.recordTo(meaning);
    cx.useDefinitions(definitions);
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
          ObjectVar v = declare(cx, binding, law.span());
          forVars.add(v);
          if (v.typeKnown) {
            loops.add(new Loop.Each(v.var, v.type));
          }
        }
      } else {
        Loop.Contact contact = relation(cx, (Binder.Relation) b, law.span());
        if (contact != null) {
          loops.add(contact);
        }
      }
    }
    PExpr guard = new PExpr.Const(1, PType.BOOL);
    if (law.guard() != null) {
      cx.nextAllowed = guardReadsNext;
      Typed g = lower.expect(law.guard(), Ty.BOOL, "the `when` guard");
      cx.nextAllowed = false;
      if (g.ok()) {
        guard = g.plan();
        List<Expr> contradiction = Contradictions.find(law.guard(), guard, subject -> declaredRange(loops, subject));
        if (contradiction != null) {
          reportNeverTrue(cx, law.guard(), contradiction);
        }
      }
    }
    List<PEffect> effects = new ArrayList<>();
    EffectLowerer effectLowerer = new EffectLowerer(cx, lower);
    for (Effect e : law.effects()) {
      PEffect p = effectLowerer.lower(e);
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

  /** A variable of the law's binders, visible to the end of the law ({@code law}). */
  private static ObjectVar declare(LawContext cx, Binding binding, Span law) {
    int type = cx.resolveType(binding.type(), true);
    boolean known = type != LawContext.UNKNOWN_TYPE;
    return cx.declareObject(binding, known ? type : Loop.ANY_TYPE, known, law);
  }

  private void checkWeight(LawContext cx, LawDecl law) {
    Double w = law.weight();
    double max = dev.nomos.runtime.model.ModelOptions.MAX_WEIGHT;
    if (w == null || Math.abs(w) <= max) {
      return;
    }
    Span span = law.name().span();
    int at = law.weightText() == null ? -1 : source.text().indexOf(law.weightText(), law.name().span().end());
    if (at >= 0 && at < law.span().end()) {
      span = source.span(at, at + law.weightText().length());
    }
    String bound = dev.nomos.compiler.meaning.LanguageDescriptor.MAX_WEIGHT_TEXT;
    cx.error(Codes.BAD_WEIGHT, span, "law weight " + law.weightText() + " is outside -" + bound + ".." + bound,
        "weights are fitted by `nomos fit`; write one between -" + bound + " and " + bound + ", or none");
  }

  // ---- binders

  private Loop.Contact relation(LawContext cx, Binder.Relation r, Span law) {
    boolean ok = true;
    cx.refer(r.relation(), cx.meaning().form(r.relation().text()), null);
    if (!RELATIONS.contains(r.relation().text())) {
      cx.unknown(Codes.UNKNOWN_RELATION, r.relation(), "unknown relation `" + r.relation().text() + "`", RELATIONS,
          "the relations are: " + String.join(", ", RELATIONS));
      ok = false;
    }
    ObjectVar a = declare(cx, r.first(), law);
    ObjectVar b = declare(cx, r.second(), law);
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
      cx.refer(o.name(), cx.meaning().option(name), null);
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
            cx.refer(s.symbol(), cx.meaning().side(s.symbol().text()), null);
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
