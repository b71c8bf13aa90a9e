package dev.nomos.lsp.internal;

import dev.nomos.compiler.meaning.Declaration;
import dev.nomos.compiler.meaning.LanguageDescriptor;

/**
 * Identity of a declared thing, comparable across files (each file is checked on its own, so the
 * same world is read by several compilations). {@code scope} disambiguates: the entity of an
 * attribute ("Ball"; {@link #BUILTIN} for x, y, vx...), the set owning a symbol ("Door.state";
 * "Side" for sides), or the file and offset of a binder's declaration (binders and laws are local
 * to one file).
 */
public record SymbolKey(SymbolKind kind, String scope, String name) {
  public static final String BUILTIN = Declaration.BUILT_IN;

  public static SymbolKey entity(String name) {
    return new SymbolKey(SymbolKind.ENTITY, "", name);
  }

  public static SymbolKey attribute(String entity, String name) {
    return new SymbolKey(SymbolKind.ATTRIBUTE, entity, name);
  }

  /** The key of a declaration the checker resolved; {@code uri}: the file it is declared in. */
  static SymbolKey of(Declaration d, String uri) {
    return switch (d.kind()) {
      case WORLD -> new SymbolKey(SymbolKind.WORLD, "", d.name());
      case ENTITY -> entity(d.name());
      case ATTRIBUTE -> attribute(d.owner(), d.name());
      case WORLD_TARGET -> attribute(BUILTIN, d.name());
      case SYMBOL_TYPE -> new SymbolKey(SymbolKind.SYMBOL_TYPE, "", d.name());
      case SYMBOL -> new SymbolKey(SymbolKind.SYMBOL, d.owner(), d.name());
      case ACTION -> new SymbolKey(SymbolKind.ACTION, "action", d.name());
      case OPTION -> new SymbolKey(SymbolKind.OPTION, BUILTIN, d.name());
      case LAW, CONSTRAINT -> new SymbolKey(SymbolKind.LAW, uri, d.name());
      case DEFINITION -> new SymbolKey(SymbolKind.DEFINITION, "", d.name());
      case BINDER, VALUE_PARAMETER, STEP, CASE_PARAMETER -> binder(uri, d.span().start(), d.name());
      case FUNCTION -> new SymbolKey(SymbolKind.FUNCTION, "", d.name());
      case FORM -> LanguageDescriptor.get().relations().contains(d.name())
          ? new SymbolKey(SymbolKind.FUNCTION, "", d.name()) : new SymbolKey(SymbolKind.KEYWORD, BUILTIN, d.name());
      case KEYWORD -> new SymbolKey(SymbolKind.KEYWORD, BUILTIN, d.name());
    };
  }

  /** A variable declared at {@code offset} of {@code uri}. */
  static SymbolKey binder(String uri, int offset, String name) {
    return new SymbolKey(SymbolKind.BINDER, uri + "@" + offset, name);
  }

  /** Whether the language defines this thing (built-in attributes, Object, sides, stdlib). */
  public boolean builtin() {
    return scope.equals(BUILTIN) || scope.equals("Side") || kind == SymbolKind.FUNCTION
        || (kind == SymbolKind.ENTITY && name.equals(LanguageDescriptor.ANY_TYPE));
  }
}
