package dev.nomos.runtime;

/**
 * Receives one law's opinions about frame t+1. Values are always the attribute's value at t+1, in
 * the attribute's own space: for x and y that is the next position (a law that writes
 * {@code b.vy := e} emits {@code y + e}); for booleans 0 or 1; for symbols the symbol's index;
 * for {@link Slots#ALIVE} 1 (stays) or 0 (destroyed); for the world's {@link Slots#REWARD} the
 * reward and for its {@link Slots#END} 1 (the episode ends) or 0, with {@link #WORLD} as the object.
 *
 * <p>The methods are primitive-typed so that generated code calls them without allocating.
 * A law that emits several opinions on the same target in one step is read as allowing the union
 * of them (the most favourable score per value).
 */
public interface OpinionSink {

  /**
   * The object index of the world itself, for the world-level targets {@link Slots#REWARD} (the
   * reward the action at t earns) and {@link Slots#END} (1 when the episode ends at t+1).
   */
  int WORLD = -1;

  /**
   * The frame t+1 a constraint's {@code next(...)} guard reads: the most likely next frame of the
   * laws (and of the constraints that read no next frame), or null where there is none to read, and
   * then such a guard is false. Sinks of laws return null; see docs/runtime.md, "Constraints".
   */
  default Frame nextFrame() {
    return null;
  }

  /** The law allows exactly {@code value} for {@code slot} of {@code object}. */
  void exact(int object, int slot, int value);

  /** The law allows every value in {@code lo..hi} (inclusive; empty when lo > hi). */
  void range(int object, int slot, int lo, int hi);

  /** Starts a choice ({@code one_of} or {@code weighted}) on one target. */
  void beginChoice(int object, int slot);

  /**
   * Adds one alternative to the open choice. {@code weight} is the relative weight of the value
   * (1 for every value of a {@code one_of}); non-positive weights disallow the value.
   */
  void choice(int value, double weight);

  /** Closes the open choice. */
  void endChoice();

  /**
   * Starts a joint choice ({@code choose}) over several targets of {@code object}: one opinion on
   * their values together. Alternatives follow, each {@link #jointAlternative} then one
   * {@link #jointValue} per target; every alternative names the same slots in the same order.
   */
  void beginJoint(int object);

  /** Starts one alternative of the open joint choice; non-positive weights disallow it. */
  void jointAlternative(double weight);

  /** In the current alternative, {@code slot} takes {@code value} at t+1. */
  void jointValue(int slot, int value);

  /** Closes the open joint choice. */
  void endJoint();

  /**
   * The law is certain that a new object of {@code type} appears at ({@code x}, {@code y}) at t+1:
   * the same as {@code beginSpawn(type, 1, -1); place(x, y, 1); endSpawn()}.
   */
  void spawn(int type, int x, int y);

  /**
   * Starts a creation: a new object of {@code type} appears at t+1 with {@code probability} (in
   * (0, 1); 1 for a creation the law is certain of), at one of the places that follow, drawn by
   * their relative weights. {@code chance} numbers the law's fitted probabilities (0, 1, ... in the
   * order its effects state them), so that a fitted model can replace the value; -1 when the
   * probability is written (or certain). A fitted probability without a starting value is NaN: an
   * even chance until fitted, and fitting starts it from the rate the data shows.
   */
  void beginSpawn(int type, double probability, int chance);

  /** One place of the open creation, with its relative weight (non-positive weights exclude it). */
  void place(int x, int y, double weight);

  /** Every place from (x0, y0) to (x1, y1) inclusive, equally (none when x0 > x1 or y0 > y1). */
  void placeRange(int x0, int y0, int x1, int y1);

  /** Closes the open creation. */
  void endSpawn();
}
