package dev.nomos.runtime.model;

import static dev.nomos.runtime.model.PoeArithmeticTest.BALL;
import static dev.nomos.runtime.model.PoeArithmeticTest.BALL_UNIFORM;
import static dev.nomos.runtime.model.PoeArithmeticTest.EPS;
import static dev.nomos.runtime.model.PoeArithmeticTest.WORLD;
import static dev.nomos.runtime.model.PoeArithmeticTest.ballAt;
import static dev.nomos.runtime.model.PoeArithmeticTest.exactX;
import static dev.nomos.runtime.model.PoeArithmeticTest.next;
import static dev.nomos.runtime.model.TestLaws.law;
import static java.lang.Math.exp;
import static java.lang.Math.log;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nomos.runtime.Frame;
import dev.nomos.runtime.Law;
import dev.nomos.runtime.Slots;
import dev.nomos.runtime.fit.FitResult;
import dev.nomos.runtime.fit.Fitter;
import dev.nomos.runtime.trajectory.Episode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The floor: the product of experts mixed with a uniform background per target. */
class FloorTest {
  /** Every ball keeps its x and y (two channels, one weight). */
  static final Law STAYS = law("stays", (f, out) -> {
    for (int b : f.ofType(BALL)) {
      out.exact(b, Slots.X, f.x(b));
      out.exact(b, Slots.Y, f.y(b));
    }
  });

  static WorldModel model(Law law, double weight, Floor floor) {
    return new WorldModel(WORLD, List.of(law), new double[] {weight}, ModelOptions.defaults(), floor);
  }

  @Test
  void mixesTheProductOfExpertsWithAUniformBackground() {
    Frame t = ballAt(5, 5);
    WorldModel m = model(exactX("five", 5), 1, Floor.of(Map.of(Floor.X, 0.2)));
    double zx = exp(10) + 2;
    double total = 0;
    for (int x = 4; x <= 6; x++) {
      double poe = (x == 5 ? exp(10) : 1) / zx;
      double xPart = log(0.8 * poe + 0.2 / 3);
      assertEquals(BALL_UNIFORM + log(3) + xPart, m.logLikelihood(t, next(t, x, 5)), EPS, "x = " + x);
      total += exp(xPart);
    }
    assertEquals(1, total, EPS);
  }

  @Test
  void anUnforeseenValueCostsAtMostLogSupportOverEpsilon() {
    Frame t = ballAt(5, 5);
    double eps = 1e-4;
    WorldModel pure = model(exactX("five", 5), 10, Floor.none());
    WorldModel floored = model(exactX("five", 5), 10, Floor.of(Map.of(Floor.X, eps)));
    double untouched = BALL_UNIFORM + log(3);
    assertTrue(pure.logLikelihood(t, next(t, 6, 5)) - untouched < -99, "the PoE alone pays nu * weight");
    double xPart = floored.logLikelihood(t, next(t, 6, 5)) - untouched;
    assertEquals(log(eps / 3), xPart, 1e-6);
    // A jump beyond the velocity range joins the support as one more value: N = 4.
    assertEquals(log(eps / 4), floored.logLikelihood(t, next(t, 9, 5)) - untouched, 1e-6);
    // What the laws foresee costs only -log(1 - eps) more.
    assertEquals(log(1 - eps + eps / 3), floored.logLikelihood(t, next(t, 5, 5)) - untouched, 1e-12);
  }

  @Test
  void theMostLikelyFrameIsThePoEs() {
    Law drifts = law("drifts", (f, out) -> {
      for (int b : f.ofType(BALL)) {
        out.exact(b, Slots.X, f.x(b) + 1);
      }
    });
    WorldModel pure = model(drifts, 0.3, Floor.none());
    WorldModel floored = model(drifts, 0.3, Floor.of(Map.of(Floor.X, 0.45, Floor.Y, 0.3, Floor.ALIVE, 0.2)));
    for (int x = 0; x < 9; x += 2) {
      Frame t = ballAt(x, 9 - x);
      Frame a = pure.mostLikelyNext(t, 0);
      Frame b = floored.mostLikelyNext(t, 0);
      assertEquals(1, a.size());
      assertEquals(1, b.size());
      assertEquals(x + 1, a.x(0));
      assertEquals(a.x(0), b.x(0));
      assertEquals(a.y(0), b.y(0));
    }
  }

  @Test
  void samplesDrawTheBackgroundWithWeightEpsilon() {
    Frame t = ballAt(5, 5);
    Floor floor = Floor.of(Map.of(Floor.X, 0.3, Floor.Y, 0.0, Floor.ALIVE, 0.0));
    Inference inference = model(STAYS, 10, floor).newInference();
    SplittableRandom random = new SplittableRandom(11);
    int draws = 20_000;
    int[] xs = new int[3];
    for (int k = 0; k < draws; k++) {
      Frame f = inference.sampleNext(t, 0, random);
      if (f.size() == 1) {
        assertEquals(5, f.y(0), "y has no background and the PoE is sure");
        xs[f.x(0) - 4]++;
      }
    }
    int alive = xs[0] + xs[1] + xs[2];
    // The background picks each of the three values with probability 0.3 / 3.
    assertEquals(0.1, (double) xs[0] / alive, 0.01);
    assertEquals(0.1, (double) xs[2] / alive, 0.01);
  }

  @Test
  void fittedEpsilonRecoversTheSurpriseRate() {
    // A ball that stays, except that every 10th step its x jumps to one of the two other values.
    int steps = 2000;
    List<Frame> frames = new ArrayList<>();
    Frame t = ballAt(5, 5);
    frames.add(t);
    for (int k = 1; k <= steps; k++) {
      int x = t.x(0);
      if (k % 10 == 0) {
        x = x == 5 ? 6 : 5;
      }
      t = Frame.builder(WORLD).previous(t).add(1, BALL, x, 5, 1, 1).action(0).build();
      frames.add(t);
    }
    Episode episode = new Episode(Path.of("surprises.jsonl"), 0, frames, new int[frames.size()]);
    WorldModel start = new WorldModel(WORLD, List.of(STAYS), new double[] {1}, ModelOptions.defaults().withLambda(0),
        Floor.defaults());
    FitResult r = new Fitter().fit(start, List.of(episode));
    // y never surprises, so the law's weight grows until the PoE gives a jump less than e^-20 and
    // x's surprises fall to the floor: (1 - eps) + eps / 3 = 0.9 (a step without a jump) gives
    // eps = 0.1 * 3 / 2.
    assertTrue(r.weightOf("stays") > 2, "weight " + r.weightOf("stays"));
    assertEquals(0.15, r.floor().epsilon(Floor.X), 1e-3);
    assertEquals(1.0 / (steps + 2), r.floor().epsilon(Floor.Y), 1e-12, "y shows no surprise: Laplace's bound");
    assertEquals(Floor.DEFAULT, r.floor().epsilon(Floor.ALIVE), 0, "no law speaks to alive: kept");
    assertEquals(r.floor(), r.model().floor());
    assertTrue(Double.isFinite(r.trainNll()));
  }

  @Test
  void channelsAreTheBuiltInTargetsThenEveryExtraAttributeOnce() {
    assertEquals(List.of("alive", "x", "y", "spawn", "reward", "end", "level"), Floor.channels(WORLD));
    assertEquals(Floor.DEFAULT, Floor.defaults().epsilon("level"), 0);
    assertEquals(0, Floor.none().epsilon("x"), 0);
    assertEquals(0.25, Floor.of(Map.of("level", 0.25)).epsilon("level"), 0);
  }

  @Test
  void epsilonMustBeAProbabilityBelowOne() {
    assertThrows(IllegalArgumentException.class, () -> Floor.of(Map.of(Floor.X, 1.0)));
    assertThrows(IllegalArgumentException.class, () -> Floor.of(Map.of(Floor.X, -0.1)));
    assertThrows(IllegalArgumentException.class, () -> Floor.of(Map.of(Floor.X, Double.NaN)));
  }
}
