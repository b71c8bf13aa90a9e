package dev.nomos.plan;

import java.time.Duration;

/**
 * When a search stops without an answer: after {@code maxNodes} expansions (A*, BFS) or simulations
 * (MCTS), or after {@code maxTime}, whichever comes first.
 */
public record SearchLimits(long maxNodes, Duration maxTime) {
  public SearchLimits {
    if (maxNodes < 1) {
      throw new IllegalArgumentException("the node budget must be at least 1, got " + maxNodes);
    }
    if (maxTime.isNegative() || maxTime.isZero()) {
      throw new IllegalArgumentException("the time limit must be positive, got " + maxTime);
    }
  }

  public static SearchLimits nodes(long maxNodes) {
    return new SearchLimits(maxNodes, Duration.ofDays(1));
  }
}
