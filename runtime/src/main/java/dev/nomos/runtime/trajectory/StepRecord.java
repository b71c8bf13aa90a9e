package dev.nomos.runtime.trajectory;

import java.util.List;

/**
 * One line of a trajectory file (JSON Lines v1): the state at step {@code t} of an episode and the
 * action taken at t, which leads to record t+1 of the same episode. {@code action} is null on an
 * episode's final record; {@code done} is true exactly there.
 */
public record StepRecord(int episode, int t, String action, double reward, boolean done, List<ObjectState> objects) {

  public StepRecord {
    objects = List.copyOf(objects);
  }
}
