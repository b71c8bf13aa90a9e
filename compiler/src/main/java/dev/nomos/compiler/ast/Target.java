package dev.nomos.compiler.ast;

import dev.nomos.compiler.source.Span;

/**
 * The left of an effect: {@code b.vy}, an attribute of a bound object at t+1, or, with a null
 * {@code object}, a target of the world itself ({@code reward}, {@code end}).
 */
public record Target(Name object, Name attribute, Span span) implements Node {

  /** Whether this names a target of the world ({@code reward := 1}) rather than of an object. */
  public boolean isWorld() {
    return object == null;
  }
}
