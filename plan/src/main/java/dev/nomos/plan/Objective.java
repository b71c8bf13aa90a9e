package dev.nomos.plan;

import dev.nomos.runtime.Frame;

/**
 * What MCTS maximises: the discounted sum of {@link #reward} over predicted steps, until a
 * {@link #terminal} frame, a step the model predicts ends the episode, or the horizon.
 * {@link GoalObjective} earns 1 for reaching a goal; {@link ReturnObjective} earns the model's
 * predicted rewards (and, with a goal, 1 more for reaching it).
 */
public interface Objective {
  /** What the predicted step {@code step} from {@code from} under {@code action} earns. */
  double reward(Frame from, int action, TransitionModel.Outcome step);

  /** Whether nothing is earned after {@code frame} (besides a predicted end, which always is). */
  boolean terminal(Frame frame);
}
