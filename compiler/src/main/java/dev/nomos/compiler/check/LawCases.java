package dev.nomos.compiler.check;

import dev.nomos.compiler.ast.Binder;
import dev.nomos.compiler.ast.Binding;
import dev.nomos.compiler.ast.Effect;
import dev.nomos.compiler.ast.Expr;
import dev.nomos.compiler.ast.LawDecl;
import dev.nomos.compiler.ast.Name;
import dev.nomos.compiler.ast.Places;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A law with cases ({@code law stays for T in {wall, door} { for o: T ... }}) stands for one law per
 * combination of values, named {@code stays[wall]}, {@code stays[door]}: each is an expert of its
 * own with its own weight. An instance is the law with every use of a parameter replaced by its
 * value: as a type (in binders, quantifiers, {@code count(T)}, {@code spawn T}, type arguments) or
 * as a value (an int or a symbol) in expressions.
 */
public final class LawCases {
  private LawCases() {}

  /** One instance: its name, the value of each parameter, and the weight text written for it (or null). */
  public record Instance(String name, Map<String, Expr> values, String weightText) {}

  /** Whether {@code law} has cases to expand. */
  public static boolean hasCases(LawDecl law) {
    return law.cases() != null && !law.cases().params().isEmpty();
  }

  /** The instances of a law with cases, in order: the last parameter varies fastest. */
  public static List<Instance> instances(LawDecl law) {
    List<Map<String, Expr>> combos = new ArrayList<>();
    combos.add(new LinkedHashMap<>());
    for (LawDecl.Param p : law.cases().params()) {
      List<Map<String, Expr>> next = new ArrayList<>();
      for (Map<String, Expr> combo : combos) {
        for (Expr v : p.values()) {
          Map<String, Expr> extended = new LinkedHashMap<>(combo);
          extended.putIfAbsent(p.name().text(), v);
          next.add(extended);
        }
      }
      combos = next;
    }
    List<String> weights = law.cases().weightTexts();
    List<Instance> out = new ArrayList<>();
    for (int i = 0; i < combos.size(); i++) {
      Map<String, Expr> combo = combos.get(i);
      List<String> shown = combo.values().stream().map(LawCases::text).toList();
      String weight = weights.isEmpty() ? null : weights.size() == 1 ? weights.get(0)
          : i < weights.size() ? weights.get(i) : null;
      out.add(new Instance(law.name().text() + "[" + String.join(", ", shown) + "]", combo, weight));
    }
    return out;
  }

  /**
   * Reports what makes the cases unusable (N344): a repeated parameter or value, a parameter named
   * like a variable of the law, a weight list that does not give one weight per instance (or one for
   * all). Returns false when the law cannot be expanded.
   */
  public static boolean check(LawDecl law, dev.nomos.compiler.source.SourceFile source,
      List<dev.nomos.compiler.diag.Diagnostic> out) {
    LawDecl.Cases cases = law.cases();
    boolean ok = true;
    java.util.Set<String> variables = new java.util.HashSet<>();
    law.bindings().forEach(b -> variables.add(b.variable().text()));
    if (law.guard() != null) {
      variables(law.guard(), variables);
    }
    for (Effect e : law.effects()) {
      if (e instanceof Effect.Assign a) {
        variables(a.value(), variables);
      } else if (e instanceof Effect.Sequence q) {
        variables(q.trigger(), variables);
      }
    }
    java.util.Set<String> names = new java.util.HashSet<>();
    for (LawDecl.Param p : cases.params()) {
      String name = p.name().text();
      if (!names.add(name)) {
        out.add(error(source, p.name(), "case parameter `" + name + "` is given twice", "give each parameter its own name"));
        ok = false;
      } else if (variables.contains(name)) {
        out.add(error(source, p.name(), "case parameter `" + name + "` has the name of a variable of the law",
            "rename the parameter or the variable; by convention parameters are capitalised (`T`, `N`)"));
        ok = false;
      }
      java.util.Set<String> seen = new java.util.HashSet<>();
      for (Expr v : p.values()) {
        if (!seen.add(text(v))) {
          out.add(dev.nomos.compiler.diag.Diagnostic.error(dev.nomos.compiler.diag.Codes.BAD_LAW_CASES, source,
              v.span(), "`" + text(v) + "` is listed twice among the cases of `" + name + "`")
              .withHint("remove the second `" + text(v) + "`"));
          ok = false;
        }
      }
    }
    int count = cases.params().isEmpty() ? 1 : instances(law).size();
    int weights = cases.weightTexts().size();
    if (cases.params().isEmpty() && weights > 1) {
      out.add(error(source, law.name(), "law `" + law.name().text() + "` has " + weights + " weights but no cases",
          "a weight list gives each case its own weight: add `for T in {...}` or keep one weight"));
      ok = false;
    } else if (weights > 1 && weights != count) {
      out.add(error(source, law.name(), "law `" + law.name().text() + "` has " + count + " cases but " + weights
          + " weights", "give one weight per case, in the order of the cases, or a single weight for all"));
      ok = false;
    }
    return ok;
  }

  private static dev.nomos.compiler.diag.Diagnostic error(dev.nomos.compiler.source.SourceFile source, Name at,
      String message, String hint) {
    return dev.nomos.compiler.diag.Diagnostic.error(dev.nomos.compiler.diag.Codes.BAD_LAW_CASES, source, at.span(),
        message).withHint(hint);
  }

  /** The quantifier and step variables declared in {@code e}. */
  private static void variables(Expr e, java.util.Set<String> into) {
    if (e instanceof Expr.Exists x) {
      into.add(x.binding().variable().text());
      if (x.where() != null) {
        variables(x.where(), into);
      }
    } else if (e instanceof Expr.CountWhere c) {
      into.add(c.binding().variable().text());
      variables(c.where(), into);
    } else if (e instanceof Expr.HistoryAggregate h) {
      into.add(h.variable().text());
      variables(h.body(), into);
    } else if (e instanceof Expr.Earlier x) {
      variables(x.quantifier(), into);
    } else if (e instanceof Expr.Unary u) {
      variables(u.operand(), into);
    } else if (e instanceof Expr.Binary b) {
      variables(b.left(), into);
      variables(b.right(), into);
    } else if (e instanceof Expr.If i) {
      variables(i.condition(), into);
      variables(i.then(), into);
      variables(i.otherwise(), into);
    } else if (e instanceof Expr.InSet s) {
      variables(s.value(), into);
      s.elements().forEach(x -> variables(x, into));
    } else if (e instanceof Expr.Call c) {
      c.args().forEach(x -> variables(x, into));
    }
  }

  /** A case value as written: {@code wall}, {@code -1}. */
  public static String text(Expr value) {
    return value instanceof Expr.IntLit i ? String.valueOf(i.value()) : ((Expr.NameRef) value).name().text();
  }

  /** The law of one instance: named after it, with its weight, and every parameter replaced by its value. */
  public static LawDecl instantiate(LawDecl law, Instance instance) {
    return instantiate(law, instance, new ArrayList<>());
  }

  /**
   * Every place {@code law}'s case parameters are used (the names the first instance replaces),
   * in the order the substitution meets them.
   */
  public static List<Name> parameterUses(LawDecl law) {
    List<Name> uses = new ArrayList<>();
    List<Instance> instances = instances(law);
    if (!instances.isEmpty()) {
      instantiate(law, instances.get(0), uses);
    }
    return uses;
  }

  private static LawDecl instantiate(LawDecl law, Instance instance, List<Name> uses) {
    Substitution s = new Substitution(instance.values(), uses);
    List<Binder> binders = law.binders().stream().map(s::binder).toList();
    Expr guard = law.guard() == null ? null : s.expr(law.guard());
    List<Effect> effects = law.effects().stream().map(s::effect).toList();
    Double weight = instance.weightText() == null ? null : Double.valueOf(instance.weightText());
    Name name = new Name(instance.name(), law.name().span());
    return new LawDecl(name, law.doc(), weight, instance.weightText(), binders, guard, effects, law.span());
  }

  /** Replaces parameters by their values, keeping the spans of the uses (so diagnostics point into the law). */
  private record Substitution(Map<String, Expr> values, List<Name> uses) {

    Name type(Name n) {
      Expr v = values.get(n.text());
      if (v != null) {
        uses.add(n);
      }
      return v instanceof Expr.NameRef r ? new Name(r.name().text(), n.span()) : n;
    }

    Binding binding(Binding b) {
      return new Binding(b.variable(), type(b.type()), b.span());
    }

    Binder binder(Binder b) {
      if (b instanceof Binder.For f) {
        return new Binder.For(f.bindings().stream().map(this::binding).toList(), f.span());
      }
      Binder.Relation r = (Binder.Relation) b;
      List<Binder.RelationOption> options = r.options().stream().map(o -> o.value() instanceof Binder.SymbolValue v
          ? new Binder.RelationOption(o.name(), new Binder.SymbolValue(type(v.symbol()), v.span()), o.span()) : o)
          .toList();
      return new Binder.Relation(r.relation(), binding(r.first()), binding(r.second()), options, r.span());
    }

    Effect effect(Effect e) {
      if (e instanceof Effect.Assign a) {
        return new Effect.Assign(a.target(), expr(a.value()), a.span());
      }
      if (e instanceof Effect.OneOf o) {
        return new Effect.OneOf(o.target(), exprs(o.values()), o.span());
      }
      if (e instanceof Effect.Range r) {
        return new Effect.Range(r.target(), expr(r.low()), expr(r.high()), r.span());
      }
      if (e instanceof Effect.Weighted w) {
        List<Effect.WeightedAlt> alts = w.alternatives().stream().map(a -> new Effect.WeightedAlt(expr(a.value()),
            a.weight(), a.weightText(), a.weightExpr() == null ? null : expr(a.weightExpr()), a.span())).toList();
        return new Effect.Weighted(w.target(), alts, w.span());
      }
      if (e instanceof Effect.Sequence q) {
        return new Effect.Sequence(q.target(), exprs(q.values()), expr(q.trigger()), q.span());
      }
      if (e instanceof Effect.Spawn s) {
        return new Effect.Spawn(type(s.type()), expr(s.x()), expr(s.y()), s.span());
      }
      if (e instanceof Effect.Create c) {
        return new Effect.Create(type(c.type()), places(c.places()), c.chance(), c.span());
      }
      return e;
    }

    Places places(Places p) {
      if (p instanceof Places.Point point) {
        return new Places.Point(place(point.place()), point.span());
      }
      if (p instanceof Places.OneOf o) {
        return new Places.OneOf(o.places().stream().map(this::place).toList(), o.span());
      }
      if (p instanceof Places.Weighted w) {
        return new Places.Weighted(w.places().stream().map(wp -> new Places.WeightedPlace(place(wp.place()),
            wp.weight(), wp.weightText(), wp.span())).toList(), w.span());
      }
      Places.Range r = (Places.Range) p;
      return new Places.Range(place(r.low()), place(r.high()), r.span());
    }

    Places.Place place(Places.Place p) {
      return new Places.Place(expr(p.x()), expr(p.y()), p.span());
    }

    List<Expr> exprs(List<Expr> list) {
      return list.stream().map(this::expr).toList();
    }

    Expr.History history(Expr.History h) {
      return h == null ? null : new Expr.History(expr(h.steps()), h.span());
    }

    Expr expr(Expr e) {
      if (e instanceof Expr.NameRef n) {
        Expr v = values.get(n.name().text());
        if (v != null) {
          uses.add(n.name());
        }
        if (v instanceof Expr.IntLit i) {
          return new Expr.IntLit(i.value(), n.span());
        }
        return v == null ? n : new Expr.NameRef(new Name(((Expr.NameRef) v).name().text(), n.span()), n.span());
      }
      if (e instanceof Expr.AttrRef a) {
        return new Expr.AttrRef(a.object(), a.attribute(), history(a.history()), a.span());
      }
      if (e instanceof Expr.ActionRef a) {
        return new Expr.ActionRef(history(a.history()), a.span());
      }
      if (e instanceof Expr.Call c) {
        return new Expr.Call(c.function(), exprs(c.args()), history(c.history()), c.span());
      }
      if (e instanceof Expr.Unary u) {
        return new Expr.Unary(u.op(), expr(u.operand()), u.span());
      }
      if (e instanceof Expr.Binary b) {
        return new Expr.Binary(b.op(), expr(b.left()), expr(b.right()), b.span());
      }
      if (e instanceof Expr.InSet s) {
        return new Expr.InSet(expr(s.value()), exprs(s.elements()), s.negated(), s.span());
      }
      if (e instanceof Expr.InRange r) {
        return new Expr.InRange(expr(r.value()), expr(r.low()), expr(r.high()), r.negated(), r.span());
      }
      if (e instanceof Expr.If i) {
        return new Expr.If(expr(i.condition()), expr(i.then()), expr(i.otherwise()), i.span());
      }
      if (e instanceof Expr.Exists x) {
        return new Expr.Exists(binding(x.binding()), x.where() == null ? null : expr(x.where()), x.span());
      }
      if (e instanceof Expr.CountWhere c) {
        return new Expr.CountWhere(binding(c.binding()), expr(c.where()), c.span());
      }
      if (e instanceof Expr.CountType c) {
        return new Expr.CountType(type(c.type()), c.span());
      }
      if (e instanceof Expr.HistoryAggregate h) {
        return new Expr.HistoryAggregate(h.quantifier(), h.variable(), h.low(), h.high(), expr(h.body()), h.span());
      }
      if (e instanceof Expr.Earlier x) {
        return new Expr.Earlier(expr(x.quantifier()), history(x.history()), x.span());
      }
      return e;
    }
  }
}
