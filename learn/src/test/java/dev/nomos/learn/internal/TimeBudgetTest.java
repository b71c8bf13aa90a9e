package dev.nomos.learn.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nomos.runtime.Deadline;
import dev.nomos.runtime.model.ProgressListener;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The learner's time budget on an injected clock: no test here waits for real time. */
class TimeBudgetTest {
  private final AtomicLong clock = new AtomicLong(1_000);

  private void advance(double seconds) {
    clock.addAndGet((long) (seconds * 1e9));
  }

  private TimeBudget budget(double seconds) {
    return new TimeBudget(Deadline.in(Duration.ofMillis((long) (seconds * 1000)), clock::get));
  }

  @Test
  void runsShareWhatIsLeftAfterTheReserve() {
    TimeBudget b = budget(90);
    assertEquals(30, b.nextRun(3).remainingSeconds(), 1e-6);
    advance(20); // the first run ended early
    b.reserve(10);
    assertEquals((70 - 10) / 2.0, b.nextRun(2).remainingSeconds(), 1e-6, "its unused time goes to the others");
    assertEquals(60, b.beforeReserve().remainingSeconds(), 1e-6);
    assertEquals(70, b.overall().remainingSeconds(), 1e-6);
  }

  @Test
  void runsDoneTwoAtATimeShareTheTimeInWaves() {
    TimeBudget b = budget(90);
    // Three runs two at a time: the first two share the first of two waves, the third has the rest.
    assertEquals(45, b.nextRun(0, 3, 2).remainingSeconds(), 1e-6);
    assertEquals(45, b.nextRun(1, 3, 2).remainingSeconds(), 1e-6);
    advance(30); // the first run ended early
    assertEquals(60, b.nextRun(2, 3, 2).remainingSeconds(), 1e-6);
    assertEquals(b.nextRun(3).remainingSeconds(), b.nextRun(0, 3, 1).remainingSeconds(), 1e-6,
        "one at a time, the runs left share it");
  }

  @Test
  void theLargestReserveEstimateHolds() {
    TimeBudget b = budget(60);
    b.reserve(12);
    b.reserve(5);
    assertEquals(12, b.reserveSeconds(), 0);
  }

  @Test
  void aReserveLargerThanWhatIsLeftLeavesTheRunsNothing() {
    TimeBudget b = budget(10);
    b.reserve(30);
    assertTrue(b.nextRun(1).passed());
    assertFalse(b.overall().passed());
  }

  @Test
  void aCancellingListenerEndsThePhaseOnceTheDeadlinePasses() {
    Deadline d = Deadline.in(Duration.ofSeconds(5), clock::get);
    ProgressListener l = TimeBudget.cancelling(d);
    l.progress(1, 10);
    advance(5);
    assertThrows(TimeBudget.OutOfTime.class, () -> l.progress(2, 10));
    assertEquals(ProgressListener.NONE, TimeBudget.cancelling(Deadline.none()));
  }

  @Test
  void withoutADeadlineEveryRunIsUnbounded() {
    TimeBudget b = new TimeBudget(Deadline.none());
    b.reserve(100);
    assertTrue(b.nextRun(3).isNone());
    assertTrue(b.beforeReserve().isNone());
  }

  @Test
  void roundCostsAdmitCandidatesWhileTheRoundStillEndsInTime() {
    // 1,000 training transitions, 250 validation, 250 test: evaluating does 2 x 500 / 1000 = 1 more
    // precompute's work. Scoring the current laws took 2 s; each candidate ran 0.03 s on 300
    // prompting transitions, i.e. 0.1 s on the training data.
    RoundCosts costs = new RoundCosts(1000, 250, 250);
    costs.scored(2);
    costs.startAdmitting(300);
    Deadline d = Deadline.in(Duration.ofMillis(10_100), clock::get);
    int admitted = 0;
    while (costs.roomForAnother(d)) {
      costs.admitted(0.03);
      admitted++;
    }
    // With n admitted, one more makes a round of (2 + 0.1 n + 0.1) x 2 s: within 10.1 s up to n = 29.
    assertEquals(30, admitted);
    costs.fitted(3.5, 1);
    assertEquals(4.5 * 1.25 + 0, costs.reserve(1.25), 1e-9, "the refit scales with the data it fits on");
    // The 30 candidates were estimated at 3 s of precompute and took 1.5 s (3.5 s less the 2 s of the
    // laws scored before): the next estimates are halved, and the fit's 1 s counts too.
    assertEquals(0.5, costs.correction(), 1e-9);
    costs.startAdmitting(300);
    Deadline later = Deadline.in(Duration.ofMillis(10_120), clock::get);
    int again = 0;
    while (costs.roomForAnother(later)) {
      costs.admitted(0.03);
      again++;
    }
    // With n admitted, one more makes (2 + 0.05 n + 0.05) x 2 + 1 s: within 10.12 s up to n = 50.
    assertEquals(51, again);
    costs.tested(2, false);
    assertEquals(4.5 * 1.25 + 2, costs.reserve(1.25), 1e-9, "and the final test evaluation is kept too");
    assertFalse(costs.testCut());
    costs.tested(1, true);
    assertTrue(costs.testCut());
  }
}
