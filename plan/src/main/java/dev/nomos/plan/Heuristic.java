package dev.nomos.plan;

import dev.nomos.runtime.Frame;

/**
 * An estimate of the steps from a frame to the goal, for A*. With an admissible estimate (never
 * more than the true number of steps under the model) A* returns a shortest plan.
 */
@FunctionalInterface
public interface Heuristic {
  /** No information: A* is then uniform-cost search. */
  Heuristic ZERO = frame -> 0;

  int estimate(Frame frame);
}
