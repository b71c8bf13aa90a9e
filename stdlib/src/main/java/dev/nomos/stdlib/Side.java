package dev.nomos.stdlib;

import java.util.List;

/**
 * The sides of a box, as the symbol values of {@code side: ...} and {@code side(a, b)}.
 * The ordinal is the int the compiled code and interpreter use.
 */
public enum Side {
  TOP, BOTTOM, LEFT, RIGHT, NONE;

  public static final List<String> NAMES = List.of("TOP", "BOTTOM", "LEFT", "RIGHT", "NONE");

  /** The side index of a name, or -1. */
  public static int indexOf(String name) {
    return NAMES.indexOf(name);
  }
}
