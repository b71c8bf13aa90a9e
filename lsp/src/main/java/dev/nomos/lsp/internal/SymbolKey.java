package dev.nomos.lsp.internal;

/**
 * Identity of a declared thing, comparable across files. {@code scope} disambiguates: the entity of
 * an attribute ("Ball"; {@link #BUILTIN} for x, y, vx...), the attribute owning a symbol
 * ("Door.state"; "Side" for sides), or the file and offset of a binder's declaration (binders and
 * laws are local to one file).
 */
public record SymbolKey(SymbolKind kind, String scope, String name) {
  public static final String BUILTIN = "*";

  public static SymbolKey entity(String name) {
    return new SymbolKey(SymbolKind.ENTITY, "", name);
  }

  public static SymbolKey attribute(String entity, String name) {
    return new SymbolKey(SymbolKind.ATTRIBUTE, entity, name);
  }

  /** Whether the language defines this thing (built-in attributes, Object, sides, stdlib). */
  public boolean builtin() {
    return scope.equals(BUILTIN) || scope.equals("Side") || kind == SymbolKind.FUNCTION
        || (kind == SymbolKind.ENTITY && name.equals("Object"));
  }
}
