package dev.nomos.runtime.model;

import static dev.nomos.runtime.model.PoeArithmeticTest.BALL;
import static dev.nomos.runtime.model.PoeArithmeticTest.EPS;
import static dev.nomos.runtime.model.PoeArithmeticTest.WORLD;
import static dev.nomos.runtime.model.TestLaws.law;
import static java.lang.Math.exp;
import static java.lang.Math.log;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nomos.runtime.Frame;
import dev.nomos.runtime.Law;
import dev.nomos.runtime.OpinionSink;
import dev.nomos.runtime.Slots;
import dev.nomos.runtime.trajectory.Episode;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The step API for planners, and the evaluations built on it, on a line world: GO moves the ball one
 * cell right, NOOP keeps it; stepping onto x 7 earns 3 and ending on x 8 ends the episode.
 */
class SimulatorTest {
  static final int NOOP = 0;
  static final int GO = 1;
  static final Law MOVES = law("moves", (f, out) -> {
    for (int b : f.ofType(BALL)) {
      out.exact(b, Slots.X, f.x(b) + (f.action() == GO ? 1 : 0));
      out.exact(b, Slots.Y, f.y(b));
      out.exact(b, Slots.ALIVE, 1);
    }
  });
  static final Law SCORES = law("scores", (f, out) -> {
    for (int b : f.ofType(BALL)) {
      boolean go = f.action() == GO;
      out.exact(OpinionSink.WORLD, Slots.REWARD, go && f.x(b) == 6 ? 3 : 0);
      out.exact(OpinionSink.WORLD, Slots.END, go && f.x(b) == 7 ? 1 : 0);
    }
  });
  static final WorldModel MODEL = new WorldModel(WORLD, List.of(MOVES, SCORES), new double[] {2, 2},
      ModelOptions.defaults(), Floor.defaults());

  static Frame ball(int x) {
    return Frame.builder(WORLD).add(1, BALL, x, 5, 1, 1).build();
  }

  @Test
  void theMostLikelyStepCarriesFrameRewardEndAndTheirProbabilities() {
    Simulator sim = new Simulator(MODEL);
    Simulator.Step s = sim.mostLikely(ball(6), sim.action("GO"));
    assertEquals(7, s.frame().x(0));
    assertEquals(3, s.reward());
    assertFalse(s.end());
    // Reward support {0, 3}: 3 has logit 2 * 10, 0 none; floored with the default epsilon over N = 2.
    double p3 = exp(20) / (exp(20) + 1);
    assertEquals((1 - Floor.DEFAULT) * p3 + Floor.DEFAULT / 2, s.rewardProbability(), 1e-12);
    assertEquals((1 - Floor.DEFAULT) * (1 - p3) + Floor.DEFAULT / 2, s.endProbability(), 1e-12);
    assertEquals(sim.logProbability(ball(6), GO, s.frame()), s.frameLogProbability(), EPS);
    assertEquals(exp(s.frameLogProbability()), s.frameProbability(), EPS);
    Simulator.Step last = sim.mostLikely(s.frame(), GO);
    assertTrue(last.end());
    assertTrue(last.frame().terminated());
    assertSame(s, last, "one Step object, reused");
    assertEquals(0, last.reward());
  }

  @Test
  void aPlannerLoopStopsAtThePredictedEnd() {
    Simulator sim = new Simulator(MODEL);
    Frame frame = ball(2);
    int total = 0;
    int steps = 0;
    while (steps < 20) {
      Simulator.Step s = sim.mostLikely(frame, GO);
      total += s.reward();
      steps++;
      if (s.end()) {
        break;
      }
      frame = s.frame();
    }
    assertEquals(6, steps, "2 -> 8 takes six steps");
    assertEquals(3, total);
  }

  @Test
  void probabilitiesOfOtherFramesAndRewards() {
    Simulator sim = new Simulator(MODEL);
    Frame t = ball(4);
    double stay = sim.logProbability(t, NOOP, ball(4));
    double moved = sim.logProbability(t, NOOP, ball(5));
    assertTrue(stay > moved + 10, stay + " vs " + moved);
    assertEquals(sim.mostLikely(t, NOOP).frameLogProbability(), stay, EPS);
    assertTrue(sim.rewardLogProbability(t, GO, 0) > log(0.99));
    assertTrue(sim.endProbability(t, GO) < 1e-4);
    assertThrows(IllegalArgumentException.class, () -> sim.action("JUMP"));
  }

  @Test
  void samplingFollowsTheModelAndIsSeeded() {
    WorldModel coin = new WorldModel(WORLD, List.of(law("coin", (f, out) -> {
      out.beginChoice(OpinionSink.WORLD, Slots.REWARD);
      out.choice(1, 1);
      out.choice(2, 1);
      out.endChoice();
    })), new double[] {5}, ModelOptions.defaults(), Floor.none());
    Simulator sim = new Simulator(coin);
    int ones = 0;
    SplittableRandom random = new SplittableRandom(3);
    for (int k = 0; k < 1000; k++) {
      ones += sim.sample(ball(1), NOOP, random).reward() == 1 ? 1 : 0;
    }
    assertEquals(500, ones, 60);
    int a = new Simulator(coin).sample(ball(1), NOOP, new SplittableRandom(9)).reward();
    int b = new Simulator(coin).sample(ball(1), NOOP, new SplittableRandom(9)).reward();
    assertEquals(a, b);
  }

  /** An episode of the line world under GO from x 2, as recorded: rewards on the frame whose action earned them. */
  static Episode recorded() {
    List<Frame> frames = new ArrayList<>();
    Frame prev = null;
    for (int x = 2; x <= 8; x++) {
      Frame f = Frame.builder(WORLD).previous(prev).add(1, BALL, x, 5, 1, 1).action(x < 8 ? GO : -1)
          .reward(x == 6 ? 3 : 0).terminated(x == 8).build();
      frames.add(f);
      prev = f;
    }
    return new Episode(null, 0, frames, new int[frames.size()]);
  }

  @Test
  void evalReportsRewardAndEndFigures() {
    OutcomeEvaluation o = Metrics.evaluate(MODEL, List.of(recorded())).outcomes();
    assertEquals(6, o.transitions());
    assertEquals(1.0, o.rewardAccuracy());
    assertEquals(1, o.nonZero());
    assertEquals(1.0, o.nonZeroRewardAccuracy());
    assertEquals(1.0, o.endPrecision());
    assertEquals(1.0, o.endRecall());
    // A model without the reward law: right on the zeros only, and it misses the end.
    WorldModel blind = new WorldModel(WORLD, List.of(MOVES), new double[] {2}, ModelOptions.defaults(), Floor.defaults());
    OutcomeEvaluation b = Metrics.evaluate(blind, List.of(recorded())).outcomes();
    assertEquals(5.0 / 6, b.rewardAccuracy(), EPS);
    assertEquals(0.0, b.nonZeroRewardAccuracy());
    assertEquals(0.0, b.endRecall());
    assertTrue(Double.isNaN(b.endPrecision()), "no end predicted");
    assertEquals(-log(Floor.DEFAULT / 2), b.nonZeroRewardNll(), EPS);
  }

  @Test
  void theHorizonCurveCompoundsOnlyWhereTheModelIsWrong() {
    HorizonEvaluation right = HorizonEvaluation.evaluate(MODEL, List.of(recorded()), 3, 0, 0, ProgressListener.NONE);
    assertEquals(List.of(6L, 5L, 4L), right.horizons().stream().map(HorizonEvaluation.Horizon::cases).toList());
    for (HorizonEvaluation.Horizon h : right.horizons()) {
      assertEquals(1.0, h.exactFrameAccuracy());
      assertEquals(1.0, h.rewardAccuracy());
    }
    // A model that never moves the ball is wrong at every step; its reward error is the missed 3.
    Law stays = law("stays", (f, out) -> {
      for (int b : f.ofType(BALL)) {
        out.exact(b, Slots.X, f.x(b));
      }
    });
    WorldModel still = new WorldModel(WORLD, List.of(stays), new double[] {2}, ModelOptions.defaults(), Floor.defaults());
    HorizonEvaluation wrong = HorizonEvaluation.evaluate(still, List.of(recorded()), 2, 0, 0, ProgressListener.NONE);
    assertEquals(0.0, wrong.horizons().get(0).exactFrameAccuracy());
    assertEquals(3.0 / 6, wrong.horizons().get(0).rewardMeanAbsoluteError(), EPS);
    assertEquals(0.0, wrong.horizons().get(1).attributes().get("x").accuracy());
    // Sampled rollouts: each counts as a case.
    HorizonEvaluation sampled = HorizonEvaluation.evaluate(MODEL, List.of(recorded()), 2, 4, 1, ProgressListener.NONE);
    assertEquals(24, sampled.horizons().get(0).cases());
    assertEquals(1.0, sampled.horizons().get(0).exactFrameAccuracy(), 0.05);
  }
}
