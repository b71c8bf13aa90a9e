package dev.nomos.plan;

/**
 * What a search did: nodes expanded (A*, BFS: frames whose successors were predicted; MCTS:
 * simulations), frames the model predicted, duplicates dropped, and the wall-clock time.
 */
public record SearchStats(long expanded, long predicted, long duplicates, double seconds) {
  /** Expanded nodes per second of wall-clock time (0 for a search too short to time). */
  public double nodesPerSecond() {
    return seconds > 0 ? expanded / seconds : 0;
  }
}
