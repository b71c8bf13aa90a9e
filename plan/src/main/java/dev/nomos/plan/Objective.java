package dev.nomos.plan;

import dev.nomos.runtime.Frame;

/**
 * What MCTS maximises: the discounted sum of {@link #reward} over predicted transitions, until a
 * {@link #terminal} frame or the horizon. {@link GoalObjective} is the one the project has today
 * (1 for reaching a goal); a model that predicts rewards and episode ends supplies its own.
 */
public interface Objective {
  double reward(Frame from, int action, Frame to);

  /** Whether the episode ends at {@code frame} (nothing is earned after it). */
  boolean terminal(Frame frame);
}
