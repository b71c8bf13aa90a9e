package dev.nomos.compiler.check;

import dev.nomos.compiler.ast.AttrDecl;
import dev.nomos.compiler.ast.Name;
import dev.nomos.compiler.ast.WorldDecl;
import dev.nomos.compiler.ast.WorldItem;
import dev.nomos.compiler.check.internal.Attributes;
import dev.nomos.compiler.check.internal.Suggestions;
import dev.nomos.compiler.diag.Codes;
import dev.nomos.compiler.diag.Diagnostic;
import dev.nomos.compiler.source.SourceFile;
import dev.nomos.compiler.source.Span;
import dev.nomos.runtime.AttributeSpec;
import dev.nomos.runtime.EntityType;
import dev.nomos.runtime.WorldSchema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a world declaration and builds its {@link WorldSchema}. The schema is built even when
 * the declaration has errors (a missing or broken item takes a neutral stand-in), so that the laws
 * can still be checked against it and every error of a file is reported in one run.
 */
public final class WorldChecker {
  /** Default support of an int attribute declared without a range. */
  public static final int DEFAULT_INT_MIN = 0;
  public static final int DEFAULT_INT_MAX = 255;
  /** The numeric world options and what they mean, for messages and suggestions. */
  public static final List<String> OPTIONS = dev.nomos.compiler.meaning.LanguageDescriptor.get().worldOptions()
      .stream().map(dev.nomos.compiler.meaning.LanguageDescriptor.Option::name).toList();

  private final SourceFile source;
  private final List<Diagnostic> out;
  private final Map<String, Name> enumNames = new HashMap<>();
  private Map<String, List<String>> symbolTypes = Map.of();

  public WorldChecker(SourceFile source, List<Diagnostic> out) {
    this.source = source;
    this.out = out;
  }

  public WorldSchema check(WorldDecl world) {
    WorldItem.Screen screen = null;
    WorldItem.Velocity velocity = null;
    WorldItem.Actions actions = null;
    Integer contactGap = null;
    Span contactGapSpan = null;
    List<EntityType> types = new ArrayList<>();
    Map<String, Name> typeNames = new HashMap<>();
    symbolTypes = symbolTypes(world);
    for (WorldItem item : world.items()) {
      if (item instanceof WorldItem.Screen s) {
        if (screen != null) {
          duplicateItem("screen", s.span(), screen.span());
          continue;
        }
        screen = s;
        checkScreen(s);
      } else if (item instanceof WorldItem.Velocity v) {
        if (velocity != null) {
          duplicateItem("velocity", v.span(), velocity.span());
          continue;
        }
        velocity = v;
        if (v.min() > v.max()) {
          error(Codes.BAD_WORLD_ITEM, v.span(), "empty velocity range " + v.min() + ".." + v.max(),
              "write the smaller bound first: `velocity " + v.max() + ".." + v.min() + "`");
        }
      } else if (item instanceof WorldItem.Actions a) {
        if (actions != null) {
          duplicateItem("actions", a.span(), actions.span());
          continue;
        }
        actions = a;
        checkUnique(a.actions(), "action");
      } else if (item instanceof WorldItem.Option o) {
        if (!OPTIONS.contains(o.name().text())) {
          out.add(Diagnostic.error(Codes.UNKNOWN_WORLD_OPTION, source, o.name().span(),
                  "unknown world option `" + o.name().text() + "`")
              .withSuggestion(Suggestions.closest(o.name().text(), OPTIONS))
              .withHint(hintOr(Suggestions.closest(o.name().text(), OPTIONS),
                  "the world options are: " + String.join(", ", OPTIONS))));
        } else if (contactGap != null) {
          duplicateItem("contact_gap", o.span(), contactGapSpan);
        } else if (o.value() < 0) {
          error(Codes.BAD_WORLD_ITEM, o.span(), "contact_gap must be 0 or more, got " + o.value(),
              "use 0 for grid worlds and 1 (the default) for pixel worlds");
          contactGap = WorldSchema.DEFAULT_CONTACT_GAP;
          contactGapSpan = o.span();
        } else {
          contactGap = o.value();
          contactGapSpan = o.span();
        }
      } else if (item instanceof WorldItem.Entity e) {
        String name = e.name().text();
        if (name.equals(Attributes.ANY_TYPE)) {
          error(Codes.DUPLICATE_DECLARATION, e.name().span(),
              "`Object` is the built-in type of every object and cannot be declared", "choose another name");
          continue;
        }
        Name previous = typeNames.putIfAbsent(name, e.name());
        if (previous != null) {
          error(Codes.DUPLICATE_DECLARATION, e.name().span(), "entity `" + name + "` is declared twice",
              "the first declaration is on line " + previous.span().line());
          continue;
        }
        Name sameAsEnum = enumNames.get(name);
        if (sameAsEnum != null) {
          error(Codes.DUPLICATE_DECLARATION, e.name().span(), "`" + name + "` is already the name of a symbol type",
              "the enum is declared on line " + sameAsEnum.span().line() + "; give the entity another name");
          continue;
        }
        types.add(new EntityType(name, types.size(), attributes(e)));
      }
    }
    Span at = world.name().span();
    if (screen == null) {
      error(Codes.BAD_WORLD_ITEM, at, "world `" + world.name().text() + "` declares no screen",
          "add a line such as `screen 160 x 210`");
    }
    if (velocity == null) {
      error(Codes.BAD_WORLD_ITEM, at, "world `" + world.name().text() + "` declares no velocity range",
          "add a line such as `velocity -30..30`");
    }
    if (actions == null) {
      error(Codes.BAD_WORLD_ITEM, at, "world `" + world.name().text() + "` declares no actions",
          "add a line such as `actions NOOP, UP, DOWN`");
    }
    int width = screen != null && screen.width() > 0 ? screen.width() : 1;
    int height = screen != null && screen.height() > 0 ? screen.height() : 1;
    int vMin = velocity != null && velocity.min() <= velocity.max() ? velocity.min() : 0;
    int vMax = velocity != null && velocity.min() <= velocity.max() ? velocity.max() : 0;
    List<String> actionNames = new ArrayList<>();
    if (actions != null) {
      for (Name a : actions.actions()) {
        if (!actionNames.contains(a.text())) {
          actionNames.add(a.text());
        }
      }
    }
    return new WorldSchema(world.name().text(), width, height, vMin, vMax, actionNames, types,
        contactGap == null ? WorldSchema.DEFAULT_CONTACT_GAP : contactGap, symbolTypes);
  }

  /** The world's {@code enum} declarations by name, in order; a repeated name or symbol is reported. */
  private Map<String, List<String>> symbolTypes(WorldDecl world) {
    Map<String, List<String>> types = new LinkedHashMap<>();
    enumNames.clear();
    for (WorldItem item : world.items()) {
      if (!(item instanceof WorldItem.Enum en)) {
        continue;
      }
      Name previous = enumNames.putIfAbsent(en.name().text(), en.name());
      if (previous != null) {
        error(Codes.DUPLICATE_DECLARATION, en.name().span(), "symbol type `" + en.name().text() + "` is declared twice",
            "the first declaration is on line " + previous.span().line());
        continue;
      }
      checkUnique(en.symbols(), "symbol");
      types.put(en.name().text(), en.symbols().stream().map(Name::text).distinct().toList());
    }
    return types;
  }

  private void checkScreen(WorldItem.Screen s) {
    if (!s.separator().text().equals("x")) {
      out.add(Diagnostic.error(Codes.BAD_WORLD_ITEM, source, s.separator().span(),
              "the screen size is written `WIDTH x HEIGHT`, not with `" + s.separator().text() + "`")
          .withHint("write `screen " + s.width() + " x " + s.height() + "`").withReplacement("x"));
    }
    if (s.width() <= 0 || s.height() <= 0) {
      error(Codes.BAD_WORLD_ITEM, s.span(), "the screen must be at least 1 x 1, got " + s.width() + " x " + s.height(),
          null);
    }
  }

  private List<AttributeSpec> attributes(WorldItem.Entity e) {
    List<AttributeSpec> specs = new ArrayList<>();
    Map<String, Name> seen = new HashMap<>();
    for (AttrDecl a : e.attributes()) {
      String name = a.name().text();
      if (Attributes.isBuiltIn(name)) {
        error(Codes.DUPLICATE_DECLARATION, a.name().span(),
            "`" + name + "` is a built-in attribute of every object and cannot be declared again",
            "choose another name");
        continue;
      }
      Name previous = seen.putIfAbsent(name, a.name());
      if (previous != null) {
        error(Codes.DUPLICATE_DECLARATION, a.name().span(),
            "attribute `" + name + "` of `" + e.name().text() + "` is declared twice",
            "the first declaration is on line " + previous.span().line());
        continue;
      }
      if (a.type() instanceof AttrDecl.IntType i) {
        int lo = i.min() == null ? DEFAULT_INT_MIN : i.min();
        int hi = i.max() == null ? DEFAULT_INT_MAX : i.max();
        if (lo > hi) {
          error(Codes.BAD_WORLD_ITEM, i.span(), "empty range " + lo + ".." + hi + " for attribute `" + name + "`",
              "write the smaller bound first: `int " + hi + ".." + lo + "`");
          int swap = lo;
          lo = hi;
          hi = swap;
        }
        specs.add(AttributeSpec.ofInt(name, lo, hi));
      } else if (a.type() instanceof AttrDecl.BoolType) {
        specs.add(AttributeSpec.ofBool(name));
      } else if (a.type() instanceof AttrDecl.NamedType n) {
        List<String> symbols = symbolTypes.get(n.name().text());
        if (symbols == null) {
          unknownSymbolType(n.name());
          continue;
        }
        specs.add(AttributeSpec.ofSymbolType(name, n.name().text(), symbols));
      } else {
        AttrDecl.SymbolType s = (AttrDecl.SymbolType) a.type();
        checkUnique(s.symbols(), "symbol");
        specs.add(AttributeSpec.ofSymbols(name, s.symbols().stream().map(Name::text).distinct().toList()));
      }
    }
    return specs;
  }

  private void unknownSymbolType(Name type) {
    List<String> known = new ArrayList<>(symbolTypes.keySet());
    String suggestion = Suggestions.closest(type.text(), known);
    String hint = suggestion != null ? null : known.isEmpty()
        ? "declare it in the world, e.g. `enum " + type.text() + " { a, b }`, or list the symbols: `{a, b}`"
        : "the world's symbol types are: " + String.join(", ", known);
    Diagnostic d = Diagnostic.error(Codes.UNKNOWN_SYMBOL_TYPE, source, type.span(),
        "unknown symbol type `" + type.text() + "`");
    out.add(suggestion != null ? d.withSuggestion(suggestion) : d.withHint(hint));
  }

  private void checkUnique(List<Name> names, String what) {
    Map<String, Name> seen = new HashMap<>();
    for (Name n : names) {
      Name previous = seen.putIfAbsent(n.text(), n);
      if (previous != null) {
        error(Codes.DUPLICATE_DECLARATION, n.span(), what + " `" + n.text() + "` is listed twice",
            "remove the second `" + n.text() + "`");
      }
    }
  }

  private void duplicateItem(String item, Span span, Span first) {
    error(Codes.DUPLICATE_DECLARATION, span, "the world declares `" + item + "` twice",
        "keep one; the first is on line " + first.line());
  }

  private void error(String code, Span span, String message, String hint) {
    out.add(Diagnostic.error(code, source, span, message).withHint(hint));
  }

  private static String hintOr(String suggestion, String otherwise) {
    return suggestion != null ? "did you mean `" + suggestion + "`?" : otherwise;
  }
}
