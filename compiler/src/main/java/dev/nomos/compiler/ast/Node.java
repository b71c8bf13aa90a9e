package dev.nomos.compiler.ast;

import dev.nomos.compiler.source.Span;

/** Every AST node knows where it came from. AST nodes are immutable values. */
public interface Node {
  Span span();
}
