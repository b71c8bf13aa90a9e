package dev.nomos.lsp.internal;

import dev.nomos.compiler.ast.AttrDecl;
import dev.nomos.compiler.ast.Binder;
import dev.nomos.compiler.ast.Binding;
import dev.nomos.compiler.ast.Effect;
import dev.nomos.compiler.ast.Expr;
import dev.nomos.compiler.ast.ConstraintDecl;
import dev.nomos.compiler.ast.LawDecl;
import dev.nomos.compiler.ast.Name;
import dev.nomos.compiler.ast.Places;
import dev.nomos.compiler.ast.SourceUnit;
import dev.nomos.compiler.ast.Target;
import dev.nomos.compiler.ast.WorldDecl;
import dev.nomos.compiler.ast.WorldItem;
import dev.nomos.compiler.source.Span;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves every name of one file against its world: which entity, attribute, binder, action or
 * symbol it stands for. Symbols resolve by the expected type where it is cheap to see (the other
 * side of {@code ==}, {@code in {...}}, the target of an effect), otherwise by a unique match.
 */
final class IndexBuilder {
  private static final String ACTION_SCOPE = "action";
  private static final String SIDE_SCOPE = "Side";

  /** A variable in scope: its key and its type (an entity name, "Object", or "step"). */
  private record Var(SymbolKey key, String type) {}

  private final String uri;
  private final WorldView world;
  private final List<Occurrence> out = new ArrayList<>();
  /** The case parameters of the law being indexed ({@code for T in {Wall, Door}}), by name. */
  private final Map<String, SymbolKey> caseParams = new HashMap<>();

  private IndexBuilder(String uri, WorldView world) {
    this.uri = uri;
    this.world = world;
  }

  static List<Occurrence> build(String uri, SourceUnit unit, WorldView world) {
    IndexBuilder b = new IndexBuilder(uri, world);
    for (WorldDecl w : unit.worlds()) {
      b.world(w);
    }
    for (dev.nomos.compiler.ast.TopDecl d : unit.decls()) {
      if (d instanceof dev.nomos.compiler.ast.DefDecl def) {
        b.definition(def);
      }
    }
    for (LawDecl law : unit.laws()) {
      b.law(law);
    }
    for (ConstraintDecl constraint : unit.constraints()) {
      // Names, binders, guard and requirement targets resolve as those of a law.
      b.law(constraint.asLaw());
    }
    return b.out;
  }

  private void add(Name name, SymbolKey key, boolean declaration, String detail) {
    if (name != null && name.span() != Span.NONE) {
      out.add(new Occurrence(uri, name.span(), key, declaration, detail));
    }
  }

  // ---- worlds

  private void world(WorldDecl w) {
    add(w.name(), new SymbolKey(SymbolKind.WORLD, "", w.name().text()), true, null);
    for (WorldItem item : w.items()) {
      if (item instanceof WorldItem.Actions a) {
        a.actions().forEach(n -> add(n, new SymbolKey(SymbolKind.ACTION, ACTION_SCOPE, n.text()), true, null));
      } else if (item instanceof WorldItem.Enum en) {
        String type = en.name().text();
        add(en.keyword(), new SymbolKey(SymbolKind.KEYWORD, SymbolKey.BUILTIN, en.keyword().text()), false, null);
        add(en.name(), new SymbolKey(SymbolKind.SYMBOL_TYPE, "", type), true, null);
        en.symbols().forEach(s -> add(s, new SymbolKey(SymbolKind.SYMBOL, type, s.text()), true, type));
      } else if (item instanceof WorldItem.Option o) {
        add(o.name(), new SymbolKey(SymbolKind.OPTION, SymbolKey.BUILTIN, o.name().text()), true, null);
      } else if (item instanceof WorldItem.Entity e) {
        String entity = e.name().text();
        add(e.name(), SymbolKey.entity(entity), true, null);
        for (AttrDecl ad : e.attributes()) {
          add(ad.name(), SymbolKey.attribute(entity, ad.name().text()), true, entity);
          if (ad.type() instanceof AttrDecl.NamedType nt) {
            add(nt.name(), new SymbolKey(SymbolKind.SYMBOL_TYPE, "", nt.name().text()), false, null);
          }
          if (ad.type() instanceof AttrDecl.SymbolType st) {
            String scope = entity + "." + ad.name().text();
            st.symbols().forEach(s -> add(s, new SymbolKey(SymbolKind.SYMBOL, scope, s.text()), true, scope));
          }
        }
      }
    }
  }

  // ---- definitions

  private void definition(dev.nomos.compiler.ast.DefDecl def) {
    add(def.keyword(), new SymbolKey(SymbolKind.KEYWORD, SymbolKey.BUILTIN, def.keyword().text()), false, null);
    add(def.name(), new SymbolKey(SymbolKind.DEFINITION, "", def.name().text()), true, null);
    Map<String, Var> scope = new HashMap<>();
    for (dev.nomos.compiler.ast.DefDecl.Param p : def.params()) {
      String type = p.type().text();
      if (world.entity(type).isPresent() || type.equals(Builtins.OBJECT)) {
        add(p.type(), SymbolKey.entity(type), false, null);
      } else if (world.symbolTypes().containsKey(type)) {
        add(p.type(), new SymbolKey(SymbolKind.SYMBOL_TYPE, "", type), false, null);
      }
      SymbolKey key = binderKey(p.name());
      add(p.name(), key, true, type);
      scope.put(p.name().text(), new Var(key, type));
    }
    expr(def.body(), scope, null);
  }

  // ---- laws

  private void law(LawDecl law) {
    add(law.name(), new SymbolKey(SymbolKind.LAW, uri, law.name().text()), true, null);
    caseParams.clear();
    if (law.cases() != null) {
      for (LawDecl.Param p : law.cases().params()) {
        SymbolKey key = binderKey(p.name());
        add(p.name(), key, true, "case");
        caseParams.put(p.name().text(), key);
        for (Expr v : p.values()) {
          if (v instanceof Expr.NameRef n && (world.entity(n.name().text()).isPresent()
              || n.name().text().equals(Builtins.OBJECT))) {
            add(n.name(), SymbolKey.entity(n.name().text()), false, null);
          } else {
            expr(v, new HashMap<>(), null);
          }
        }
      }
    }
    Map<String, Var> scope = new HashMap<>();
    for (Binder binder : law.binders()) {
      if (binder instanceof Binder.Relation r) {
        add(r.relation(), new SymbolKey(SymbolKind.FUNCTION, "", r.relation().text()), false, null);
      }
      for (Binding binding : binder.bindings()) {
        declare(binding, scope);
      }
      if (binder instanceof Binder.Relation r) {
        for (Binder.RelationOption option : r.options()) {
          add(option.name(), new SymbolKey(SymbolKind.OPTION, SymbolKey.BUILTIN, option.name().text()), false, null);
          if (option.value() instanceof Binder.SymbolValue sv && Builtins.SIDES.contains(sv.symbol().text())) {
            add(sv.symbol(), new SymbolKey(SymbolKind.SYMBOL, SIDE_SCOPE, sv.symbol().text()), false, SIDE_SCOPE);
          }
        }
      }
    }
    if (law.guard() != null) {
      expr(law.guard(), scope, null);
    }
    for (Effect effect : law.effects()) {
      effect(effect, scope);
    }
  }

  private Map<String, Var> declare(Binding binding, Map<String, Var> scope) {
    String type = binding.type().text();
    SymbolKey caseParam = caseParams.get(type);
    add(binding.type(), caseParam != null ? caseParam : SymbolKey.entity(type), false, caseParam != null ? "case" : null);
    SymbolKey key = binderKey(binding.variable());
    add(binding.variable(), key, true, type);
    scope.put(binding.variable().text(), new Var(key, type));
    return scope;
  }

  private SymbolKey binderKey(Name variable) {
    return new SymbolKey(SymbolKind.BINDER, uri + "@" + variable.span().start(), variable.text());
  }

  private void effect(Effect effect, Map<String, Var> scope) {
    if (effect instanceof Effect.Assign a) {
      expr(a.value(), scope, target(a.target(), scope));
    } else if (effect instanceof Effect.Sequence q) {
      String expected = target(q.target(), scope);
      q.values().forEach(v -> expr(v, scope, expected));
      expr(q.trigger(), scope, null);
    } else if (effect instanceof Effect.OneOf o) {
      String expected = target(o.target(), scope);
      o.values().forEach(v -> expr(v, scope, expected));
    } else if (effect instanceof Effect.Range r) {
      target(r.target(), scope);
      expr(r.low(), scope, null);
      expr(r.high(), scope, null);
    } else if (effect instanceof Effect.Weighted w) {
      String expected = target(w.target(), scope);
      w.alternatives().forEach(alt -> expr(alt.value(), scope, expected));
    } else if (effect instanceof Effect.Choose c) {
      for (Effect.JointAlt alt : c.alternatives()) {
        alt.assignments().forEach(a -> expr(a.value(), scope, target(a.target(), scope)));
      }
    } else if (effect instanceof Effect.Destroy d) {
      variable(d.object(), scope);
    } else if (effect instanceof Effect.Spawn s) {
      SymbolKey caseParam = caseParams.get(s.type().text());
      add(s.type(), caseParam != null ? caseParam : SymbolKey.entity(s.type().text()), false, null);
      expr(s.x(), scope, null);
      expr(s.y(), scope, null);
    } else if (effect instanceof Effect.Create c) {
      add(c.type(), SymbolKey.entity(c.type().text()), false, null);
      for (Places.Place p : Places.all(c.places())) {
        expr(p.x(), scope, null);
        expr(p.y(), scope, null);
      }
    }
  }

  /** Indexes a target and returns the symbol scope its values come from (null if not symbolic). */
  private String target(Target t, Map<String, Var> scope) {
    if (t.isWorld()) {
      if (Builtins.WORLD_TARGETS.containsKey(t.attribute().text())) {
        add(t.attribute(), SymbolKey.attribute(SymbolKey.BUILTIN, t.attribute().text()), false, Builtins.WORLD);
      }
      return null;
    }
    return attribute(t.object(), t.attribute(), scope);
  }

  private String attribute(Name object, Name attribute, Map<String, Var> scope) {
    Var v = variable(object, scope);
    String type = v == null ? Builtins.OBJECT : v.type();
    String name = attribute.text();
    Optional<WorldView.AttrInfo> extra = world.attribute(type, name);
    if (extra.isPresent()) {
      add(attribute, SymbolKey.attribute(type, name), false, type);
      return extra.get().symbols().isEmpty() ? null : extra.get().symbolScope();
    }
    if (Builtins.ATTRIBUTES.containsKey(name)) {
      add(attribute, SymbolKey.attribute(SymbolKey.BUILTIN, name), false, type);
    } else {
      add(attribute, SymbolKey.attribute(type, name), false, type);
    }
    return null;
  }

  private Var variable(Name name, Map<String, Var> scope) {
    Var v = scope.get(name.text());
    if (v != null) {
      add(name, v.key(), false, v.type());
    }
    return v;
  }

  private void expr(Expr e, Map<String, Var> scope, String expected) {
    if (e instanceof Expr.ActionRef a) {
      history(a.history(), scope);
    } else if (e instanceof Expr.AttrRef a) {
      attribute(a.object(), a.attribute(), scope);
      history(a.history(), scope);
    } else if (e instanceof Expr.NameRef n) {
      name(n.name(), scope, expected);
    } else if (e instanceof Expr.Call c) {
      boolean defined = world.definitions().containsKey(c.function().text());
      boolean next = c.function().text().equals(dev.nomos.compiler.check.internal.ExprLowerer.NEXT);
      add(c.function(), new SymbolKey(next ? SymbolKind.KEYWORD : defined ? SymbolKind.DEFINITION : SymbolKind.FUNCTION,
          "", c.function().text()), false, null);
      c.args().forEach(a -> expr(a, scope, null));
      history(c.history(), scope);
    } else if (e instanceof Expr.Unary u) {
      expr(u.operand(), scope, null);
    } else if (e instanceof Expr.Binary b) {
      boolean compare = b.op() == Expr.BinaryOp.EQ || b.op() == Expr.BinaryOp.NE;
      expr(b.left(), scope, compare ? symbolScope(b.right(), scope) : null);
      expr(b.right(), scope, compare ? symbolScope(b.left(), scope) : null);
    } else if (e instanceof Expr.InSet s) {
      expr(s.value(), scope, null);
      String elementScope = symbolScope(s.value(), scope);
      s.elements().forEach(el -> expr(el, scope, elementScope));
    } else if (e instanceof Expr.InRange r) {
      expr(r.value(), scope, null);
      expr(r.low(), scope, null);
      expr(r.high(), scope, null);
    } else if (e instanceof Expr.If i) {
      expr(i.condition(), scope, null);
      expr(i.then(), scope, expected);
      expr(i.otherwise(), scope, expected);
    } else if (e instanceof Expr.Exists x) {
      Map<String, Var> inner = declare(x.binding(), new HashMap<>(scope));
      expr(x.where(), inner, null);
    } else if (e instanceof Expr.CountType c) {
      SymbolKey caseParam = caseParams.get(c.type().text());
      add(c.type(), caseParam != null ? caseParam : SymbolKey.entity(c.type().text()), false, null);
    } else if (e instanceof Expr.CountWhere c) {
      Map<String, Var> inner = declare(c.binding(), new HashMap<>(scope));
      expr(c.where(), inner, null);
    } else if (e instanceof Expr.Earlier x) {
      expr(x.quantifier(), scope, null);
      history(x.history(), scope);
    } else if (e instanceof Expr.HistoryAggregate h) {
      Map<String, Var> inner = new HashMap<>(scope);
      SymbolKey key = binderKey(h.variable());
      add(h.variable(), key, true, "step");
      inner.put(h.variable().text(), new Var(key, "step"));
      expr(h.body(), inner, null);
    }
    // Literals and holes name nothing.
  }

  private void history(Expr.History history, Map<String, Var> scope) {
    if (history != null) {
      expr(history.steps(), scope, null);
    }
  }

  /** Where the symbols compared with {@code e} come from, when {@code e} makes it obvious. */
  private String symbolScope(Expr e, Map<String, Var> scope) {
    if (e instanceof Expr.ActionRef) {
      return ACTION_SCOPE;
    }
    if (e instanceof Expr.Call c && c.function().text().equals("side")) {
      return SIDE_SCOPE;
    }
    if (e instanceof Expr.AttrRef a) {
      Var v = scope.get(a.object().text());
      if (v != null) {
        return world.attribute(v.type(), a.attribute().text())
            .filter(info -> !info.symbols().isEmpty()).map(WorldView.AttrInfo::symbolScope).orElse(null);
      }
    }
    return null;
  }

  private void name(Name name, Map<String, Var> scope, String expected) {
    String text = name.text();
    if (variable(name, scope) != null) {
      return;
    }
    if (caseParams.containsKey(text)) {
      add(name, caseParams.get(text), false, "case");
      return;
    }
    if (ACTION_SCOPE.equals(expected) && world.actions().containsKey(text)) {
      add(name, new SymbolKey(SymbolKind.ACTION, ACTION_SCOPE, text), false, ACTION_SCOPE);
      return;
    }
    if (SIDE_SCOPE.equals(expected) && Builtins.SIDES.contains(text)) {
      add(name, new SymbolKey(SymbolKind.SYMBOL, SIDE_SCOPE, text), false, SIDE_SCOPE);
      return;
    }
    if (expected != null && world.symbolTypes().containsKey(expected)
        && world.symbolTypes().get(expected).stream().anyMatch(d -> d.name().equals(text))) {
      add(name, new SymbolKey(SymbolKind.SYMBOL, expected, text), false, expected);
      return;
    }
    if (world.definitions().containsKey(text)) {
      add(name, new SymbolKey(SymbolKind.DEFINITION, "", text), false, null);
      return;
    }
    if (expected != null && expected.contains(".")) {
      String[] parts = expected.split("\\.", 2);
      if (world.attribute(parts[0], parts[1]).map(a -> a.symbols().contains(text)).orElse(false)) {
        add(name, new SymbolKey(SymbolKind.SYMBOL, expected, text), false, expected);
        return;
      }
    }
    if (world.actions().containsKey(text)) {
      add(name, new SymbolKey(SymbolKind.ACTION, ACTION_SCOPE, text), false, ACTION_SCOPE);
    } else if (Builtins.SIDES.contains(text)) {
      add(name, new SymbolKey(SymbolKind.SYMBOL, SIDE_SCOPE, text), false, SIDE_SCOPE);
    } else {
      List<String> owners = world.attributesWithSymbol(text).stream().map(WorldView.AttrInfo::symbolScope)
          .distinct().toList();
      if (owners.size() == 1) {
        String owner = owners.get(0);
        add(name, new SymbolKey(SymbolKind.SYMBOL, owner, text), false, owner);
      }
    }
  }
}
