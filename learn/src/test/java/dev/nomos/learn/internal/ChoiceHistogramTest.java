package dev.nomos.learn.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The random-step histogram counts in two sorted arrays: it must read as the map of counts by value
 * it replaced, whatever order the values come in.
 */
class ChoiceHistogramTest {

  @Test
  void countsAsAMapByValueWhateverTheOrder() {
    SplittableRandom random = new SplittableRandom(7);
    ChoiceMiner.Histogram h = new ChoiceMiner.Histogram();
    Map<Integer, Integer> expected = new TreeMap<>();
    int wrong = 0;
    for (int k = 0; k < 500; k++) {
      // Velocities on both sides of 0, and the pooled outcome "with the action" below them all.
      int value = k % 50 == 0 ? ChoiceMiner.WITH_THE_ACTION : random.nextInt(-9, 10);
      boolean wrongNow = random.nextBoolean();
      h.add(value, wrongNow);
      expected.merge(value, 1, Integer::sum);
      wrong += wrongNow ? 1 : 0;
      if (k % 97 == 0) {
        assertEquals(expected, h.counts(), "after " + (k + 1) + " values");
      }
    }
    assertEquals(expected, h.counts());
    assertEquals(500, h.total);
    assertEquals(wrong, h.wrong);
    for (int value = -10; value <= 10; value++) {
      assertEquals((double) expected.getOrDefault(value, 0) / 500, h.p(value), 1e-15, "p(" + value + ")");
    }
  }
}
