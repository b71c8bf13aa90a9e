package dev.nomos.runtime.trajectory;

import java.util.List;

/**
 * One line of a trajectory file (JSON Lines v1): the state at step {@code t} of an episode, the
 * action taken at t, which leads to record t+1 of the same episode, and the reward that action
 * earned. {@code action} is null on an episode's final record; {@code done} is true exactly there.
 * {@code truncated} (Gymnasium's) marks a final record where the recording was cut (a step budget),
 * not where the game ended; it is only ever true together with {@code done}.
 */
public record StepRecord(int episode, int t, String action, double reward, boolean done, boolean truncated,
    List<ObjectState> objects) {

  public StepRecord {
    objects = List.copyOf(objects);
    if (truncated && !done) {
      throw new IllegalArgumentException("a truncated record must be done (a cut ends the episode)");
    }
  }

  /** A record that is not a cut: {@code done} means the game ended there. */
  public StepRecord(int episode, int t, String action, double reward, boolean done, List<ObjectState> objects) {
    this(episode, t, action, reward, done, false, objects);
  }

  /** Whether the game ended at this record (Gymnasium's {@code terminated}): done and not cut. */
  public boolean terminated() {
    return done && !truncated;
  }
}
