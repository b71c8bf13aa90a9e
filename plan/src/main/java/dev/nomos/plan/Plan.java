package dev.nomos.plan;

import dev.nomos.runtime.Frame;
import java.util.List;

/**
 * A planner's answer: the actions (indexes into the world's actions), the frames the model predicts
 * after each, and how good the plan is under the model: for A* and BFS the log-probability of the
 * predicted path (each step's most likely frame), for MCTS the estimated discounted return of the
 * first action.
 */
public record Plan(Status status, int[] actions, List<Frame> predicted, double logProbability,
    double expectedReturn, SearchStats stats) {

  public enum Status {
    /** The plan reaches the goal under the model (A*, BFS). */
    SOLVED,
    /** Every state reachable under the model was expanded without reaching the goal. */
    UNREACHABLE,
    /** The node or time budget ran out first. */
    BUDGET_SPENT,
    /** MCTS: the best first actions found within the budget (not a path to a proven goal). */
    BEST_EFFORT
  }

  public Plan {
    actions = actions.clone();
    predicted = List.copyOf(predicted);
  }

  public int length() {
    return actions.length;
  }

  /** The plan's probability under the model (the exponent of {@link #logProbability}). */
  public double probability() {
    return Math.exp(logProbability);
  }
}
