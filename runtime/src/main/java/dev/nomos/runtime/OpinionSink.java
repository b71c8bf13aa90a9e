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

  /** The law predicts that a new object of {@code type} appears at ({@code x}, {@code y}) at t+1. */
  void spawn(int type, int x, int y);
}
