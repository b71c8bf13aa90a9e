package dev.nomos.compiler.ast;

import dev.nomos.compiler.source.Span;

/** An identifier as written, with its own span (for go-to-definition, rename and carets). */
public record Name(String text, Span span) implements Node {
  @Override
  public String toString() {
    return text;
  }
}
