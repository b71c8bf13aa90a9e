package dev.nomos.compiler.check.internal;

import dev.nomos.compiler.ast.Expr;
import dev.nomos.compiler.ast.Name;
import dev.nomos.compiler.check.Definitions;
import dev.nomos.compiler.check.internal.LawContext.ObjectVar;
import dev.nomos.compiler.check.internal.LawContext.StepVar;
import dev.nomos.compiler.diag.Codes;
import dev.nomos.compiler.meaning.Declaration;
import dev.nomos.compiler.plan.PExpr;
import dev.nomos.compiler.plan.PType;
import dev.nomos.runtime.AttributeSpec;
import dev.nomos.runtime.EntityType;
import dev.nomos.runtime.Frame;
import dev.nomos.runtime.Slots;
import dev.nomos.stdlib.Stdlib;
import dev.nomos.stdlib.StdlibFunction;
import java.util.ArrayList;
import java.util.List;

/**
 * Type-checks an expression and lowers it to a plan expression in the same walk. Symbols resolve
 * by the type the context expects ({@code d.state == locked}: {@code locked} is looked up among
 * the symbols of {@code d.state}). A failed subexpression has type ERROR and no plan; whatever
 * contains it stays silent about it, so each mistake is reported once.
 */
public final class ExprLowerer {
  /** The name of the form that reads the next frame in a constraint's guard, {@code next(c)}. */
  public static final String NEXT = dev.nomos.compiler.meaning.LanguageDescriptor.NEXT;

  /** A checked expression: its type and its plan (null when it had errors). */
  public record Typed(Ty type, PExpr plan) {
    public static final Typed ERROR = new Typed(Ty.ERROR, null);

    public boolean ok() {
      return !type.isError() && plan != null;
    }
  }

  /** Names other languages use for stdlib functions. */
  private static final java.util.Map<String, String> FUNCTION_ALIASES = java.util.Map.ofEntries(
      java.util.Map.entry("sgn", "sign"), java.util.Map.entry("signum", "sign"), java.util.Map.entry("clip", "clamp"),
      java.util.Map.entry("dist", "distance"), java.util.Map.entry("manhattan", "distance"),
      java.util.Map.entry("collide", "touching"), java.util.Map.entry("collides", "touching"),
      java.util.Map.entry("colliding", "touching"), java.util.Map.entry("touches", "touching"),
      java.util.Map.entry("intersects", "overlap"), java.util.Map.entry("overlaps", "overlap"),
      java.util.Map.entry("absolute", "abs"));

  private final LawContext cx;

  public ExprLowerer(LawContext cx) {
    this.cx = cx;
  }

  /** Checks {@code e} where a value of {@code want} is needed; reports a mismatch. */
  public Typed expect(Expr e, Ty want, String what) {
    Typed t = lower(e, want);
    if (t.type.isError() || want.isError()) {
      return t.type.isError() ? Typed.ERROR : t;
    }
    if (!t.type.compatible(want)) {
      mismatch(e, want, t.type, what);
      return Typed.ERROR;
    }
    return t;
  }

  /**
   * Like {@link #expect}, but a symbol of another set that shares symbols with {@code want} is
   * converted by name ({@code a.carrying_color == d.color}); symbols the other set lacks compare unequal.
   */
  public Typed expectComparable(Expr e, Ty want, String what) {
    Typed t = lower(e, want);
    if (t.type.isError() || t.type.compatible(want)) {
      return t.type.isError() ? Typed.ERROR : t;
    }
    Typed converted = Symbols.convert(t, want, false);
    if (converted != null) {
      return converted;
    }
    mismatch(e, want, t.type, what);
    return Typed.ERROR;
  }


  private void mismatch(Expr e, Ty want, Ty got, String what) {
    String hint = null;
    if (want.kind() == Ty.Kind.BOOL && got.kind() == Ty.Kind.INT) {
      hint = "compare it with something, e.g. `" + cx.text(e.span()) + " != 0`";
    } else if (want.kind() == Ty.Kind.SYMBOL) {
      hint = "the possible values are: " + String.join(", ", want.symbols().symbols());
    }
    cx.error(Codes.TYPE_MISMATCH, e.span(),
        what + " must be " + want.describe(cx.schema) + ", but `" + cx.text(e.span()) + "` is " + got.describe(cx.schema),
        hint);
  }

  /** Checks {@code e}; {@code expected} (may be null) only guides how bare symbols resolve. */
  public Typed lower(Expr e, Ty expected) {
    Typed t = resolve(e, expected);
    cx.typed(e.span(), t.type());
    return t;
  }

  private Typed resolve(Expr e, Ty expected) {
    if (e instanceof Expr.IntLit i) {
      return new Typed(Ty.INT, new PExpr.Const(i.value(), PType.INT));
    }
    if (e instanceof Expr.BoolLit b) {
      return new Typed(Ty.BOOL, new PExpr.Const(b.value() ? 1 : 0, PType.BOOL));
    }
    if (e instanceof Expr.Hole h) {
      cx.holeSeen(h.span(), dev.nomos.compiler.check.Hole.Kind.INT);
      return new Typed(Ty.INT, new PExpr.Const(0, PType.INT));
    }
    if (e instanceof Expr.ActionRef a) {
      PExpr steps = null;
      if (a.history() != null) {
        steps = history(a.history());
        if (steps == null) {
          return Typed.ERROR;
        }
      }
      return new Typed(Ty.of(cx.actions), new PExpr.Action(steps));
    }
    if (e instanceof Expr.AttrRef a) {
      return attribute(a);
    }
    if (e instanceof Expr.StepRef) {
      return new Typed(Ty.INT, new PExpr.Step());
    }
    if (e instanceof Expr.NameRef n) {
      return name(n.name(), expected);
    }
    if (e instanceof Expr.Call c && c.function().text().equals(NEXT)) {
      cx.refer(c.function(), cx.meaning().form(NEXT), null);
      return next(c);
    }
    if (e instanceof Expr.Call c && cx.definitions().get(c.function().text()) != null) {
      return definitionCall(c, expected);
    }
    if (e instanceof Expr.Call c) {
      if (c.history() != null) {
        return callAt(c);
      }
      Typed t = call(c);
      if (t.ok() && ((PExpr.Call) t.plan()).function().name().equals("present")) {
        String args = c.args().isEmpty() ? "o" : cx.text(c.args().get(0).span());
        cx.warning(Codes.PRESENT_NOW, c.span(), "`" + cx.text(c.span()) + "` is always true: every object of frame t"
            + " is present", "ask about an earlier frame, e.g. `present(" + args + ")@-1`");
      }
      return t;
    }
    if (e instanceof Expr.Unary u) {
      return unary(u);
    }
    if (e instanceof Expr.Binary b) {
      return binary(b);
    }
    if (e instanceof Expr.InSet s) {
      return inSet(s);
    }
    if (e instanceof Expr.InRange r) {
      Typed v = expect(r.value(), Ty.INT, "the value of `in lo..hi`");
      Typed lo = expect(r.low(), Ty.INT, "a range bound");
      Typed hi = expect(r.high(), Ty.INT, "a range bound");
      if (!v.ok() || !lo.ok() || !hi.ok()) {
        return Typed.ERROR;
      }
      return new Typed(Ty.BOOL, new PExpr.InRange(v.plan, lo.plan, hi.plan, r.negated()));
    }
    if (e instanceof Expr.If i) {
      return conditional(i, expected);
    }
    if (e instanceof Expr.Exists x) {
      return quantified(x.binding(), x.where(), true, x.span());
    }
    if (e instanceof Expr.CountWhere c) {
      return quantified(c.binding(), c.where(), false, c.span());
    }
    if (e instanceof Expr.Earlier x) {
      return earlier(x);
    }
    if (e instanceof Expr.CountType c) {
      int type = cx.resolveType(c.type(), true);
      return type == LawContext.UNKNOWN_TYPE ? Typed.ERROR : new Typed(Ty.INT, new PExpr.CountType(type));
    }
    return aggregate((Expr.HistoryAggregate) e);
  }

  // ---- names and attributes

  private Typed name(Name name, Ty expected) {
    String text = name.text();
    StepVar step = cx.lookupStep(text);
    if (step != null) {
      cx.refer(name, step.declaration(), null);
      return new Typed(Ty.INT, new PExpr.Local(step.local()));
    }
    ObjectVar object = cx.lookupObject(text);
    if (object != null) {
      object.used = true;
      cx.refer(name, object.declaration, null);
      return new Typed(Ty.object(object.type), new PExpr.ObjectVar(object.var));
    }
    Typed parameter = cx.lookupValue(text);
    if (parameter != null) {
      cx.refer(name, cx.valueParameter(text), null);
      return parameter;
    }
    Definitions.Definition definition = cx.definitions().get(text);
    if (definition != null && (expected == null || expected.kind() != Ty.Kind.SYMBOL
        || expected.symbols().indexOf(text) < 0)) {
      if (!definition.decl().params().isEmpty()) {
        cx.error(Codes.BAD_DEFINITION_USE, name.span(), "`" + text + "` is a definition with parameters; give it its"
            + " arguments", "write `" + definition.signature() + "` with values for the parameters");
        return Typed.ERROR;
      }
      cx.refer(name, cx.meaning().find(Declaration.Kind.DEFINITION, "", text), null);
      return DefinitionCalls.inline(this, cx, definition, List.of(), name.span(), expected);
    }
    if (expected != null && expected.kind() == Ty.Kind.SYMBOL) {
      SymbolSet set = expected.symbols();
      int index = set.indexOf(text);
      if (index >= 0) {
        cx.refer(name, cx.symbolDeclaration(set.owner(), text), null);
        return new Typed(expected, new PExpr.Const(index, PType.INT));
      }
      boolean action = set.owner().equals("action");
      cx.unknown(action ? Codes.UNKNOWN_ACTION : Codes.UNKNOWN_SYMBOL, name,
          (action ? "unknown action `" : "unknown symbol `") + text + "`"
              + (action ? "" : "; expected " + expected.describe(cx.schema)),
          set.symbols(), "the possible values are: " + String.join(", ", set.symbols()));
      return Typed.ERROR;
    }
    SymbolSet home = Symbols.home(cx, text);
    if (home != null) {
      if (expected == null) {
        cx.refer(name, cx.symbolDeclaration(home.owner(), text), null);
        return new Typed(Ty.of(home), new PExpr.Const(home.indexOf(text), PType.INT));
      }
      cx.error(Codes.TYPE_MISMATCH, name.span(),
          "`" + text + "` is " + Ty.of(home).describe(cx.schema) + ", but " + expected.describe(cx.schema)
              + " is expected here", null);
      return Typed.ERROR;
    }
    String hint;
    if (cx.schema.type(text) != null || text.equals(Attributes.ANY_TYPE)) {
      hint = "`" + text + "` is a type; bind an object of it first, e.g. `for o: " + text + "`";
    } else if (Attributes.isBuiltIn(text) || declaredSomewhere(text)) {
      String example = cx.objectNamesInScope().isEmpty() ? "o" : cx.objectNamesInScope().get(0);
      hint = "`" + text + "` is an attribute; read it through an object, e.g. `" + example + "." + text + "`";
    } else {
      hint = cx.namesInScope().isEmpty() ? "no variables are bound here"
          : "in scope: " + String.join(", ", cx.namesInScope());
    }
    List<String> candidates = new ArrayList<>(cx.namesInScope());
    candidates.addAll(List.of("action", "true", "false"));
    candidates.addAll(Symbols.all(cx));
    cx.unknown(Codes.UNKNOWN_VARIABLE, name, "unknown name `" + text + "`", candidates, hint);
    return Typed.ERROR;
  }


  /** A use of a definition, {@code blocked(a, 1, 0)}: inlined, and only at frame t. */
  private Typed definitionCall(Expr.Call c, Ty expected) {
    Definitions.Definition definition = cx.definitions().get(c.function().text());
    cx.refer(c.function(), cx.meaning().find(Declaration.Kind.DEFINITION, "", definition.name()), null);
    if (c.history() != null) {
      c.args().forEach(a -> lower(a, null));
      cx.error(Codes.BAD_DEFINITION_USE, c.history().span(), "`" + definition.name() + "` is a definition, which has"
          + " no value at an earlier frame of its own", "read the history inside the definition, or pass the depth"
          + " as a parameter: `def " + definition.name() + "_at(..., k: int) = ... @-k ...`");
      return Typed.ERROR;
    }
    return DefinitionCalls.inline(this, cx, definition, c.args(), c.span(), expected);
  }

  /** The object variable a name refers to, marked used; reports an unknown one. */
  public ObjectVar object(Name name) {
    ObjectVar v = cx.lookupObject(name.text());
    if (v != null) {
      v.used = true;
      cx.refer(name, v.declaration, null);
      return v;
    }
    String hint = cx.schema.type(name.text()) != null
        ? "`" + name.text() + "` is a type; bind an object of it first, e.g. `for o: " + name.text() + "`"
        : cx.objectNamesInScope().isEmpty() ? "bind an object first, e.g. `for b: Ball`"
            : "bound objects here: " + String.join(", ", cx.objectNamesInScope());
    cx.unknown(Codes.UNKNOWN_VARIABLE, name, "unknown object `" + name.text() + "`", cx.objectNamesInScope(), hint);
    return null;
  }

  private Typed attribute(Expr.AttrRef a) {
    ObjectVar v = object(a.object());
    PExpr steps = null;
    boolean stepsOk = true;
    if (a.history() != null) {
      steps = history(a.history());
      stepsOk = steps != null;
    }
    if (v == null || !v.typeKnown) {
      return Typed.ERROR;
    }
    String attr = a.attribute().text();
    Typed t = read(v, attr, steps);
    if (t != null) {
      cx.refer(a.attribute(), cx.attributeDeclaration(cx.typeOf(v), attr), cx.typeName(v));
    } else {
      EntityType type = cx.typeOf(v);
      String owner = type == null ? "objects bound as `Object` have" : "`" + type.name() + "` has";
      String hint = null;
      if (attr.equals(Attributes.ALIVE)) {
        cx.error(Codes.UNKNOWN_ATTRIBUTE, a.attribute().span(),
            "`alive` is a target only (`destroy " + v.name + "`); it cannot be read",
            "every object of frame t is alive; ask whether an object exists with `exists o: T where ...`");
        return Typed.ERROR;
      }
      if (type == null && declaredSomewhere(attr)) {
        hint = "objects bound as `Object` have only the built-in attributes; bind a specific type to read `" + attr + "`";
      }
      cx.unknown(Codes.UNKNOWN_ATTRIBUTE, a.attribute(), owner + " no attribute `" + attr + "`",
          Attributes.readable(type),
          hint != null ? hint : "readable attributes: " + String.join(", ", Attributes.readable(type)));
      return Typed.ERROR;
    }
    return stepsOk ? t : Typed.ERROR;
  }

  private boolean declaredSomewhere(String attr) {
    return cx.schema.types().stream().anyMatch(t -> t.slotOf(attr) >= Slots.FIRST_EXTRA);
  }

  /** A read of {@code attr} on {@code v}, lowered to slots and arithmetic; null if there is no such attribute. */
  private Typed read(ObjectVar v, String attr, PExpr steps) {
    int var = v.var;
    switch (attr) {
      case "x": case "left": return intOf(slot(var, Slots.X, steps));
      case "y": case "top": return intOf(slot(var, Slots.Y, steps));
      case "w": return intOf(slot(var, Slots.W, steps));
      case "h": return intOf(slot(var, Slots.H, steps));
      case "vx": return intOf(new PExpr.Velocity(var, Slots.X, steps));
      case "vy": return intOf(new PExpr.Velocity(var, Slots.Y, steps));
      case "right": return intOf(add(slot(var, Slots.X, steps), slot(var, Slots.W, steps)));
      case "bottom": return intOf(add(slot(var, Slots.Y, steps), slot(var, Slots.H, steps)));
      case "cx": return intOf(add(slot(var, Slots.X, steps), half(slot(var, Slots.W, steps))));
      case "cy": return intOf(add(slot(var, Slots.Y, steps), half(slot(var, Slots.H, steps))));
      default: break;
    }
    EntityType type = cx.typeOf(v);
    if (type == null) {
      return null;
    }
    int slot = type.slotOf(attr);
    if (slot < Slots.FIRST_EXTRA) {
      return null;
    }
    AttributeSpec spec = type.extraAt(slot);
    return switch (spec.kind()) {
      case INT -> new Typed(Ty.INT, new PExpr.Attr(var, slot, steps, PType.INT));
      case BOOL -> new Typed(Ty.BOOL, new PExpr.Attr(var, slot, steps, PType.BOOL));
      case SYMBOL -> new Typed(Ty.of(Symbols.of(type, spec)), new PExpr.Attr(var, slot, steps, PType.INT));
    };
  }

  private static Typed intOf(PExpr p) {
    return new Typed(Ty.INT, p);
  }

  private static PExpr slot(int var, int slot, PExpr steps) {
    return new PExpr.Attr(var, slot, steps, PType.INT);
  }

  private static PExpr add(PExpr a, PExpr b) {
    return new PExpr.Binary(PExpr.BinaryOp.ADD, a, b, PType.INT);
  }

  private static PExpr half(PExpr a) {
    return new PExpr.Binary(PExpr.BinaryOp.DIV, a, new PExpr.Const(2, PType.INT), PType.INT);
  }

  /** The steps of {@code @-k}: an int bounded by constants and step variables to 0..16; null after an error. */
  private PExpr history(Expr.History h) {
    Typed t = expect(h.steps(), Ty.INT, "the depth of a history read");
    if (!t.ok()) {
      return null;
    }
    long[] bounds = Intervals.of(t.plan(), cx.stepBounds());
    if (bounds == null) {
      cx.error(Codes.HISTORY_TOO_DEEP, h.span(),
          "the depth of a history read must be a constant or built from step variables, not `"
              + cx.text(h.steps().span()) + "`",
          "use a literal (`@-2`) or a step variable (`all k in 1..5: p.vy@-k == 0`)");
      return null;
    }
    if (bounds[1] > Frame.MAX_HISTORY) {
      cx.error(Codes.HISTORY_TOO_DEEP, h.span(),
          "this history read looks up to " + bounds[1] + " steps back; at most " + Frame.MAX_HISTORY + " are kept",
          "read at most @-" + Frame.MAX_HISTORY);
      return null;
    }
    if (bounds[0] < 0) {
      cx.error(Codes.HISTORY_TOO_DEEP, h.span(), "a history read can only look back, but this one may look "
          + (-bounds[0]) + " steps ahead", "use a depth of 0 (now) or more");
      return null;
    }
    return t.plan();
  }

  // ---- calls

  private Typed call(Expr.Call c) {
    StdlibFunction f = Stdlib.lookup(c.function().text()).orElse(null);
    if (f != null) {
      cx.refer(c.function(), cx.meaning().function(f.name()), null);
    } else {
      for (Expr arg : c.args()) {
        // A bare name may be a type or a symbol, which only the signature could tell; leave it be.
        if (!(arg instanceof Expr.NameRef)) {
          lower(arg, null);
        }
      }
      List<String> names = Stdlib.all().stream().map(StdlibFunction::name).toList();
      String alias = FUNCTION_ALIASES.get(c.function().text().toLowerCase(java.util.Locale.ROOT));
      if (alias != null) {
        cx.report(dev.nomos.compiler.diag.Diagnostic.error(Codes.UNKNOWN_FUNCTION, cx.source, c.function().span(),
            "unknown function `" + c.function().text() + "`").withSuggestion(alias));
        return Typed.ERROR;
      }
      cx.unknown(Codes.UNKNOWN_FUNCTION, c.function(), "unknown function `" + c.function().text() + "`", names,
          "the functions are: " + String.join(", ", names));
      return Typed.ERROR;
    }
    if (f.params().size() != c.args().size()) {
      for (Expr arg : c.args()) {
        lower(arg, null);
      }
      cx.error(Codes.ARITY, c.span(), "`" + f.name() + "` takes " + f.params().size() + " argument"
          + (f.params().size() == 1 ? "" : "s") + ", but " + c.args().size() + (c.args().size() == 1 ? " was" : " were")
          + " given", "the signature is `" + f.signature() + "`");
      return Typed.ERROR;
    }
    List<PExpr> args = new ArrayList<>();
    boolean ok = true;
    for (int i = 0; i < f.params().size(); i++) {
      StdlibFunction.Param p = f.params().get(i);
      Expr arg = c.args().get(i);
      String what = "argument `" + p.name() + "` of `" + f.name() + "`";
      Typed t = switch (p.type()) {
        case INT -> expect(arg, Ty.INT, what);
        case BOOL -> expect(arg, Ty.BOOL, what);
        case SIDE -> expect(arg, Ty.of(cx.sides), what);
        case OBJECT -> objectArgument(arg, what);
        case TYPE -> typeArgument(arg, what);
      };
      ok &= t.ok();
      args.add(t.plan());
    }
    if (!ok) {
      return Typed.ERROR;
    }
    Ty result = switch (f.returns()) {
      case BOOL -> Ty.BOOL;
      case SIDE -> Ty.of(cx.sides);
      default -> Ty.INT;
    };
    return new Typed(result, new PExpr.Call(f, args, result.planType()));
  }

  /** {@code f(a, b)@-k}: the call evaluated at frame t-k, for functions of objects. */
  private Typed callAt(Expr.Call c) {
    Typed now = call(c);
    PExpr steps = history(c.history());
    if (!now.ok() || steps == null) {
      return Typed.ERROR;
    }
    PExpr.Call plan = (PExpr.Call) now.plan();
    if (!plan.function().takesFrame()) {
      String at = cx.text(c.history().span());
      List<String> shifted = new ArrayList<>();
      // The rewrite is exact when every argument is a read of frame t or a literal: offer it as a fix.
      boolean exact = true;
      for (Expr arg : c.args()) {
        boolean plainRead = (arg instanceof Expr.AttrRef r && r.history() == null)
            || (arg instanceof Expr.ActionRef a && a.history() == null);
        exact &= plainRead || arg instanceof Expr.IntLit;
        shifted.add(cx.text(arg.span()) + (plainRead ? at : ""));
      }
      String rewritten = plan.function().name() + "(" + String.join(", ", shifted) + ")";
      dev.nomos.compiler.diag.Diagnostic d = dev.nomos.compiler.diag.Diagnostic.error(Codes.NO_EARLIER_VALUE,
          cx.source, c.span(), "`" + plan.function().name()
              + "` computes on its arguments only, so it has no value at an earlier frame")
          .withHint("read its arguments at the earlier frame instead, e.g. `" + rewritten + "`");
      cx.report(exact ? d.withReplacement(rewritten) : d);
      return Typed.ERROR;
    }
    return new Typed(now.type(), new PExpr.CallAt(plan, steps));
  }

  /**
   * {@code next(c)} in a constraint's guard: the condition c read on the next frame (the most likely
   * one the laws predict), with the objects bound at t.
   */
  private Typed next(Expr.Call c) {
    boolean allowed = cx.nextAllowed;
    cx.nextAllowed = false;
    Typed body;
    try {
      body = c.args().size() == 1 ? expect(c.args().get(0), Ty.BOOL, "the condition of `next`") : null;
      c.args().stream().skip(body == null ? 0 : 1).forEach(a -> lower(a, null));
    } finally {
      cx.nextAllowed = allowed;
    }
    if (!allowed) {
      cx.error(Codes.BAD_NEXT, c.span(), "`next(...)` reads the next frame, which only the `when` guard of a"
          + " constraint can do (and not inside another `next`)",
          "write the condition at t here, or make the rule a constraint: `constraint ... when next(...) then ...`");
      return Typed.ERROR;
    }
    if (c.history() != null || c.args().size() != 1) {
      cx.error(Codes.BAD_NEXT, c.span(), "`next` takes one condition and no `@-k`: `next(touching(p, r))`",
          "read history inside the condition instead, e.g. `next(p.y@-1 > 0)`");
      return Typed.ERROR;
    }
    if (!body.ok()) {
      return Typed.ERROR;
    }
    java.util.TreeSet<Integer> read = HistoryShift.objectsRead(body.plan());
    int[] skipped = java.util.Arrays.stream(cx.boundObjects()).filter(v -> !read.contains(v)).toArray();
    return new Typed(Ty.BOOL, new PExpr.Next(body.plan(), read.stream().mapToInt(Integer::intValue).toArray(), skipped));
  }

  /** {@code (exists ...)@-k}, {@code (count ...)@-k}, {@code count(T)@-k}: a quantifier over the objects of t-k. */
  private Typed earlier(Expr.Earlier x) {
    Expr q = x.quantifier();
    Typed body = lower(q, null);
    PExpr steps = history(x.history());
    if (!(q instanceof Expr.Exists || q instanceof Expr.CountWhere || q instanceof Expr.CountType)) {
      cx.error(Codes.NO_EARLIER_FORM, x.span(), "`" + cx.text(x.span()) + "` reads a parenthesised expression at an"
          + " earlier frame, which only a quantifier over objects (`exists`, `count`) can be",
          "read the values inside at the earlier frame instead, e.g. `b.x@-1 + 1` for `(b.x + 1)@-1`");
      return Typed.ERROR;
    }
    if (!body.ok() || steps == null) {
      return Typed.ERROR;
    }
    PExpr.Earlier plan = HistoryShift.earlier(body.plan(), steps);
    int deepest = HistoryShift.deepest(plan);
    if (deepest > Frame.MAX_HISTORY) {
      cx.error(Codes.HISTORY_TOO_DEEP, x.span(), "this quantifier is read at an earlier frame and reads further back"
          + " from there, up to " + deepest + " steps back in all; at most " + Frame.MAX_HISTORY + " are kept",
          "read it less far back, or read less history inside it");
      return Typed.ERROR;
    }
    return new Typed(body.type(), plan);
  }

  private Typed objectArgument(Expr arg, String what) {
    Typed t = lower(arg, null);
    if (t.type.isError()) {
      return Typed.ERROR;
    }
    if (t.type.kind() != Ty.Kind.OBJECT) {
      cx.error(Codes.TYPE_MISMATCH, arg.span(), what + " must be a bound object, but `" + cx.text(arg.span())
          + "` is " + t.type.describe(cx.schema), "pass an object variable such as `b` (not `b.x`)");
      return Typed.ERROR;
    }
    return t;
  }

  private Typed typeArgument(Expr arg, String what) {
    if (arg instanceof Expr.NameRef n) {
      int type = cx.resolveType(n.name(), true);
      return type == LawContext.UNKNOWN_TYPE ? Typed.ERROR : new Typed(Ty.INT, new PExpr.Const(type, PType.INT));
    }
    cx.error(Codes.TYPE_MISMATCH, arg.span(), what + " must be a type name such as "
        + (cx.typeNames().isEmpty() ? "`Object`" : "`" + cx.typeNames().get(0) + "`") + ", not `"
        + cx.text(arg.span()) + "`", null);
    return Typed.ERROR;
  }

  // ---- operators

  private Typed unary(Expr.Unary u) {
    if (u.op() == Expr.UnaryOp.NEGATE) {
      Typed t = expect(u.operand(), Ty.INT, "the operand of `-`");
      return t.ok() ? new Typed(Ty.INT, new PExpr.Unary(PExpr.UnaryOp.NEG, t.plan, PType.INT)) : Typed.ERROR;
    }
    Typed t = expect(u.operand(), Ty.BOOL, "the operand of `not`");
    return t.ok() ? new Typed(Ty.BOOL, new PExpr.Unary(PExpr.UnaryOp.NOT, t.plan, PType.BOOL)) : Typed.ERROR;
  }

  private Typed binary(Expr.Binary b) {
    PExpr.BinaryOp op = PExpr.BinaryOp.valueOf(b.op().name());
    String what = "an operand of `" + b.op().symbol + "`";
    switch (b.op()) {
      case AND:
      case OR: {
        Typed l = expect(b.left(), Ty.BOOL, what);
        Typed r = expect(b.right(), Ty.BOOL, what);
        return l.ok() && r.ok() ? new Typed(Ty.BOOL, new PExpr.Binary(op, l.plan, r.plan, PType.BOOL)) : Typed.ERROR;
      }
      case EQ:
      case NE:
        return equality(b, op);
      case LT:
      case LE:
      case GT:
      case GE: {
        Typed l = expect(b.left(), Ty.INT, what);
        Typed r = expect(b.right(), Ty.INT, what);
        return l.ok() && r.ok() ? new Typed(Ty.BOOL, new PExpr.Binary(op, l.plan, r.plan, PType.BOOL)) : Typed.ERROR;
      }
      default: {
        Typed l = expect(b.left(), Ty.INT, what);
        Typed r = expect(b.right(), Ty.INT, what);
        return l.ok() && r.ok() ? new Typed(Ty.INT, new PExpr.Binary(op, l.plan, r.plan, PType.INT)) : Typed.ERROR;
      }
    }
  }

  /** {@code ==}/{@code !=}: the side that fixes the type is checked first, so the other may be a bare symbol. */
  private Typed equality(Expr.Binary b, PExpr.BinaryOp op) {
    boolean leftIsBareSymbol = isBareSymbol(b.left()) && !isBareSymbol(b.right());
    Expr first = leftIsBareSymbol ? b.right() : b.left();
    Expr second = leftIsBareSymbol ? b.left() : b.right();
    Typed f = lower(first, null);
    if (f.type.isError()) {
      lower(second, null);
      return Typed.ERROR;
    }
    Typed s = expectComparable(second, f.type, "the other side of `" + b.op().symbol + "`");
    if (!s.ok() || f.plan == null) {
      return Typed.ERROR;
    }
    PExpr l = leftIsBareSymbol ? s.plan : f.plan;
    PExpr r = leftIsBareSymbol ? f.plan : s.plan;
    return new Typed(Ty.BOOL, new PExpr.Binary(op, l, r, PType.BOOL));
  }

  private boolean isBareSymbol(Expr e) {
    return e instanceof Expr.NameRef n && cx.lookupObject(n.name().text()) == null
        && cx.lookupStep(n.name().text()) == null && cx.lookupValue(n.name().text()) == null
        && cx.definitions().get(n.name().text()) == null;
  }

  private Typed inSet(Expr.InSet s) {
    Typed v = lower(s.value(), null);
    if (v.type.isError()) {
      s.elements().forEach(e -> lower(e, null));
      return Typed.ERROR;
    }
    List<PExpr> elements = new ArrayList<>();
    boolean ok = true;
    for (Expr e : s.elements()) {
      Typed t = expectComparable(e, v.type, "an element of the set");
      ok &= t.ok();
      elements.add(t.plan);
    }
    return ok && v.plan != null ? new Typed(Ty.BOOL, new PExpr.InSet(v.plan, elements, s.negated())) : Typed.ERROR;
  }

  private Typed conditional(Expr.If i, Ty expected) {
    Typed c = expect(i.condition(), Ty.BOOL, "the condition of `if`");
    Typed yes = lower(i.then(), expected);
    Typed no = yes.type.isError() ? lower(i.otherwise(), expected) : expect(i.otherwise(), yes.type, "the `else` branch");
    if (!c.ok() || !yes.ok() || !no.ok()) {
      return Typed.ERROR;
    }
    return new Typed(yes.type, new PExpr.If(c.plan, yes.plan, no.plan, yes.type.planType()));
  }

  private Typed quantified(dev.nomos.compiler.ast.Binding binding, Expr where, boolean exists,
      dev.nomos.compiler.source.Span span) {
    int type = cx.resolveType(binding.type(), true);
    int[] excluded = cx.boundObjects();
    ObjectVar v = cx.declareObject(binding, type == LawContext.UNKNOWN_TYPE ? -1 : type,
        type != LawContext.UNKNOWN_TYPE, span);
    Typed w = null;
    try {
      if (where != null) {
        int mark = cx.mark();
        w = expect(where, Ty.BOOL, "the `where` condition");
        // `count o: T where c > 1` parses as `count o: T where (c > 1)`: say so where it bites.
        cx.amendHint(mark, Codes.TYPE_MISMATCH, where.span().start(), "`where` takes everything to its right; "
            + "to use the " + (exists ? "result" : "count") + " in a larger expression, wrap it in parentheses: `("
            + (exists ? "exists " : "count ") + binding.variable().text() + ": " + binding.type().text()
            + " where ...)`");
        if (!v.used && !binding.variable().text().startsWith("_")) {
          cx.warning(Codes.UNUSED_BINDING, binding.variable().span(),
              "`" + v.name + "` is not used in the `where` condition",
              "refer to `" + v.name + "` in the condition, or drop the condition");
        }
      }
    } finally {
      cx.popObject();
    }
    if (type == LawContext.UNKNOWN_TYPE || (w != null && !w.ok())) {
      return Typed.ERROR;
    }
    PExpr wherePlan = w == null ? null : w.plan;
    return exists
        ? new Typed(Ty.BOOL, new PExpr.Exists(v.var, type, excluded, wherePlan))
        : new Typed(Ty.INT, new PExpr.CountWhere(v.var, type, excluded, wherePlan));
  }

  private Typed aggregate(Expr.HistoryAggregate h) {
    if (h.low() > h.high()) {
      cx.error(Codes.EMPTY_RANGE, h.span(), "the step range " + h.low() + ".." + h.high() + " is empty",
          "write the smaller bound first: `" + h.high() + ".." + h.low() + "`");
    }
    StepVar s = cx.declareStep(h.variable(), h.low(), h.high(), h.span());
    Typed body;
    try {
      body = expect(h.body(), Ty.BOOL, "the body of `" + h.quantifier().keyword + "`");
    } finally {
      cx.popStep();
    }
    if (!body.ok() || h.low() > h.high()) {
      return Typed.ERROR;
    }
    PExpr.Quantifier q = PExpr.Quantifier.valueOf(h.quantifier().name());
    Ty type = q == PExpr.Quantifier.COUNT ? Ty.INT : Ty.BOOL;
    return new Typed(type, new PExpr.HistoryAggregate(q, s.local(), h.low(), h.high(), body.plan));
  }
}
