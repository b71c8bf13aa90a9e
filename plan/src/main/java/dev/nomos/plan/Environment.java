package dev.nomos.plan;

import dev.nomos.runtime.Frame;

/** The true world an {@link Agent} acts in: it shows frames and takes actions. */
public interface Environment {
  /** The current frame, linked to the frames before it in this episode. */
  Frame observe();

  /** Takes an action (an index into the world's actions); returns the reward the world gave. */
  double step(int action);

  boolean done();
}
