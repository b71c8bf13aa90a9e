package dev.nomos.learn.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LongTableTest {

  @Test
  void keepsWhatAMapKeepsThroughGrowthAndReplacement() {
    LongTable<String> table = new LongTable<>();
    Map<Long, String> expected = new HashMap<>();
    Random random = new Random(7);
    for (int k = 0; k < 5000; k++) {
      // Keys as the miner packs them (a context's number high, an effect's low), some repeated.
      long key = (long) random.nextInt(300) << 32 | random.nextInt(40);
      table.put(key, "v" + k);
      expected.put(key, "v" + k);
    }
    assertEquals(expected.size(), table.size());
    expected.forEach((key, value) -> assertEquals(value, table.get(key), "key " + key));
    assertNull(table.get(301L << 32));
    assertNull(table.get(-1L));
  }

  @Test
  void refusesNullValues() {
    assertThrows(IllegalArgumentException.class, () -> new LongTable<String>().put(1L, null));
  }
}
