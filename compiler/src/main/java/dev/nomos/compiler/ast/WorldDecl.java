package dev.nomos.compiler.ast;

import dev.nomos.compiler.source.Span;
import java.util.List;

/** {@code world Name { screen ..., velocity ..., actions ..., entity ... }}. */
public record WorldDecl(Name name, String doc, List<WorldItem> items, Span span) implements TopDecl {

  public WorldDecl {
    items = List.copyOf(items);
  }
}
