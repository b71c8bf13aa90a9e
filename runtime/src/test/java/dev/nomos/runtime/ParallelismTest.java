package dev.nomos.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ParallelismTest {
  /** Later tasks finish first, so results come back in task order only if the order is kept. */
  private static int slowFirst(int i, int count) {
    long until = System.nanoTime() + (count - i) * 200_000L;
    while (System.nanoTime() < until) {
      Thread.onSpinWait();
    }
    return i * i;
  }

  @Test
  void mapReturnsResultsInTaskOrder() {
    List<Integer> expected = IntStream.range(0, 40).map(i -> i * i).boxed().toList();
    assertEquals(expected, Parallelism.of(4).map(40, i -> slowFirst(i, 40)));
    assertEquals(expected, Parallelism.SERIAL.map(40, i -> slowFirst(i, 40)));
  }

  @Test
  void orderedHandsResultsOverInTaskOrder() {
    for (Parallelism p : List.of(Parallelism.SERIAL, Parallelism.of(3))) {
      int[] next = {0};
      List<Integer> seen = new ArrayList<>();
      p.ordered(() -> {
        if (next[0] == 50) {
          return null;
        }
        int i = next[0]++;
        Callable<Integer> task = () -> slowFirst(i, 50);
        return task;
      }, seen::add);
      assertEquals(IntStream.range(0, 50).map(i -> i * i).boxed().toList(), seen);
    }
  }

  @Test
  void aTaskFailureIsThrownAsItWas() {
    IllegalArgumentException failure = new IllegalArgumentException("bad shard");
    IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class,
        () -> Parallelism.of(2).map(5, i -> {
          if (i == 3) {
            throw failure;
          }
          return i;
        }));
    assertSame(failure, thrown);
  }

  @Test
  void fewerThanOneThreadIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> Parallelism.of(0));
  }
}
