package dev.nomos.compiler.check.internal;

import java.util.List;

/**
 * A finite set of symbols bare names resolve against: the world's actions, the sides, or one
 * symbol attribute's values. {@code owner} tells sets with the same symbols apart ("action",
 * "Side", "Door.state"); a symbol's value is its index.
 */
public record SymbolSet(String owner, List<String> symbols) {
  public SymbolSet {
    symbols = List.copyOf(symbols);
  }

  public int indexOf(String symbol) {
    return symbols.indexOf(symbol);
  }
}
