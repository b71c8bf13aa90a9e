package dev.nomos.learn.internal;

import java.util.Arrays;

/**
 * Values kept by a dense number (a {@link Numbering}'s) in an array that grows as numbers come:
 * what a tally finds once by its key is found again for every later observation by indexing
 * rather than by hashing the key.
 */
final class ByNumber<V> {
  private Object[] values = new Object[0];

  /** The value kept under {@code number}, or null when none is. */
  @SuppressWarnings("unchecked")
  V get(int number) {
    return number < values.length ? (V) values[number] : null;
  }

  /** Keeps {@code value} under {@code number}; returns it. */
  V put(int number, V value) {
    if (number >= values.length) {
      values = Arrays.copyOf(values, Math.max(number + 1, 2 * values.length));
    }
    values[number] = value;
    return value;
  }
}
