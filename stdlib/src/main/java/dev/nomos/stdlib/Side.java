package dev.nomos.stdlib;

import java.util.List;

/**
 * The sides of a box, as the symbol values of {@code side: ...} and {@code side(a, b)}.
 * The ordinal is the int the compiled code and interpreter use.
 */
public enum Side {
  TOP, BOTTOM, LEFT, RIGHT, NONE;

  public static final List<String> NAMES = List.of("TOP", "BOTTOM", "LEFT", "RIGHT", "NONE");

  /** The side across the box: TOP for BOTTOM, LEFT for RIGHT; NONE stays NONE. */
  public Side opposite() {
    return switch (this) {
      case TOP -> BOTTOM;
      case BOTTOM -> TOP;
      case LEFT -> RIGHT;
      case RIGHT -> LEFT;
      case NONE -> NONE;
    };
  }

  /** The x part of a unit step toward this side (screen x grows to the right). */
  public int dx() {
    return this == RIGHT ? 1 : this == LEFT ? -1 : 0;
  }

  /** The y part of a unit step toward this side (screen y grows downward). */
  public int dy() {
    return this == BOTTOM ? 1 : this == TOP ? -1 : 0;
  }

  /** The side index of a name, or -1. */
  public static int indexOf(String name) {
    return NAMES.indexOf(name);
  }
}
