package dev.nomos.lsp.internal;

/** What a name in a {@code .law} file stands for, as far as editor features care. */
public enum SymbolKind {
  WORLD, ENTITY, ATTRIBUTE, LAW, BINDER, ACTION, SYMBOL, FUNCTION, OPTION
}
