package dev.nomos.runtime.internal;

import java.util.Arrays;

/**
 * The position of a value among a few distinct ascending values: a table indexed by the value where
 * their range is narrow (velocities, small attributes: the usual case), else a binary search. Asked
 * once per object per step, where a binary search's unpredictable branches cost more than a load.
 * Immutable.
 */
final class ValueSlots {
  /** The widest range, relative to the number of values, given a table. */
  private static final int MAX_TABLE = 4096;

  private final int[] values;
  private final int lowest;
  /** Per value - lowest, its position + 1, or 0 for a value not among them; null where the range is too wide. */
  private final int[] table;

  /** @param values distinct, ascending */
  ValueSlots(int[] values) {
    this.values = values;
    this.lowest = values.length == 0 ? 0 : values[0];
    long range = values.length == 0 ? 0 : (long) values[values.length - 1] - values[0] + 1;
    if (values.length > 0 && range <= Math.min(MAX_TABLE, 16L * values.length + 64)) {
      table = new int[(int) range];
      for (int i = 0; i < values.length; i++) {
        table[values[i] - lowest] = i + 1;
      }
    } else {
      table = null;
    }
  }

  /** The position of {@code value} among the values, or -1. */
  int positionOf(int value) {
    if (table != null) {
      long at = (long) value - lowest;
      return at < 0 || at >= table.length ? -1 : table[(int) at] - 1;
    }
    int at = Arrays.binarySearch(values, value);
    return at < 0 ? -1 : at;
  }
}
