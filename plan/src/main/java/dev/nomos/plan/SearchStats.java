package dev.nomos.plan;

/**
 * What a search did: nodes expanded (A*, BFS: frames whose successors were predicted; with macro
 * steps, search nodes whose region was explored; MCTS: simulations), frames the model predicted,
 * duplicates dropped, and the time spent, in seconds of the search's {@link TimeMeasure} (the
 * planning thread's CPU time by default).
 */
public record SearchStats(long expanded, long predicted, long duplicates, double seconds) {
  /** Expanded nodes per second (0 for a search too short to time). */
  public double nodesPerSecond() {
    return seconds > 0 ? expanded / seconds : 0;
  }
}
