package dev.nomos.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
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
  void mapOfAListKeepsItsOrderOnAtMostItsThreads() {
    Set<String> names = ConcurrentHashMap.newKeySet();
    try (Parallelism p = Parallelism.of(3)) {
      List<Integer> items = IntStream.range(0, 40).boxed().toList();
      List<Integer> squares = p.map(items, k -> {
        names.add(Thread.currentThread().getName());
        return slowFirst(k, 40);
      });
      assertEquals(items.stream().map(k -> k * k).toList(), squares);
    }
    assertTrue(names.size() <= 3, names.toString());
  }

  @Test
  void theFirstFailingTaskByIndexIsReported() {
    try (Parallelism p = Parallelism.of(4)) {
      IllegalStateException e = assertThrows(IllegalStateException.class, () -> p.map(20, k -> {
        if (k == 7 || k == 15) {
          throw new IllegalStateException("task " + k);
        }
        return k;
      }));
      assertEquals("task 7", e.getMessage());
    }
  }

  /** A map inside a map whose tasks hold every thread does not wait for them: its caller does its own tasks. */
  @Test
  void aMapInsideAMapThatHoldsEveryThreadEnds() {
    Set<String> names = ConcurrentHashMap.newKeySet();
    try (Parallelism p = Parallelism.of(2)) {
      CountDownLatch bothStarted = new CountDownLatch(2);
      List<Integer> sums = p.map(2, outer -> {
        bothStarted.countDown();
        try {
          // Both threads are now busy here; the inner maps can only be done by their callers.
          bothStarted.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        List<Integer> shifted = p.map(10, inner -> {
          names.add(Thread.currentThread().getName());
          return inner + outer;
        });
        return shifted.stream().mapToInt(Integer::intValue).sum();
      });
      assertEquals(List.of(45, 55), sums);
    }
    assertEquals(2, names.size(), "each inner map ran on its own caller only: " + names);
  }

  @Test
  void oneThreadIsTheCallers() {
    String caller = Thread.currentThread().getName();
    assertEquals(List.of(caller, caller), Parallelism.of(1).map(2, k -> Thread.currentThread().getName()));
  }

  @Test
  void fewerThanOneThreadIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> Parallelism.of(0));
  }
}
