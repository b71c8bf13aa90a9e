package dev.nomos.learn.internal;

import java.util.Arrays;

/** A growing column of ints: what a mined transition records, one number per entry, without boxing. */
final class IntColumn {
  private int[] values = new int[16];
  private int size;

  void add(int value) {
    if (size == values.length) {
      values = Arrays.copyOf(values, 2 * size);
    }
    values[size++] = value;
  }

  int size() {
    return size;
  }

  /** The values added, in their order, in an array of their own. */
  int[] toArray() {
    return Arrays.copyOf(values, size);
  }
}
