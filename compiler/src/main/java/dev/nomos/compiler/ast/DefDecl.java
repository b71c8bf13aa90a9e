package dev.nomos.compiler.ast;

import dev.nomos.compiler.source.Span;
import java.util.List;

/**
 * {@code def blocked(a: agent, dx: int, dy: int) = exists w: wall where ...}: a named expression
 * with typed parameters, visible to every law of the model and inlined where it is used.
 * {@code keyword} is the word {@code def} as written; {@code parenthesized} is false for a constant
 * written without parentheses ({@code def reach = 3}).
 */
public record DefDecl(Name keyword, Name name, String doc, List<Param> params, boolean parenthesized, Expr body,
    Span span) implements TopDecl {

  public DefDecl {
    params = List.copyOf(params);
  }

  /** One parameter: {@code a: agent}, {@code n: int}, {@code b: bool}, {@code c: Color}, {@code o: Object}. */
  public record Param(Name name, Name type, Span span) implements Node {}
}
