package dev.nomos.plan;

import java.time.Duration;
import java.util.Objects;

/**
 * When a search stops without an answer: after {@code maxNodes} expansions (A*, BFS) or simulations
 * (MCTS), or after {@code maxTime} as measured by {@code measure} (the planning thread's CPU time
 * unless told otherwise), whichever comes first.
 */
public record SearchLimits(long maxNodes, Duration maxTime, TimeMeasure measure) {
  public SearchLimits {
    if (maxNodes < 1) {
      throw new IllegalArgumentException("the node budget must be at least 1, got " + maxNodes);
    }
    if (maxTime.isNegative() || maxTime.isZero()) {
      throw new IllegalArgumentException("the time limit must be positive, got " + maxTime);
    }
    Objects.requireNonNull(measure, "measure");
  }

  /** Limits on the planning thread's CPU time. */
  public SearchLimits(long maxNodes, Duration maxTime) {
    this(maxNodes, maxTime, TimeMeasure.THREAD_CPU);
  }

  public static SearchLimits nodes(long maxNodes) {
    return new SearchLimits(maxNodes, Duration.ofDays(1));
  }

  /** The same limits with another time limit. */
  public SearchLimits withMaxTime(Duration time) {
    return new SearchLimits(maxNodes, time, measure);
  }
}
