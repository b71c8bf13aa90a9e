package dev.nomos.lsp.internal;

import dev.nomos.compiler.ast.AttrDecl;
import dev.nomos.compiler.ast.Name;
import dev.nomos.compiler.ast.WorldDecl;
import dev.nomos.compiler.ast.WorldItem;
import dev.nomos.compiler.source.Span;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The world a file's laws are checked against: the first world declared in the file itself or in a
 * file it {@code use}s. Everything editor features need to know about entity types, attributes and
 * actions, with where each was declared.
 */
public final class WorldView {
  /** A declared name and where it is. */
  public record Decl(String name, String uri, Span span) {}

  public record EntityInfo(Decl decl, String doc, Map<String, AttrInfo> attributes) {}

  /** An extra attribute; {@code symbolDecls} is non-empty only for symbol-set attributes. */
  public record AttrInfo(String entity, Decl decl, String typeText, List<Decl> symbolDecls) {
    public List<String> symbols() {
      return symbolDecls.stream().map(Decl::name).toList();
    }

    /** The scope of this attribute's symbols in a {@link SymbolKey}: "Entity.attr", or its symbol type's name. */
    public String symbolScope() {
      return typeText.startsWith("{") ? entity + "." + decl.name() : typeText;
    }
  }

  /** A {@code def} of the model: where it is declared and its declaration. */
  public record DefInfo(Decl decl, dev.nomos.compiler.ast.DefDecl def) {
    /** {@code def blocked(a: agent) = ...} as the hover shows it. */
    public String signature() {
      String params = def.params().stream().map(p -> p.name().text() + ": " + p.type().text())
          .collect(java.util.stream.Collectors.joining(", "));
      return "def " + def.name().text() + (def.parenthesized() ? "(" + params + ")" : "");
    }
  }

  public static final WorldView EMPTY = new WorldView(null, "", Map.of(), Map.of());

  private final Map<String, DefInfo> definitions = new LinkedHashMap<>();
  private final Map<String, List<Decl>> symbolTypes = new LinkedHashMap<>();

  private final Decl world;
  private final String doc;
  private final Map<String, EntityInfo> entities;
  private final Map<String, Decl> actions;

  private WorldView(Decl world, String doc, Map<String, EntityInfo> entities, Map<String, Decl> actions) {
    this.world = world;
    this.doc = doc;
    this.entities = entities;
    this.actions = actions;
  }

  /** The world of the first unit (in order: the file, then its uses) that declares one. */
  public static WorldView of(List<UnitRef> units) {
    WorldView view = null;
    for (UnitRef ref : units) {
      List<WorldDecl> worlds = ref.unit().worlds();
      if (!worlds.isEmpty()) {
        view = of(ref.uri(), worlds.get(0));
        break;
      }
    }
    if (view == null) {
      view = new WorldView(null, "", Map.of(), Map.of());
    }
    for (UnitRef ref : units) {
      for (dev.nomos.compiler.ast.TopDecl d : ref.unit().decls()) {
        if (d instanceof dev.nomos.compiler.ast.DefDecl def) {
          view.definitions.putIfAbsent(def.name().text(),
              new DefInfo(new Decl(def.name().text(), ref.uri(), def.name().span()), def));
        }
      }
    }
    return view;
  }

  private static WorldView of(String uri, WorldDecl w) {
    Map<String, EntityInfo> entities = new LinkedHashMap<>();
    Map<String, Decl> actions = new LinkedHashMap<>();
    for (WorldItem item : w.items()) {
      if (item instanceof WorldItem.Actions a) {
        for (Name n : a.actions()) {
          actions.putIfAbsent(n.text(), new Decl(n.text(), uri, n.span()));
        }
      } else if (item instanceof WorldItem.Entity e) {
        Map<String, AttrInfo> attrs = new LinkedHashMap<>();
        for (AttrDecl ad : e.attributes()) {
          attrs.putIfAbsent(ad.name().text(), new AttrInfo(e.name().text(),
              new Decl(ad.name().text(), uri, ad.name().span()), typeText(ad.type()), symbols(uri, ad.type(), w)));
        }
        entities.putIfAbsent(e.name().text(),
            new EntityInfo(new Decl(e.name().text(), uri, e.name().span()), e.doc(), attrs));
      }
    }
    WorldView view = new WorldView(new Decl(w.name().text(), uri, w.name().span()), w.doc(), entities, actions);
    for (WorldItem item : w.items()) {
      if (item instanceof WorldItem.Enum en) {
        view.symbolTypes.putIfAbsent(en.name().text(), en.symbols().stream()
            .map(n -> new Decl(n.text(), uri, n.span())).toList());
      }
    }
    return view;
  }

  static String typeText(AttrDecl.Type type) {
    if (type instanceof AttrDecl.IntType i) {
      return i.min() == null ? "int 0..255" : "int " + i.min() + ".." + i.max();
    }
    if (type instanceof AttrDecl.BoolType) {
      return "bool";
    }
    if (type instanceof AttrDecl.NamedType n) {
      return n.name().text();
    }
    return "{" + String.join(", ", ((AttrDecl.SymbolType) type).symbols().stream().map(Name::text).toList()) + "}";
  }

  private static List<Decl> symbols(String uri, AttrDecl.Type type, WorldDecl w) {
    if (type instanceof AttrDecl.SymbolType s) {
      return s.symbols().stream().map(n -> new Decl(n.text(), uri, n.span())).toList();
    }
    if (type instanceof AttrDecl.NamedType n) {
      for (WorldItem item : w.items()) {
        if (item instanceof WorldItem.Enum en && en.name().text().equals(n.name().text())) {
          return en.symbols().stream().map(x -> new Decl(x.text(), uri, x.span())).toList();
        }
      }
    }
    return List.of();
  }

  /** The model's definitions by name (this file's and those of the files it uses). */
  public Map<String, DefInfo> definitions() {
    return definitions;
  }

  /** The world's shared symbol types by name, with their symbols. */
  public Map<String, List<Decl>> symbolTypes() {
    return symbolTypes;
  }

  public Optional<Decl> world() {
    return Optional.ofNullable(world);
  }

  public String doc() {
    return doc;
  }

  public Map<String, EntityInfo> entities() {
    return entities;
  }

  public Map<String, Decl> actions() {
    return actions;
  }

  public Optional<EntityInfo> entity(String name) {
    return Optional.ofNullable(entities.get(name));
  }

  /** An extra attribute of an entity type, if declared. */
  public Optional<AttrInfo> attribute(String entity, String name) {
    EntityInfo e = entities.get(entity);
    return e == null ? Optional.empty() : Optional.ofNullable(e.attributes().get(name));
  }

  /** Every symbol-set attribute declaring {@code symbol}. */
  public List<AttrInfo> attributesWithSymbol(String symbol) {
    return entities.values().stream().flatMap(e -> e.attributes().values().stream())
        .filter(a -> a.symbols().contains(symbol)).toList();
  }

}
