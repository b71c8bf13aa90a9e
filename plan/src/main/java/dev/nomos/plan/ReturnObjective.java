package dev.nomos.plan;

import dev.nomos.runtime.Frame;
import java.util.Objects;
import java.util.Optional;

/**
 * The model's predicted return: each step earns the reward the model predicts for it; with a goal,
 * the step that reaches it earns 1 more and ends the search there. Predicted episode ends stop the
 * search as for every objective.
 */
public final class ReturnObjective implements Objective {
  private final Goal goal;

  private ReturnObjective(Goal goal) {
    this.goal = goal;
  }

  /** Predicted rewards alone. */
  public static ReturnObjective predicted() {
    return new ReturnObjective(null);
  }

  /** Predicted rewards plus 1 for reaching {@code goal}. */
  public static ReturnObjective withGoal(Goal goal) {
    return new ReturnObjective(Objects.requireNonNull(goal, "goal"));
  }

  public Optional<Goal> goal() {
    return Optional.ofNullable(goal);
  }

  @Override
  public double reward(Frame from, int action, TransitionModel.Outcome step) {
    return step.reward() + (goal != null && goal.reached(step.next()) ? 1 : 0);
  }

  @Override
  public boolean terminal(Frame frame) {
    return goal != null && goal.reached(frame);
  }
}
