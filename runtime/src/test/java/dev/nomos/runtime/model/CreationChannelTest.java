package dev.nomos.runtime.model;

import static dev.nomos.runtime.model.PoeArithmeticTest.BALL;
import static dev.nomos.runtime.model.PoeArithmeticTest.BALL_UNIFORM;
import static dev.nomos.runtime.model.PoeArithmeticTest.EPS;
import static dev.nomos.runtime.model.PoeArithmeticTest.LAMP;
import static dev.nomos.runtime.model.PoeArithmeticTest.WORLD;
import static dev.nomos.runtime.model.PoeArithmeticTest.ballAt;
import static dev.nomos.runtime.model.PoeArithmeticTest.model;
import static dev.nomos.runtime.model.PoeArithmeticTest.next;
import static dev.nomos.runtime.model.PoeEdgeCasesTest.withNew;
import static dev.nomos.runtime.model.TestLaws.law;
import static java.lang.Math.log;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nomos.runtime.Frame;
import dev.nomos.runtime.Law;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Creations with a probability and a distribution of places: the spawn channel's arithmetic. */
class CreationChannelTest {
  static final double U = 1.0 / 100; // a uniform placement on the 10 x 10 screen

  static Law lampWithProbability(String name, double p, int... places) {
    return law(name, (f, out) -> {
      out.beginSpawn(LAMP, p, -1);
      for (int k = 0; k < places.length; k += 2) {
        out.place(places[k], places[k + 1], 1);
      }
      out.endSpawn();
    });
  }

  @Test
  void aWrittenProbabilityIsTheCreationsProbability() {
    Frame t = ballAt(5, 5);
    for (double p : new double[] {0.001, 0.03, 0.5, 0.97, 0.999}) {
      WorldModel m = model(List.of(lampWithProbability("lamp", p, 3, 3)), 1);
      assertEquals(BALL_UNIFORM + log(p + (1 - p) * U), m.logLikelihood(t, withNew(t, LAMP, 3, 3)), EPS, "p " + p);
      assertEquals(BALL_UNIFORM + log(1 - p), m.logLikelihood(t, next(t, 5, 5)), EPS, "p " + p);
      assertEquals(p > 0.5 ? 1 : 0, m.mostLikelyNext(t, -1).ofType(LAMP).length, "p " + p);
    }
  }

  @Test
  void aLawAtWeightZeroHasNoEffectOnCreations() {
    Frame t = ballAt(5, 5);
    Law certain = law("lamp", (f, out) -> out.spawn(LAMP, 3, 3));
    Law likely = lampWithProbability("likely", 0.9, 3, 3, 4, 4);
    for (Floor floor : List.of(Floor.none(), Floor.defaults(), Floor.of(Map.of(Floor.SPAWN, 0.2)))) {
      WorldModel none = new WorldModel(WORLD, List.of(), new double[0], ModelOptions.defaults(), floor);
      WorldModel silenced = new WorldModel(WORLD, List.of(certain, likely), new double[] {0, 0}, ModelOptions.defaults(), floor);
      for (Frame next : List.of(next(t, 5, 5), withNew(t, LAMP, 3, 3), withNew(t, LAMP, 4, 4, LAMP, 3, 3))) {
        assertEquals(none.logLikelihood(t, next), silenced.logLikelihood(t, next), 0, floor.toString());
      }
      assertEquals(0, silenced.mostLikelyNext(t, -1).ofType(LAMP).length);
      // No leftover coin flip: sampling never creates a lamp.
      SplittableRandom random = new SplittableRandom(3);
      for (int k = 0; k < 200; k++) {
        assertEquals(0, silenced.sampleNext(t, -1, random).ofType(LAMP).length);
      }
    }
  }

  @Test
  void aNegativeWeightInhibitsOtherLawsCreationsAndAloneChangesNothing() {
    Frame t = ballAt(5, 5);
    Law a = lampWithProbability("a", 0.5, 3, 3);
    Law inhibitor = lampWithProbability("inhibitor", 0.2, 3, 3);
    // P(no lamp) = min(1, 0.5^1 * 0.8^-2): the inhibitor takes back part of a's chance.
    double none = 0.5 * Math.pow(0.8, -2);
    assertEquals(BALL_UNIFORM + log(none), model(List.of(a, inhibitor), 1, -2).logLikelihood(t, next(t, 5, 5)), EPS);
    // Strong enough, it takes it all back; alone, there is nothing to take back.
    assertEquals(BALL_UNIFORM, model(List.of(a, inhibitor), 1, -4).logLikelihood(t, next(t, 5, 5)), EPS);
    assertEquals(BALL_UNIFORM, model(List.of(inhibitor), -1).logLikelihood(t, next(t, 5, 5)), EPS);
    assertEquals(0, model(List.of(inhibitor), -1).mostLikelyNext(t, -1).ofType(LAMP).length);
  }

  @Test
  void placesShareTheProbability() {
    Frame t = ballAt(5, 5);
    WorldModel m = model(List.of(lampWithProbability("lamp", 0.5, 3, 3, 4, 4)), 1);
    // Each place gets 0.25; a lamp at one place leaves the other unused.
    double r = 0.25;
    assertEquals(BALL_UNIFORM + log(r + (1 - r) * U) + log(1 - r), m.logLikelihood(t, withNew(t, LAMP, 3, 3)), EPS);
    assertEquals(BALL_UNIFORM + 2 * log(1 - r), m.logLikelihood(t, next(t, 5, 5)), EPS);
    Law weighted = law("weighted", (f, out) -> {
      out.beginSpawn(LAMP, 0.8, -1);
      out.place(3, 3, 3);
      out.place(4, 4, 1);
      out.place(6, 6, 0); // excluded
      out.endSpawn();
    });
    WorldModel w = model(List.of(weighted), 1);
    assertEquals(BALL_UNIFORM + log(0.6 + 0.4 * U) + log(1 - 0.2), w.logLikelihood(t, withNew(t, LAMP, 3, 3)), EPS);
    assertEquals(1, w.mostLikelyNext(t, -1).ofType(LAMP).length, "0.6 at (3, 3)");
  }

  @Test
  void aRangeOfPlacesIsUniformAndOnlyItsPlacesOnTheScreenAreTargets() {
    Frame t = ballAt(5, 5);
    // 4 x 2 places from (8, 0) to (11, 1); only x 8 and 9 are on the screen.
    Law range = law("range", (f, out) -> {
      out.beginSpawn(LAMP, 0.4, -1);
      out.placeRange(8, 0, 11, 1);
      out.endSpawn();
    });
    WorldModel m = model(List.of(range), 1);
    double r = 0.4 / 8;
    assertEquals(BALL_UNIFORM + log(r + (1 - r) * U) + 3 * log(1 - r), m.logLikelihood(t, withNew(t, LAMP, 9, 1)), EPS);
    assertEquals(BALL_UNIFORM + 4 * log(1 - r), m.logLikelihood(t, next(t, 5, 5)), EPS);
  }

  @Test
  void lawsAreIndependentCausesAndOneLawsRepeatsAreItsUnion() {
    Frame t = ballAt(5, 5);
    WorldModel two = model(List.of(lampWithProbability("a", 0.5, 3, 3), lampWithProbability("b", 0.2, 3, 3)), 1, 2);
    // P(no lamp) = (1 - 0.5)^1 (1 - 0.2)^2.
    double none = 0.5 * 0.64;
    assertEquals(BALL_UNIFORM + log(none), two.logLikelihood(t, next(t, 5, 5)), EPS);
    Law twice = law("twice", (f, out) -> {
      for (double p : new double[] {0.3, 0.6}) {
        out.beginSpawn(LAMP, p, -1);
        out.place(3, 3, 1);
        out.endSpawn();
      }
    });
    assertEquals(BALL_UNIFORM + log(0.4), model(List.of(twice), 1).logLikelihood(t, next(t, 5, 5)), EPS);
  }

  @Test
  void theFloorBoundsAMissedCertainCreation() {
    Frame t = ballAt(5, 5);
    Law certain = law("lamp", (f, out) -> out.spawn(LAMP, 3, 3));
    WorldModel m = new WorldModel(WORLD, List.of(certain), new double[] {10}, ModelOptions.defaults(),
        Floor.of(Map.of(Floor.SPAWN, 0.01)));
    // P(lamp) = 0.99 (1 - e^-100): a missed creation costs about -log(0.01).
    assertEquals(BALL_UNIFORM + log(0.01 + 0.99 * Math.exp(-100)), m.logLikelihood(t, next(t, 5, 5)), 1e-9);
  }

  @Test
  void aFittedProbabilityTakesTheModelsValue() {
    Frame t = ballAt(5, 5);
    Law fitted = law("fitted", (f, out) -> {
      out.beginSpawn(LAMP, 0.5, 0);
      out.place(3, 3, 1);
      out.endSpawn();
    });
    WorldModel m = model(List.of(fitted), 1).withChances(Map.of("fitted", new double[] {0.1}));
    assertEquals(BALL_UNIFORM + log(0.9), m.logLikelihood(t, next(t, 5, 5)), EPS);
    assertEquals(0.1, m.withWeights(new double[] {2}).chances().get("fitted")[0]);
    WorldModel unfitted = model(List.of(fitted), 1);
    assertEquals(BALL_UNIFORM + log(0.5), unfitted.logLikelihood(t, next(t, 5, 5)), EPS);
    assertThrows(IllegalArgumentException.class, () -> unfitted.withChances(Map.of("fitted", new double[] {1.0})));
  }

  @Test
  void samplingCreatesWithTheCreationsProbability() {
    Frame t = ballAt(5, 5);
    WorldModel m = model(List.of(lampWithProbability("lamp", 0.3, 3, 3)), 1);
    SplittableRandom random = new SplittableRandom(11);
    int created = 0;
    int n = 4000;
    for (int k = 0; k < n; k++) {
      created += m.sampleNext(t, -1, random).ofType(LAMP).length;
    }
    assertTrue(Math.abs(created / (double) n - 0.3) < 0.03, "sampled rate " + created / (double) n);
    assertEquals(BALL, m.mostLikelyNext(t, -1).type(0));
  }
}
