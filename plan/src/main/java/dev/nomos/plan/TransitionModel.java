package dev.nomos.plan;

import dev.nomos.runtime.Frame;
import dev.nomos.runtime.WorldSchema;
import java.util.random.RandomGenerator;

/**
 * What a planner asks of a world model: the next frame after an action, as the most likely one or
 * as a draw, with its probability under the model, the reward the model predicts for the step and
 * whether it predicts the episode's end there. Planners see nothing else of the world: no true
 * simulator, no recorded reward. {@link ModelTransitions} answers with a {@code WorldModel}.
 *
 * <p>Implementations may keep per-thread state; a planner uses one from one thread.
 */
public interface TransitionModel {

  WorldSchema schema();

  /** The most likely frame after taking {@code action} in {@code frame} (which keeps its history). */
  Outcome mostLikely(Frame frame, int action);

  /**
   * The most likely frame alone, for searches that score only the path they return; implementations
   * may skip computing its probability.
   */
  default Frame mostLikelyFrame(Frame frame, int action) {
    return mostLikely(frame, action).next();
  }

  /**
   * The most likely frame if the model is sure enough of it to plan on, else null: best-first
   * searches take no step that answers null. Models are sure of every step unless wrapped in
   * {@link CautiousTransitions}.
   */
  default Frame sureFrame(Frame frame, int action) {
    return mostLikelyFrame(frame, action);
  }

  /** A frame drawn from the model after taking {@code action} in {@code frame}. */
  Outcome sample(Frame frame, int action, RandomGenerator random);

  /**
   * A predicted step: the next frame, its natural-log probability under the model (its objects), the
   * step's predicted reward, and whether the episode ends with it ({@code next.terminated()}).
   */
  record Outcome(Frame next, double logProbability, double reward) {
    /** A step the model predicts no reward for. */
    public Outcome(Frame next, double logProbability) {
      this(next, logProbability, 0);
    }

    /** Whether the episode ends with this step. */
    public boolean end() {
      return next.terminated();
    }
  }
}
