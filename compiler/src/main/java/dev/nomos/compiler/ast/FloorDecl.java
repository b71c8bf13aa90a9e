package dev.nomos.compiler.ast;

import dev.nomos.compiler.source.Span;
import java.util.List;

/**
 * {@code floor { channel value ... }}: the weight ε of the uniform background mixed into every
 * target of a channel (alive, x, y, spawn or an extra attribute), as {@code nomos fit} writes it.
 * {@code name} is the word {@code floor} as written.
 */
public record FloorDecl(Name name, String doc, List<Item> items, Span span) implements TopDecl {

  public FloorDecl {
    items = List.copyOf(items);
  }

  /** One channel's ε; {@code valueText} keeps the literal as written so formatting round-trips exactly. */
  public record Item(Name channel, double value, String valueText, Span span) implements Node {}
}
