package dev.nomos.runtime.model;

import dev.nomos.runtime.Frame;

/** Small operations on frames that the model needs. */
public final class Frames {
  private Frames() {}

  /** The same frame (objects and history) with another action taken at t. */
  public static Frame withAction(Frame frame, int action) {
    return frame.withAction(action);
  }
}
