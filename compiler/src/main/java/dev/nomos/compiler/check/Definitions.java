package dev.nomos.compiler.check;

import dev.nomos.compiler.ast.DefDecl;
import dev.nomos.compiler.ast.Expr;
import dev.nomos.compiler.ast.Name;
import dev.nomos.compiler.check.internal.Attributes;
import dev.nomos.compiler.check.internal.DefinitionCalls;
import dev.nomos.compiler.check.internal.Suggestions;
import dev.nomos.compiler.check.internal.SymbolSet;
import dev.nomos.compiler.check.internal.Ty;
import dev.nomos.compiler.diag.Codes;
import dev.nomos.compiler.diag.Diagnostic;
import dev.nomos.compiler.meaning.Declaration;
import dev.nomos.compiler.plan.Loop;
import dev.nomos.compiler.source.SourceFile;
import dev.nomos.runtime.AttributeSpec;
import dev.nomos.runtime.EntityType;
import dev.nomos.runtime.WorldSchema;
import dev.nomos.stdlib.Side;
import dev.nomos.stdlib.Stdlib;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code def} declarations of a model, checked: names unique and free, parameter types known,
 * no definition using itself (directly or through others), and each body checked once with its
 * parameters standing for values of their types. Laws inline a definition where they use it, so a
 * definition adds nothing to the plan and neither engine knows it existed.
 */
public final class Definitions {
  /** A model without definitions. */
  public static final Definitions NONE = new Definitions(Map.of());

  /**
   * One definition. {@code params} are the parameter types in order; {@code result} is the body's
   * type (ERROR when the body has errors); {@code broken} is true when a use must stay silent because
   * the definition's own diagnostics already explain what is wrong.
   */
  public record Definition(DefDecl decl, SourceFile source, List<Ty> params, Ty result, boolean broken) {
    public Definition {
      params = List.copyOf(params);
    }

    public String name() {
      return decl.name().text();
    }

    /** {@code blocked(a: agent, dx: int, dy: int)}, for hovers and messages. */
    public String signature() {
      StringBuilder text = new StringBuilder(name());
      if (decl.parenthesized()) {
        text.append('(');
        for (int i = 0; i < decl.params().size(); i++) {
          DefDecl.Param p = decl.params().get(i);
          text.append(i == 0 ? "" : ", ").append(p.name().text()).append(": ").append(p.type().text());
        }
        text.append(')');
      }
      return text.toString();
    }
  }

  /** A {@code def} and the file it is declared in. */
  public record Declared(DefDecl decl, SourceFile source) {}

  private final Map<String, Definition> byName;

  private Definitions(Map<String, Definition> byName) {
    this.byName = byName;
  }

  public Definition get(String name) {
    return byName.get(name);
  }

  public Collection<Definition> all() {
    return byName.values();
  }

  public boolean isEmpty() {
    return byName.isEmpty();
  }

  /** Checks the definitions of a model against its world; diagnostics go to {@code out}. */
  public static Definitions check(List<Declared> declared, WorldSchema schema, List<Diagnostic> out) {
    return check(declared, schema, out, MeaningRecorder.NONE);
  }

  /** As {@link #check(List, WorldSchema, List)}, recording the names it resolves to {@code meaning}. */
  public static Definitions check(List<Declared> declared, WorldSchema schema, List<Diagnostic> out,
      MeaningRecorder meaning) {
    if (declared.isEmpty()) {
      return NONE;
    }
    Map<String, Declared> unique = new LinkedHashMap<>();
    for (Declared d : declared) {
      Name name = d.decl().name();
      Declared previous = unique.get(name.text());
      if (previous != null) {
        out.add(Diagnostic.error(Codes.DUPLICATE_DECLARATION, d.source(), name.span(),
            "definition `" + name.text() + "` is declared twice").withHint("the first is on line "
            + previous.decl().name().span().line() + " of " + previous.source().name() + "; names must be unique"));
        continue;
      }
      unique.put(name.text(), d);
    }
    Map<String, Boolean> nameOk = new LinkedHashMap<>();
    Map<String, List<Ty>> paramTypes = new LinkedHashMap<>();
    for (Declared d : unique.values()) {
      nameOk.put(d.decl().name().text(), checkName(d, schema, out));
      paramTypes.put(d.decl().name().text(), params(d, schema, out));
    }
    Set<String> cyclic = cycles(unique, out);
    // Bodies are checked in order; a body that uses a later definition inlines it as far as it is
    // already known, which is enough since every use checks its arguments against the signature.
    Map<String, Definition> byName = new LinkedHashMap<>();
    for (Declared d : unique.values()) {
      String name = d.decl().name().text();
      List<Ty> params = paramTypes.get(name);
      boolean broken = !nameOk.get(name) || params == null || cyclic.contains(name);
      Definition def = new Definition(d.decl(), d.source(), params == null ? List.of() : params, Ty.ERROR, broken);
      byName.put(name, def);
      declare(def, schema, meaning);
    }
    Definitions defs = new Definitions(byName);
    if (schema == null) {
      return defs;
    }
    for (Declared d : unique.values()) {
      Definition def = byName.get(d.decl().name().text());
      if (def.broken()) {
        continue;
      }
      Ty result = DefinitionCalls.checkBody(def, defs, schema, out, meaning);
      byName.put(def.name(), new Definition(def.decl(), def.source(), def.params(), result, result.isError()));
    }
    return defs;
  }

  private static boolean checkName(Declared d, WorldSchema schema, List<Diagnostic> out) {
    String name = d.decl().name().text();
    String clash = null;
    if (Stdlib.lookup(name).isPresent()) {
      clash = "a function of the standard library";
    } else if (schema != null && (schema.type(name) != null || name.equals(Attributes.ANY_TYPE))) {
      clash = "an entity type";
    } else if (schema != null && schema.symbolTypes().containsKey(name)) {
      clash = "a symbol type";
    } else if (schema != null && (schema.actionIndex(name) >= 0 || Side.NAMES.contains(name) || isSymbol(schema, name))) {
      clash = "a symbol of the world";
    } else if (name.equals("action") || name.equals("step")) {
      clash = "a keyword";
    } else if (name.equals(dev.nomos.compiler.check.internal.ExprLowerer.NEXT)) {
      clash = "the form that reads the next frame in a constraint's guard";
    }
    if (clash == null) {
      return true;
    }
    out.add(Diagnostic.error(Codes.BAD_DEFINITION, d.source(), d.decl().name().span(),
        "`" + name + "` is already " + clash + ", so it cannot name a definition").withHint("choose another name"));
    return false;
  }

  private static boolean isSymbol(WorldSchema schema, String name) {
    for (EntityType t : schema.types()) {
      for (AttributeSpec a : t.extras()) {
        if (a.symbolIndex(name) >= 0) {
          return true;
        }
      }
    }
    return false;
  }

  /** The parameter types, or null after reporting an unknown type or a repeated name. */
  /** Records the definition's name, its {@code def} word and the types its parameters name. */
  private static void declare(Definition def, WorldSchema schema, MeaningRecorder meaning) {
    DefDecl decl = def.decl();
    meaning.refer(def.source(), decl.keyword(), meaning.keyword(decl.keyword().text()), null);
    meaning.declare(Declaration.Kind.DEFINITION, decl.name(), "", def.source(), def.signature(), decl.doc());
    for (DefDecl.Param p : decl.params()) {
      String type = p.type().text();
      Declaration named = type.equals(Attributes.ANY_TYPE) ? meaning.anyType()
          : schema != null && schema.type(type) != null ? meaning.find(Declaration.Kind.ENTITY, "", type)
          : meaning.find(Declaration.Kind.SYMBOL_TYPE, "", type);
      meaning.refer(def.source(), p.type(), named, null);
    }
  }

  private static List<Ty> params(Declared d, WorldSchema schema, List<Diagnostic> out) {
    List<Ty> types = new ArrayList<>();
    Set<String> names = new HashSet<>();
    boolean ok = true;
    for (DefDecl.Param p : d.decl().params()) {
      if (!names.add(p.name().text())) {
        out.add(Diagnostic.error(Codes.DUPLICATE_DECLARATION, d.source(), p.name().span(),
            "parameter `" + p.name().text() + "` is declared twice").withHint("give each parameter its own name"));
        ok = false;
      }
      Ty t = schema == null ? Ty.ERROR : paramType(p.type().text(), schema);
      if (t == null) {
        List<String> known = typeNames(schema);
        String suggestion = Suggestions.closest(p.type().text(), known);
        Diagnostic e = Diagnostic.error(Codes.BAD_DEFINITION, d.source(), p.type().span(),
            "unknown parameter type `" + p.type().text() + "`");
        out.add(suggestion != null ? e.withSuggestion(suggestion)
            : e.withHint("a parameter is one of: " + String.join(", ", known)));
        ok = false;
      }
      types.add(t);
    }
    return ok ? types : null;
  }

  /** The type a parameter declared {@code : name} takes, or null. */
  private static Ty paramType(String name, WorldSchema schema) {
    switch (name) {
      case "int": return Ty.INT;
      case "bool": return Ty.BOOL;
      case "Side": return Ty.of(new SymbolSet("Side", Side.NAMES));
      case Attributes.ANY_TYPE: return Ty.object(Loop.ANY_TYPE);
      default: break;
    }
    EntityType t = schema.type(name);
    if (t != null) {
      return Ty.object(t.index());
    }
    List<String> symbols = schema.symbolTypes().get(name);
    return symbols == null ? null : Ty.of(new SymbolSet(name, symbols));
  }

  private static List<String> typeNames(WorldSchema schema) {
    List<String> names = new ArrayList<>(List.of("int", "bool", "Side", Attributes.ANY_TYPE));
    schema.types().forEach(t -> names.add(t.name()));
    names.addAll(schema.symbolTypes().keySet());
    return names;
  }

  // ---- cycles

  /** The definitions that use themselves, directly or through others; each cycle is reported once, at each member. */
  private static Set<String> cycles(Map<String, Declared> defs, List<Diagnostic> out) {
    Map<String, List<String>> uses = new LinkedHashMap<>();
    defs.forEach((name, d) -> {
      List<String> used = new ArrayList<>();
      collectUses(d.decl().body(), defs.keySet(), used);
      uses.put(name, used);
    });
    Set<String> cyclic = new HashSet<>();
    Set<String> done = new HashSet<>();
    for (String start : defs.keySet()) {
      List<String> path = new ArrayList<>();
      walk(start, uses, path, done, cyclic, defs, out);
    }
    return cyclic;
  }

  private static void walk(String name, Map<String, List<String>> uses, List<String> path, Set<String> done,
      Set<String> cyclic, Map<String, Declared> defs, List<Diagnostic> out) {
    int at = path.indexOf(name);
    if (at >= 0) {
      List<String> cycle = new ArrayList<>(path.subList(at, path.size()));
      if (cyclic.addAll(cycle)) {
        String loop = String.join(" -> ", cycle) + " -> " + name;
        for (String member : cycle) {
          Declared d = defs.get(member);
          out.add(Diagnostic.error(Codes.DEFINITION_CYCLE, d.source(), d.decl().name().span(),
                  "definition `" + member + "` uses itself: " + loop)
              .withHint("definitions are expanded where they are used, so they cannot recurse; write the cases out"));
        }
      }
      return;
    }
    if (done.contains(name)) {
      return;
    }
    path.add(name);
    for (String next : uses.getOrDefault(name, List.of())) {
      walk(next, uses, path, done, cyclic, defs, out);
    }
    path.remove(path.size() - 1);
    done.add(name);
  }

  /** The names of definitions {@code e} uses, in order (calls and bare names alike). */
  public static void collectUses(Expr e, Set<String> defs, List<String> into) {
    if (e == null) {
      return;
    }
    if (e instanceof Expr.Call c) {
      if (defs.contains(c.function().text()) && !into.contains(c.function().text())) {
        into.add(c.function().text());
      }
      c.args().forEach(a -> collectUses(a, defs, into));
    } else if (e instanceof Expr.NameRef n) {
      if (defs.contains(n.name().text()) && !into.contains(n.name().text())) {
        into.add(n.name().text());
      }
    } else if (e instanceof Expr.Unary u) {
      collectUses(u.operand(), defs, into);
    } else if (e instanceof Expr.Binary b) {
      collectUses(b.left(), defs, into);
      collectUses(b.right(), defs, into);
    } else if (e instanceof Expr.InSet s) {
      collectUses(s.value(), defs, into);
      s.elements().forEach(x -> collectUses(x, defs, into));
    } else if (e instanceof Expr.InRange r) {
      collectUses(r.value(), defs, into);
      collectUses(r.low(), defs, into);
      collectUses(r.high(), defs, into);
    } else if (e instanceof Expr.If i) {
      collectUses(i.condition(), defs, into);
      collectUses(i.then(), defs, into);
      collectUses(i.otherwise(), defs, into);
    } else if (e instanceof Expr.Exists x) {
      collectUses(x.where(), defs, into);
    } else if (e instanceof Expr.CountWhere c) {
      collectUses(c.where(), defs, into);
    } else if (e instanceof Expr.HistoryAggregate h) {
      collectUses(h.body(), defs, into);
    } else if (e instanceof Expr.Earlier x) {
      collectUses(x.quantifier(), defs, into);
      collectUses(x.history().steps(), defs, into);
    } else if (e instanceof Expr.AttrRef a && a.history() != null) {
      collectUses(a.history().steps(), defs, into);
    } else if (e instanceof Expr.ActionRef a && a.history() != null) {
      collectUses(a.history().steps(), defs, into);
    }
  }
}
