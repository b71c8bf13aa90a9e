package dev.nomos.runtime.model;

import static dev.nomos.runtime.model.PoeArithmeticTest.BALL;
import static dev.nomos.runtime.model.PoeArithmeticTest.WORLD;
import static dev.nomos.runtime.model.PoeArithmeticTest.ballAt;
import static dev.nomos.runtime.model.PoeArithmeticTest.exactX;
import static dev.nomos.runtime.model.PoeArithmeticTest.next;
import static dev.nomos.runtime.model.TestLaws.law;
import static java.lang.Math.exp;
import static java.lang.Math.log;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nomos.runtime.Frame;
import dev.nomos.runtime.Law;
import dev.nomos.runtime.Slots;
import dev.nomos.runtime.fit.FitResult;
import dev.nomos.runtime.fit.Fitter;
import dev.nomos.runtime.trajectory.Episode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Constraints against hand-computed values: the PoE of a constrained target renormalised over the
 * satisfying interval S, the floor's background uniform over S, a violation scored as one more
 * unmentioned value, conflicting requirements reported and ignored, predictions inside S, and the
 * fit scoring with them.
 */
class ConstraintScoringTest {
  private static final double EPS = 1e-9;
  /** alive and y of a ball no law speaks to: 1/2 and 1/3. */
  private static final double ALIVE_AND_Y = -log(2) - log(3);

  private static Law xIn(String name, int lo, int hi) {
    return law(name, (f, out) -> {
      for (int b : f.ofType(BALL)) {
        out.range(b, Slots.X, lo, hi);
      }
    });
  }

  private static WorldModel model(List<Law> laws, List<Law> constraints, Floor floor, double... weights) {
    return new WorldModel(WORLD, laws, weights, ModelOptions.defaults(), floor).withConstraints(constraints);
  }

  @Test
  void theTargetIsRenormalisedOverTheSatisfyingInterval() {
    // x of a ball at 5 ranges over 4..6; the law favours 6 by nu = 10, the constraint allows 5..6.
    Frame t = ballAt(5, 5);
    WorldModel m = model(List.of(exactX("right", 6)), List.of(xIn("keep_right", 5, 6)), Floor.none(), 1);
    double z = exp(10) + 1;
    assertEquals(ALIVE_AND_Y + 10 - log(z), m.logLikelihood(t, next(t, 6, 5)), EPS);
    assertEquals(ALIVE_AND_Y - log(z), m.logLikelihood(t, next(t, 5, 5)), EPS);
    // 4 breaks the constraint: one more value nobody mentions, never better than an allowed one.
    assertEquals(ALIVE_AND_Y - log(z + 1), m.logLikelihood(t, next(t, 4, 5)), EPS);
  }

  @Test
  void aTargetNoLawSpeaksToIsUniformOverTheSatisfyingInterval() {
    Frame t = ballAt(5, 5);
    WorldModel m = model(List.of(), List.of(xIn("keep_right", 5, 6)), Floor.none());
    assertEquals(ALIVE_AND_Y - log(2), m.logLikelihood(t, next(t, 5, 5)), EPS);
    assertEquals(ALIVE_AND_Y - log(2), m.logLikelihood(t, next(t, 6, 5)), EPS);
  }

  @Test
  void theFloorIsUniformOverTheSatisfyingInterval() {
    double eps = 0.01;
    Frame t = ballAt(5, 5);
    WorldModel m = model(List.of(exactX("right", 6)), List.of(xIn("keep_right", 5, 6)),
        Floor.of(Map.of(Floor.X, eps)), 1);
    double z = exp(10) + 1;
    double p5 = (1 - eps) / z + eps / 2;
    assertEquals(ALIVE_AND_Y + log(p5), m.logLikelihood(t, next(t, 5, 5)), EPS);
    // A violation: the support is taken to hold the observed value too (N = 3).
    double p4 = (1 - eps) / (z + 1) + eps / 3;
    assertEquals(ALIVE_AND_Y + log(p4), m.logLikelihood(t, next(t, 4, 5)), EPS);
  }

  @Test
  void requirementsOfSeveralConstraintsIntersect() {
    Frame t = ballAt(5, 5);
    WorldModel m = model(List.of(), List.of(xIn("a", 3, 5), xIn("b", 5, 9)), Floor.none());
    assertEquals(ALIVE_AND_Y, m.logLikelihood(t, next(t, 5, 5)), EPS);
    assertEquals(5, m.mostLikelyNext(t, -1).x(0));
  }

  @Test
  void anEqualityPlacesTheObjectBeyondTheVelocityRange() {
    // x grows by the values laws name; an equality names its value the same way.
    Frame t = ballAt(5, 5);
    WorldModel m = model(List.of(exactX("right", 6)), List.of(xIn("jump", 9, 9)), Floor.defaults(), 10);
    assertEquals(9, m.mostLikelyNext(t, -1).x(0));
    assertEquals(ALIVE_AND_Y, m.logLikelihood(t, next(t, 9, 5)), 1e-12);
  }

  @Test
  void conflictingRequirementsAreReportedAndLeaveTheTargetToTheLaws() {
    Frame t = ballAt(5, 5);
    WorldModel m = model(List.of(exactX("right", 6)), List.of(xIn("left", 4, 4), xIn("right_only", 6, 6)),
        Floor.none(), 1);
    Inference inference = m.newInference();
    double z = exp(10) + 2;
    assertEquals(ALIVE_AND_Y + 10 - log(z), inference.logLikelihood(t, next(t, 6, 5)), EPS);
    List<UnmetRequirement> unmet = inference.unmetRequirements(0);
    assertEquals(List.of(new UnmetRequirement(0, "right_only", 1, "Ball", "x")), unmet);
    List<UnmetRequirement> reported = new ArrayList<>();
    m.rollout(t, new int[] {0, 0}, false, 0, reported::add);
    assertEquals(2, reported.size(), "one per predicted frame");
    assertEquals(1, reported.get(1).frameIndex());
  }

  @Test
  void theMostLikelyFrameAndEverySampleMeetTheConstraints() {
    Frame t = ballAt(5, 5);
    // The law wants 4 with the largest weight; the constraint forbids it.
    Law stays = law("stays", (f, out) -> {
      for (int b : f.ofType(BALL)) {
        out.exact(b, Slots.ALIVE, 1);
      }
    });
    WorldModel m = model(List.of(exactX("left", 4)), List.of(xIn("keep_right", 5, 6), stays),
        Floor.of(Map.of(Floor.X, 0.3, Floor.ALIVE, 0.3)), 10);
    assertEquals(5, m.mostLikelyNext(t, -1).x(0), "ties toward the value at t within S");
    Inference inference = m.newInference();
    SplittableRandom random = new SplittableRandom(7);
    int[] seen = new int[11];
    for (int k = 0; k < 2_000; k++) {
      seen[inference.sampleNext(t, -1, random).x(0)]++;
    }
    assertEquals(0, seen[4], "no sample breaks the constraint, even from the floor's background");
    assertTrue(seen[5] > 0 && seen[6] > 0, "both allowed values are drawn");
  }

  @Test
  void constraintFiringsAreCountedPerRequirement() {
    Frame t = ballAt(5, 5);
    WorldModel m = model(List.of(), List.of(xIn("keep_right", 5, 6)), Floor.none());
    Episode e = new Episode(null, 0, List.of(t, next(t, 5, 5), next(next(t, 5, 5), 6, 5)), new int[] {1, 2, 3});
    Evaluation ev = Metrics.evaluate(m, List.of(e));
    assertEquals(2L, ev.lawFirings().get("keep_right"));
  }

  @Test
  void theFitScoresWithTheConstraints() {
    // Data: the ball always moves right by one. A law saying "it stays" is half wrong without the
    // constraint; with "x in 5..6" it only competes with 6 (and 4 is excluded): the fitted model's
    // training NLL is what evaluating the fitted model gives, constraints included.
    List<Frame> frames = new ArrayList<>();
    Frame f = ballAt(5, 5);
    frames.add(f);
    for (int k = 0; k < 20; k++) {
      f = next(f, k % 2 == 0 ? 6 : 5, 5);
      frames.add(f);
    }
    Episode e = new Episode(null, 0, frames, new int[frames.size()]);
    Law stays = law("stays", (fr, out) -> {
      for (int b : fr.ofType(BALL)) {
        out.exact(b, Slots.X, fr.x(b));
      }
    });
    Law band = law("band", (fr, out) -> {
      for (int b : fr.ofType(BALL)) {
        out.range(b, Slots.X, 5, 6);
      }
    });
    WorldModel constrained = model(List.of(stays), List.of(band), Floor.none(), 1);
    FitResult fit = new Fitter().fit(constrained, List.of(e));
    double evaluated = Metrics.evaluate(fit.model(), List.of(e)).nllPerTransition();
    assertEquals(evaluated, fit.trainNll(), 1e-9);
    FitResult free = new Fitter().fit(model(List.of(stays), List.of(), Floor.none(), 1), List.of(e));
    assertTrue(fit.trainNll() < free.trainNll() - 0.1,
        "the constraint removes x = 4 from the support: " + fit.trainNll() + " vs " + free.trainNll());
    assertEquals(List.of("band"), fit.model().constraints().stream().map(Law::name).toList());
  }
}
