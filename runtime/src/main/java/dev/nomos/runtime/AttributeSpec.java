package dev.nomos.runtime;

import java.util.List;
import java.util.Objects;

/**
 * One attribute of an entity type: its name, kind and finite support. Integers carry their declared
 * range; booleans range over {0, 1}; symbols over the indexes of {@link #symbols()}. {@code symbolType}
 * names the world's shared symbol set ({@code enum Color {...}}) a symbol attribute is declared with,
 * or is null for a set of its own; attributes of one shared type hold the same symbols at the same
 * indexes, so their values copy and compare as they are.
 */
public record AttributeSpec(String name, AttributeKind kind, int min, int max, List<String> symbols,
    String symbolType) {

  public AttributeSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    symbols = List.copyOf(symbols);
    if (min > max) {
      throw new IllegalArgumentException("attribute " + name + ": empty range " + min + ".." + max);
    }
    if (symbolType != null && kind != AttributeKind.SYMBOL) {
      throw new IllegalArgumentException("attribute " + name + ": only a symbol attribute has a symbol type");
    }
  }

  public AttributeSpec(String name, AttributeKind kind, int min, int max, List<String> symbols) {
    this(name, kind, min, max, symbols, null);
  }

  public static AttributeSpec ofInt(String name, int min, int max) {
    return new AttributeSpec(name, AttributeKind.INT, min, max, List.of());
  }

  public static AttributeSpec ofBool(String name) {
    return new AttributeSpec(name, AttributeKind.BOOL, 0, 1, List.of());
  }

  public static AttributeSpec ofSymbols(String name, List<String> symbols) {
    if (symbols.isEmpty()) {
      throw new IllegalArgumentException("attribute " + name + ": a symbol set needs at least one symbol");
    }
    return new AttributeSpec(name, AttributeKind.SYMBOL, 0, symbols.size() - 1, symbols);
  }

  /** A symbol attribute of the world's shared symbol type {@code type}, whose symbols are {@code symbols}. */
  public static AttributeSpec ofSymbolType(String name, String type, List<String> symbols) {
    Objects.requireNonNull(type, "type");
    return ofSymbols(name, symbols).withSymbolType(type);
  }

  private AttributeSpec withSymbolType(String type) {
    return new AttributeSpec(name, kind, min, max, symbols, type);
  }

  /** The index of {@code symbol} in this attribute's symbol set, or -1. */
  public int symbolIndex(String symbol) {
    return symbols.indexOf(symbol);
  }

  /** Number of values in the support. */
  public int supportSize() {
    return max - min + 1;
  }
}
