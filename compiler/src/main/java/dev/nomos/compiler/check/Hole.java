package dev.nomos.compiler.check;

import dev.nomos.compiler.source.Span;

/**
 * A {@code ?} in a candidate law: what kind of value fills it and where it is. The learner fills
 * holes by replacing the text at {@code span} and checking the law again.
 */
public record Hole(Kind kind, Span span) {

  public enum Kind {
    /** An int expression: {@code b.vy := ?}. */
    INT,
    /** {@code side: ?} of a contact: TOP, BOTTOM, LEFT or RIGHT. */
    SIDE,
    /** {@code cover: ?} of a contact: a fraction between 0 and 1. */
    COVER
  }
}
