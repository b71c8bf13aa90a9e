package dev.nomos.plan;

import dev.nomos.runtime.Frame;

/** Plans from a frame (which carries its history) under a model, within limits. */
public interface Planner {
  Plan plan(Frame start, SearchLimits limits);

  /** {@code astar}, {@code bfs} or {@code mcts}. */
  String name();
}
