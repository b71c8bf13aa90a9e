package dev.nomos.learn;

import java.time.Duration;

/**
 * How often a failed model call is tried again and how long to wait in between: the first retry
 * waits {@code initialBackoff}, each further one {@code multiplier} times longer, capped at
 * {@code maxBackoff}.
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, double multiplier, Duration maxBackoff) {
  public static final RetryPolicy DEFAULT = new RetryPolicy(3, Duration.ofSeconds(1), 2.0, Duration.ofSeconds(30));

  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
    }
    if (multiplier < 1) {
      throw new IllegalArgumentException("multiplier must be at least 1, got " + multiplier);
    }
  }

  /** The wait before attempt {@code attempt} (2 = the first retry). */
  public Duration backoffBefore(int attempt) {
    double millis = initialBackoff.toMillis() * Math.pow(multiplier, Math.max(0, attempt - 2));
    return Duration.ofMillis((long) Math.min(millis, maxBackoff.toMillis()));
  }
}
