package dev.nomos.stdlib;

/**
 * The kinds of values stdlib functions take and return, and how each is passed in Java:
 * INT and SIDE as {@code int}, BOOL as {@code boolean}, OBJECT as an {@code int} object index
 * (the function then also receives the {@code Frame} as its first Java parameter), TYPE as an
 * {@code int} entity-type index (-1 for {@code Object}).
 */
public enum ParamType {
  INT, BOOL, OBJECT, TYPE, SIDE;

  /** The JVM descriptor of how a value of this kind is passed. */
  public String descriptor() {
    return this == BOOL ? "Z" : "I";
  }
}
