package dev.nomos.learn.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class WorkersTest {

  private static List<Integer> upTo(int n) {
    List<Integer> out = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      out.add(k);
    }
    return out;
  }

  @Test
  void resultsComeInTheItemsOrderWhateverThreadDidThem() {
    Set<String> threads = ConcurrentHashMap.newKeySet();
    try (Workers w = new Workers(3)) {
      // Early items take longest, so later ones finish first on the other threads.
      List<Integer> squares = w.map(upTo(40), k -> {
        threads.add(Thread.currentThread().getName());
        long until = System.nanoTime() + (40 - k) * 100_000L;
        while (System.nanoTime() < until) {
          Thread.onSpinWait();
        }
        return k * k;
      });
      List<Integer> expected = upTo(40).stream().map(k -> k * k).toList();
      assertEquals(expected, squares);
    }
    assertTrue(threads.size() <= 3, threads.toString());
  }

  @Test
  void theFirstFailingItemByIndexIsReported() {
    try (Workers w = new Workers(4)) {
      IllegalStateException e = assertThrows(IllegalStateException.class, () -> w.map(upTo(20), k -> {
        if (k == 7 || k == 15) {
          throw new IllegalStateException("item " + k);
        }
        return k;
      }));
      assertEquals("item 7", e.getMessage());
    }
  }

  /**
   * A map inside a map whose items hold every other thread does not wait for them: the caller does
   * its own items.
   */
  @Test
  void aMapInsideAMapThatHoldsEveryThreadEnds() throws InterruptedException {
    try (Workers w = new Workers(2)) {
      CountDownLatch bothStarted = new CountDownLatch(2);
      List<Integer> sums = w.<Integer, Integer>map(upTo(2), outer -> {
        bothStarted.countDown();
        try {
          // Both threads are now busy here; the inner maps can only be done by their callers.
          bothStarted.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        List<Integer> shifted = w.map(upTo(10), inner -> inner + outer);
        return shifted.stream().mapToInt(Integer::intValue).sum();
      });
      assertEquals(List.of(45, 55), sums);
    }
  }

  @Test
  void oneThreadIsTheCallersAndNoneIsRefused() {
    try (Workers w = new Workers(1)) {
      String caller = Thread.currentThread().getName();
      assertEquals(List.of(caller, caller), w.map(upTo(2), k -> Thread.currentThread().getName()));
    }
    assertThrows(IllegalArgumentException.class, () -> new Workers(0));
  }
}
