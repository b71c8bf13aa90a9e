package dev.nomos.learn;

/**
 * What proposing cost: model calls and tokens. Answers replayed from the response cache count the
 * same as live ones (so a replayed run makes the same budget decisions); {@code cacheHits} says
 * how many of the calls were replayed.
 */
public record Usage(long calls, long inputTokens, long outputTokens, long cacheHits) {
  public static final Usage NONE = new Usage(0, 0, 0, 0);

  public long totalTokens() {
    return inputTokens + outputTokens;
  }

  public Usage plus(Usage other) {
    return new Usage(calls + other.calls, inputTokens + other.inputTokens, outputTokens + other.outputTokens,
        cacheHits + other.cacheHits);
  }
}
