package dev.nomos.plan;

import dev.nomos.runtime.Frame;

/** Reward 1 on the transition that reaches the goal, which ends the episode; 0 otherwise. */
public record GoalObjective(Goal goal) implements Objective {
  @Override
  public double reward(Frame from, int action, TransitionModel.Outcome step) {
    return goal.reached(step.next()) ? 1 : 0;
  }

  @Override
  public boolean terminal(Frame frame) {
    return goal.reached(frame);
  }
}
