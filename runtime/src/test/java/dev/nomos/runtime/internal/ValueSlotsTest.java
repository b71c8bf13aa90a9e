package dev.nomos.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** A value's position among a few is what a binary search finds, with the table and without it. */
class ValueSlotsTest {
  @Test
  void positionsAreThoseOfABinarySearchForNarrowAndWideValues() {
    Random random = new Random(17);
    for (int trial = 0; trial < 500; trial++) {
      int spread = random.nextBoolean() ? 20 : 1_000_000_000;
      TreeSet<Integer> set = new TreeSet<>();
      int n = random.nextInt(12);
      while (set.size() < n) {
        set.add(random.nextInt(spread) - spread / 2);
      }
      int[] values = set.stream().mapToInt(Integer::intValue).toArray();
      ValueSlots slots = new ValueSlots(values);
      for (int q = 0; q < 200; q++) {
        int value = q < values.length ? values[q] : random.nextBoolean() ? random.nextInt(spread) - spread / 2
            : random.nextInt();
        int expected = Arrays.binarySearch(values, value);
        assertEquals(expected < 0 ? -1 : expected, slots.positionOf(value), "values " + Arrays.toString(values));
      }
      assertEquals(-1, slots.positionOf(Integer.MIN_VALUE));
      assertEquals(-1, slots.positionOf(Integer.MAX_VALUE));
    }
  }
}
