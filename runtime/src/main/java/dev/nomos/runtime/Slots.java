package dev.nomos.runtime;

/**
 * Attribute slot numbers shared by frames, laws and the inference engine. Slots 0 to 3 are the
 * built-in geometry every object has; extras follow. {@link #ALIVE} is the pseudo-slot of the
 * presence target that {@code destroy} speaks to; {@link #REWARD} and {@link #END} are the slots of
 * the world-level targets.
 */
public final class Slots {
  public static final int X = 0;
  public static final int Y = 1;
  public static final int W = 2;
  public static final int H = 3;
  public static final int FIRST_EXTRA = 4;
  /** Presence at t+1: 1 if the object still exists, 0 if it was destroyed. */
  public static final int ALIVE = -1;
  /** The world's reward for the step from t to t+1 (object {@link OpinionSink#WORLD}); an int. */
  public static final int REWARD = -2;
  /** Whether the episode ends at t+1 (object {@link OpinionSink#WORLD}): 1 it ends, 0 it goes on. */
  public static final int END = -3;

  private Slots() {}

  /** The slot of a built-in attribute name, or -1. */
  public static int builtIn(String name) {
    switch (name) {
      case "x": return X;
      case "y": return Y;
      case "w": return W;
      case "h": return H;
      default: return -1;
    }
  }
}
