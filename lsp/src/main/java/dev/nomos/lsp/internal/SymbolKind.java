package dev.nomos.lsp.internal;

/** What a name in a {@code .law} file stands for, as far as editor features care. */
public enum SymbolKind {
  WORLD, ENTITY, ATTRIBUTE, LAW, BINDER, ACTION, SYMBOL, FUNCTION, OPTION,
  /** A {@code def}: a named expression of the model. */
  DEFINITION,
  /** A shared symbol type of the world ({@code enum Color {...}}). */
  SYMBOL_TYPE,
  /** A contextual word where it opens a declaration ({@code def}, {@code enum}). */
  KEYWORD
}
