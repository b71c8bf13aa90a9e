package dev.nomos.compiler.plan;

/** A binder, lowered. {@code type} is an entity-type index, or {@link #ANY_TYPE} for {@code Object}. */
public sealed interface Loop {
  int ANY_TYPE = -1;

  /** {@code for v: T}: object variable {@code var} ranges over the objects of {@code type}. */
  record Each(int var, int type) implements Loop {}

  /**
   * {@code on contact(a: A, b: B, side: S, cover: c)}: {@code varA} ranges over A, then {@code varB}
   * over B, keeping pairs with {@code Geometry.touching(frame, a, b)}; if {@code side} is not
   * {@code Side.NONE.ordinal()} (no constraint), also {@code Geometry.side(frame, a, b) == side};
   * if {@code minCoverPercent > 0}, also {@code Geometry.cover(frame, a, b) >= minCoverPercent}.
   */
  record Contact(int varA, int typeA, int varB, int typeB, int side, int minCoverPercent) implements Loop {}
}
