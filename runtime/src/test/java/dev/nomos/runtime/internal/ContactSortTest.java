package dev.nomos.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The contact index's sort from the last frame's order sorts any order, nearly sorted or shuffled. */
class ContactSortTest {
  @Test
  void sortsNearlySortedAndShuffledKeysAsTheLibraryDoes() {
    Random random = new Random(13);
    for (int trial = 0; trial < 2_000; trial++) {
      int n = random.nextInt(300);
      long[] keys = new long[n];
      for (int k = 0; k < n; k++) {
        keys[k] = (long) (random.nextInt(500) - 100) << 32 | k;
      }
      Arrays.sort(keys);
      // A few objects overtaking their neighbours, or the whole order shuffled.
      int swaps = random.nextBoolean() ? random.nextInt(4) : n * 4;
      for (int s = 0; s < swaps && n > 1; s++) {
        int i = random.nextInt(n - 1);
        int j = swaps > 3 ? random.nextInt(n) : i + 1;
        long t = keys[i];
        keys[i] = keys[j];
        keys[j] = t;
      }
      long[] expected = keys.clone();
      Arrays.sort(expected);
      SmallSorts.nearlySorted(keys, n);
      assertArrayEquals(expected, keys, "trial " + trial);
    }
  }
}
