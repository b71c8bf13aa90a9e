package dev.nomos.worlds.internal;

import java.util.SplittableRandom;

/** A world that knows a simple way towards its own goal, for the {@code goal} recording policy. */
public interface GoalSeeking {

  /** A sensible action for the current state; {@code random} breaks ties. */
  String goalAction(SplittableRandom random);
}
