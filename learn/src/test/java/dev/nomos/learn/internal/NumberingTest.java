package dev.nomos.learn.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.nomos.runtime.Parallelism;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Numbers for the values mined: one per value, kept by threads asking at once, and found again by a miner's own table. */
class NumberingTest {

  @Test
  void equalValuesShareANumberAndTheFirstIsKept() {
    Numbering<String> n = new Numbering<>();
    String first = new String("vx");
    assertEquals(0, n.of(first));
    assertEquals(1, n.of("vy"));
    assertEquals(0, n.of(new String("vx")));
    assertSame(first, n.get(n.of(new String("vx"))));
    assertEquals("vy", n.get(1));
    assertEquals(2, n.size());
  }

  @Test
  void threadsAskingAtOnceGetOneNumberPerValue() {
    Numbering<Integer> n = new Numbering<>();
    try (Parallelism workers = Parallelism.of(4)) {
      List<Integer> asked = IntStream.range(0, 4000).boxed().toList();
      List<Integer> numbers = workers.map(asked, k -> n.of(k % 500));
      assertEquals(500, n.size());
      for (int k = 0; k < asked.size(); k++) {
        assertEquals(k % 500, n.get(numbers.get(k)));
      }
      assertEquals(500, new HashSet<>(numbers).size());
    }
  }

  @Test
  void keysUnderOneSlotAreToldApart() {
    Numbering<String> shared = new Numbering<>();
    KeyNumbers<String> mine = new KeyNumbers<>(() -> shared);
    KeyNumbers<String> theirs = new KeyNumbers<>(() -> shared);
    int a = mine.number(7, "a");
    int b = mine.number(7, "b");
    assertNotEquals(a, b);
    assertEquals(a, mine.number(7, new String("a")));
    assertEquals(b, theirs.number(3, "b"));
    Set<Integer> distinct = new HashSet<>(List.of(a, b, mine.number(8, "c")));
    assertEquals(3, distinct.size());
  }
}
