package dev.nomos.runtime.model;

import static dev.nomos.runtime.model.PoeArithmeticTest.BALL;
import static dev.nomos.runtime.model.PoeArithmeticTest.BALL_UNIFORM;
import static dev.nomos.runtime.model.PoeArithmeticTest.EPS;
import static dev.nomos.runtime.model.PoeArithmeticTest.LAMP;
import static dev.nomos.runtime.model.PoeArithmeticTest.WORLD;
import static dev.nomos.runtime.model.PoeArithmeticTest.ballAt;
import static dev.nomos.runtime.model.PoeArithmeticTest.model;
import static dev.nomos.runtime.model.PoeArithmeticTest.next;
import static dev.nomos.runtime.model.TestLaws.law;
import static java.lang.Math.exp;
import static java.lang.Math.log;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nomos.runtime.Frame;
import dev.nomos.runtime.Law;
import dev.nomos.runtime.Slots;
import java.util.List;
import org.junit.jupiter.api.Test;

/** More hand-computed PoE cases: ties on presence, competing spawns, spawns that do not match. */
class PoeEdgeCasesTest {
  static final Law DESTROY = law("destroy", (f, out) -> out.exact(0, Slots.ALIVE, 0));
  static final Law KEEP = law("keep", (f, out) -> out.exact(0, Slots.ALIVE, 1));
  static final Law LAMP_AT_3 = law("lamp", (f, out) -> out.spawn(LAMP, 3, 3));
  static final Law LAMP_AT_3_AGAIN = law("lamp_again", (f, out) -> out.spawn(LAMP, 3, 3));
  // x and y of a ball that no law moves, each uniform over 3 values.
  static final double XY = -2 * log(3);

  /** The ball stays at (5, 5), and new objects appear: (type, x, y) triples. */
  static Frame withNew(Frame t, int... news) {
    Frame.Builder b = Frame.builder(WORLD).previous(t).add(1, BALL, 5, 5, 1, 1);
    for (int k = 0; k < news.length; k += 3) {
      int type = news[k];
      int[] slots = type == LAMP ? new int[] {news[k + 1], news[k + 2], 1, 1, 0} : new int[] {news[k + 1], news[k + 2], 1, 1};
      b.add(7 + k, type, slots);
    }
    return b.build();
  }

  @Test
  void destroyAndKeepOfEqualWeightTieAndTheObjectStays() {
    Frame t = ballAt(5, 5);
    WorldModel m = model(List.of(DESTROY, KEEP), 1, 1);
    assertEquals(-log(2) + XY, m.logLikelihood(t, next(t, 5, 5)), EPS);
    assertEquals(-log(2), m.logLikelihood(t, Frame.builder(WORLD).previous(t).build()), EPS);
    assertEquals(1, m.mostLikelyNext(t, -1).size(), "a tie keeps the value at t: present");
    // One more unit of weight on destroy decides it: p(gone) = e^10 / (e^10 + 1).
    WorldModel heavier = model(List.of(DESTROY, KEEP), 2, 1);
    assertEquals(10 - log(exp(10) + 1), heavier.logLikelihood(t, Frame.builder(WORLD).previous(t).build()), EPS);
    assertEquals(0, heavier.mostLikelyNext(t, -1).size());
  }

  @Test
  void twoLawsSpawningAtOnePlaceShareOneTarget() {
    Frame t = ballAt(5, 5);
    WorldModel m = model(List.of(LAMP_AT_3, LAMP_AT_3_AGAIN), 1, 2);
    // Independent causes: P(no lamp) = e^-10 (weight 1) times e^-20 (weight 2).
    assertEquals(BALL_UNIFORM + PoeArithmeticTest.created(-30), m.logLikelihood(t, withNew(t, LAMP, 3, 3)), EPS);
    assertEquals(BALL_UNIFORM - 30, m.logLikelihood(t, next(t, 5, 5)), EPS);
    assertEquals(1, m.mostLikelyNext(t, -1).ofType(LAMP).length, "one lamp, not one per law");
  }

  @Test
  void aSecondNewObjectAtASpawnedPlaceIsUnexplained() {
    Frame t = ballAt(5, 5);
    WorldModel m = model(List.of(LAMP_AT_3), 1);
    assertEquals(BALL_UNIFORM + PoeArithmeticTest.created(-10) - log(100),
        m.logLikelihood(t, withNew(t, LAMP, 3, 3, LAMP, 3, 3)), EPS);
  }

  @Test
  void aNewObjectOfAnotherTypeDoesNotUseTheSpawn() {
    Frame t = ballAt(5, 5);
    WorldModel m = model(List.of(LAMP_AT_3), 1);
    // The lamp target is observed 0 and the new ball costs a uniform placement on the 10 x 10 screen.
    assertEquals(BALL_UNIFORM - 10 - log(100), m.logLikelihood(t, withNew(t, BALL, 3, 3)), EPS);
  }

  @Test
  void weightedChoicesTieTowardTheValueAtT() {
    Frame t = ballAt(5, 5);
    Law either = law("either", (f, out) -> {
      out.beginChoice(0, Slots.X);
      out.choice(4, 1);
      out.choice(5, 1);
      out.choice(6, 1);
      out.endChoice();
    });
    WorldModel m = model(List.of(either), 1);
    assertEquals(5, m.mostLikelyNext(t, -1).x(0));
    assertEquals(-log(2) - log(3) - log(3), m.logLikelihood(t, next(t, 6, 5)), EPS,
        "a choice over the whole support says nothing: uniform");
  }

  @Test
  void aFailingLawIsReportedWithTheRecordItFailedOn() {
    Frame t0 = ballAt(5, 5);
    Frame t1 = next(t0, 5, 5);
    Frame t2 = Frame.builder(WORLD).previous(t1).add(1, BALL, 9, 5, 1, 1).build();
    Law picky = law("picky", (f, out) -> {
      if (f.x(0) == 9) {
        throw new IllegalStateException("nine");
      }
    });
    WorldModel m = model(List.of(picky), 1);
    dev.nomos.runtime.trajectory.Episode e = new dev.nomos.runtime.trajectory.Episode(
        java.nio.file.Path.of("d.jsonl"), 0, List.of(t0, t1, t2, next(t2, 9, 5)), new int[] {3, 4, 5, 7});
    LawException ex = org.junit.jupiter.api.Assertions.assertThrows(LawException.class,
        () -> Metrics.evaluate(m, List.of(e), ProgressListener.NONE));
    assertEquals("d.jsonl:5: law 'picky': nine", ex.getMessage());
    assertEquals("picky", ex.lawName());
    ex = org.junit.jupiter.api.Assertions.assertThrows(LawException.class,
        () -> dev.nomos.runtime.fit.FitData.precompute(m, List.of(e), ProgressListener.NONE));
    assertEquals("d.jsonl:5: law 'picky': nine", ex.getMessage());
    ex = org.junit.jupiter.api.Assertions.assertThrows(LawException.class,
        () -> Metrics.scoreTransitions(m, List.of(e), ProgressListener.NONE));
    assertEquals("d.jsonl:5: law 'picky': nine", ex.getMessage());
  }
}
