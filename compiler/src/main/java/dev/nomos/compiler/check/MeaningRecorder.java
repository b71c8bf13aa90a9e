package dev.nomos.compiler.check;

import dev.nomos.compiler.ast.AttrDecl;
import dev.nomos.compiler.ast.Name;
import dev.nomos.compiler.ast.WorldDecl;
import dev.nomos.compiler.ast.WorldItem;
import dev.nomos.compiler.check.internal.Ty;
import dev.nomos.compiler.meaning.Declaration;
import dev.nomos.compiler.meaning.Declaration.Kind;
import dev.nomos.compiler.meaning.ExprType;
import dev.nomos.compiler.meaning.LanguageDescriptor;
import dev.nomos.compiler.meaning.Meaning;
import dev.nomos.compiler.meaning.Reference;
import dev.nomos.compiler.source.SourceFile;
import dev.nomos.compiler.source.Span;
import dev.nomos.runtime.WorldSchema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Collects what the checker resolves while it checks, into a {@link Meaning}. A name is recorded
 * only where the source says it (a case law's instances and a constraint's rewritten requirements
 * put other names at the spans of the written ones), and once: the first resolution of a place wins,
 * so the instances of a law with cases and the inlined uses of a definition add nothing new.
 */
public class MeaningRecorder {
  /** Discards everything: for checks whose meaning nobody reads. */
  public static final MeaningRecorder NONE = new MeaningRecorder() {
    @Override
    void add(Reference r) {}

    @Override
    public void declare(Declaration d) {}

    @Override
    public void typed(SourceFile source, Span span, Ty type, WorldSchema schema) {}
  };

  private final List<Declaration> declarations = new ArrayList<>();
  private final List<Reference> references = new ArrayList<>();
  private final List<ExprType> types = new ArrayList<>();
  private final Set<String> placesSeen = new HashSet<>();
  private final Set<String> typesSeen = new HashSet<>();
  private final Map<String, Declaration> index = new HashMap<>();
  /** Concurrent: {@link #NONE} is shared by every check that records nothing, on any thread. */
  private final Map<String, Declaration> builtIns = new java.util.concurrent.ConcurrentHashMap<>();

  public Meaning build() {
    return Meaning.of(declarations, references, types);
  }

  // ---- declarations

  public void declare(Declaration d) {
    declarations.add(d);
    index.putIfAbsent(d.kind() + "/" + d.owner() + "/" + d.name(), d);
  }

  /** Declares what {@code name} introduces and records the name as its declaring occurrence. */
  public Declaration declare(Kind kind, Name name, String owner, SourceFile source, String detail, String doc) {
    return declare(new Declaration(kind, name.text(), owner, source, name.span(), detail, doc), name, source);
  }

  /**
   * Declares a local name visible from its end to the end of {@code enclosing} (the law, quantifier
   * or definition that declares it), and records the name as its declaring occurrence.
   */
  public Declaration declareLocal(Kind kind, Name name, SourceFile source, String detail, Span enclosing) {
    return declare(new Declaration(kind, name.text(), "", source, name.span(), detail, null,
        name.span().untilEndOf(enclosing)), name, source);
  }

  private Declaration declare(Declaration d, Name name, SourceFile source) {
    if (written(source, name)) {
      declare(d);
      add(new Reference(source, name.span(), d, true, null));
    }
    return d;
  }

  /** A declaration of the sources by kind, owner and name, or null. */
  public Declaration find(Kind kind, String owner, String name) {
    return index.get(kind + "/" + owner + "/" + name);
  }

  /** The world's names: the world, its entities and their attributes, symbol types, symbols, actions, options. */
  public void world(WorldDecl w, SourceFile source) {
    declare(Kind.WORLD, w.name(), "", source, null, w.doc());
    for (WorldItem item : w.items()) {
      if (item instanceof WorldItem.Enum en) {
        refer(source, en.keyword(), keyword(en.keyword().text()), null);
        String symbols = en.symbols().stream().map(Name::text).collect(Collectors.joining(", "));
        declare(Kind.SYMBOL_TYPE, en.name(), "", source, "{ " + symbols + " }", en.doc());
        en.symbols().forEach(s -> declare(Kind.SYMBOL, s, en.name().text(), source, en.name().text(), null));
      }
    }
    for (WorldItem item : w.items()) {
      if (item instanceof WorldItem.Actions a) {
        a.actions().forEach(n -> declare(Kind.ACTION, n, "action", source, "action", null));
      } else if (item instanceof WorldItem.Option o) {
        refer(source, o.name(), option(o.name().text()), null);
      } else if (item instanceof WorldItem.Entity e) {
        String entity = e.name().text();
        String attributes = e.attributes().stream().map(a -> a.name().text() + ": " + typeText(a.type()))
            .collect(Collectors.joining(", "));
        declare(Kind.ENTITY, e.name(), "", source, attributes.isEmpty() ? "" : "{ " + attributes + " }", e.doc());
        for (AttrDecl ad : e.attributes()) {
          declare(Kind.ATTRIBUTE, ad.name(), entity, source, typeText(ad.type()), null);
          if (ad.type() instanceof AttrDecl.NamedType nt) {
            Declaration type = find(Kind.SYMBOL_TYPE, "", nt.name().text());
            if (type != null) {
              refer(source, nt.name(), type, null);
            }
          } else if (ad.type() instanceof AttrDecl.SymbolType st) {
            String owner = entity + "." + ad.name().text();
            st.symbols().forEach(s -> declare(Kind.SYMBOL, s, owner, source, owner, null));
          }
        }
      }
    }
  }

  /** An attribute's type as the world writes it: {@code int 0..255}, {@code bool}, {@code Color}, {@code {a, b}}. */
  public static String typeText(AttrDecl.Type type) {
    if (type instanceof AttrDecl.IntType i) {
      return i.min() == null ? "int 0..255" : "int " + i.min() + ".." + i.max();
    }
    if (type instanceof AttrDecl.BoolType) {
      return "bool";
    }
    if (type instanceof AttrDecl.NamedType n) {
      return n.name().text();
    }
    return "{" + ((AttrDecl.SymbolType) type).symbols().stream().map(Name::text).collect(Collectors.joining(", "))
        + "}";
  }

  // ---- the language's own names

  public Declaration builtInAttribute(String name) {
    return builtIn(Kind.ATTRIBUTE, name);
  }

  public Declaration worldTarget(String name) {
    return builtIn(Kind.WORLD_TARGET, name);
  }

  public Declaration anyType() {
    return builtIn(Kind.ENTITY, LanguageDescriptor.ANY_TYPE);
  }

  public Declaration side(String name) {
    return builtIn(Kind.SYMBOL, name);
  }

  public Declaration function(String name) {
    return builtIn(Kind.FUNCTION, name);
  }

  public Declaration form(String name) {
    return builtIn(Kind.FORM, name);
  }

  public Declaration option(String name) {
    return builtIn(Kind.OPTION, name);
  }

  public Declaration keyword(String word) {
    return builtIn(Kind.KEYWORD, word);
  }

  /** The language's declaration of {@code name}, made once per compilation; null when it has none. */
  private Declaration builtIn(Kind kind, String name) {
    return builtIns.computeIfAbsent(kind + "/" + name,
        k -> LanguageDescriptor.get().builtIn(kind, name).orElse(null));
  }

  // ---- occurrences and types

  /** Records that {@code name} stands for {@code target} (nothing when target is null). */
  public void refer(SourceFile source, Name name, Declaration target, String receiver) {
    if (target != null && written(source, name)) {
      add(new Reference(source, name.span(), target, false, receiver));
    }
  }

  void add(Reference r) {
    if (placesSeen.add(r.source().name() + "@" + r.span().start() + "-" + r.span().end())) {
      references.add(r);
    }
  }

  /** Records the type the checker gave the expression at {@code span}. */
  public void typed(SourceFile source, Span span, Ty type, WorldSchema schema) {
    if (type.isError() || span == Span.NONE || !typesSeen.add(source.name() + "@" + span.start() + "-" + span.end())) {
      return;
    }
    types.add(switch (type.kind()) {
      case INT -> new ExprType(source, span, ExprType.Kind.INT, "int");
      case BOOL -> new ExprType(source, span, ExprType.Kind.BOOL, "bool");
      case OBJECT -> new ExprType(source, span, ExprType.Kind.OBJECT, type.entityType() < 0
          ? LanguageDescriptor.ANY_TYPE : schema.type(type.entityType()).name());
      default -> new ExprType(source, span, ExprType.Kind.SYMBOL, type.symbols().owner());
    });
  }

  /** Whether {@code name} stands in the source as written (not put there by a rewrite). */
  private static boolean written(SourceFile source, Name name) {
    Span s = name.span();
    return s != Span.NONE && source != null && s.end() <= source.text().length()
        && source.text().regionMatches(s.start(), name.text(), 0, name.text().length())
        && s.end() - s.start() == name.text().length();
  }
}
