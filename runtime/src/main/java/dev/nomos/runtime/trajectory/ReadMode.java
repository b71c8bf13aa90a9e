package dev.nomos.runtime.trajectory;

/**
 * How data that the world declaration did not foresee is read. Malformed records are errors in both
 * modes; the modes differ only on well-formed data the world does not describe.
 */
public enum ReadMode {
  /**
   * Read what the world does not declare, with a {@link ReadWarning} for each kind of surprise: an
   * undeclared attribute is ignored; an int outside its declared range, an undeclared symbol and an
   * undeclared action are kept (scored as values the model does not mention); objects of an
   * undeclared type are kept aside so that their appearance can be scored.
   */
  OPEN,
  /** Refuse anything the world does not declare with a {@link TrajectoryFormatException}. */
  STRICT
}
