package dev.nomos.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class DeadlineTest {
  private final AtomicLong clock = new AtomicLong(-5_000_000_000L);

  @Test
  void passesWhenTheClockReachesIt() {
    Deadline d = Deadline.in(Duration.ofSeconds(3), clock::get);
    assertFalse(d.passed());
    assertEquals(3, d.remainingSeconds(), 1e-9);
    assertTrue(d.wouldPass(3.5));
    assertFalse(d.wouldPass(2.5));
    clock.addAndGet(3_000_000_000L);
    assertTrue(d.passed());
    assertEquals(0, d.remainingSeconds(), 0);
  }

  @Test
  void withinTakesTheEarlierOfTwo() {
    Deadline d = Deadline.in(Duration.ofSeconds(10), clock::get);
    assertEquals(4, d.within(Duration.ofSeconds(4)).remainingSeconds(), 1e-9);
    assertSame(d, d.within(Duration.ofSeconds(40)));
  }

  @Test
  void noneNeverPassesAndHugeBudgetsDoNotOverflow() {
    assertFalse(Deadline.none().passed());
    assertTrue(Deadline.none().isNone());
    assertEquals(Double.POSITIVE_INFINITY, Deadline.none().remainingSeconds());
    clock.set(Long.MAX_VALUE - 10);
    assertFalse(Deadline.in(Duration.ofDays(365_000_000L), clock::get).passed());
    assertTrue(Deadline.in(Duration.ofSeconds(-1), clock::get).passed(), "a negative budget is spent already");
  }
}
