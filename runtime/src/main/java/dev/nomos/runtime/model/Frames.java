package dev.nomos.runtime.model;

import dev.nomos.runtime.Frame;

/** Small operations on frames that the model needs. */
public final class Frames {
  private Frames() {}

  /** The same frame (objects and history) with another action taken at t. */
  public static Frame withAction(Frame frame, int action) {
    if (frame.action() == action) {
      return frame;
    }
    Frame.Builder b = Frame.builder(frame.schema()).previous(frame.previous()).action(action);
    for (int o : frame.all()) {
      b.add(frame.id(o), frame.type(o), frame.slots(o));
    }
    for (int k = 0; k < frame.undeclaredCount(); k++) {
      b.addUndeclared(frame.undeclaredId(k), frame.undeclaredType(k));
    }
    return b.build();
  }
}
