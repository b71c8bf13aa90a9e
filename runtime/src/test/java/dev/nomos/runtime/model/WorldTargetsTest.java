package dev.nomos.runtime.model;

import static dev.nomos.runtime.model.PoeArithmeticTest.BALL;
import static dev.nomos.runtime.model.PoeArithmeticTest.BALL_UNIFORM;
import static dev.nomos.runtime.model.PoeArithmeticTest.EPS;
import static dev.nomos.runtime.model.PoeArithmeticTest.WORLD;
import static dev.nomos.runtime.model.PoeArithmeticTest.model;
import static dev.nomos.runtime.model.TestLaws.law;
import static java.lang.Math.exp;
import static java.lang.Math.log;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nomos.runtime.Frame;
import dev.nomos.runtime.Law;
import dev.nomos.runtime.OpinionSink;
import dev.nomos.runtime.Slots;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The world's reward and end targets in the product of experts, computed by hand. */
class WorldTargetsTest {
  /** Reward 5 when the ball is at x 5, else no opinion. */
  static final Law FIVE_AT_5 = law("five", (f, out) -> {
    for (int b : f.ofType(BALL)) {
      if (f.x(b) == 5) {
        out.exact(OpinionSink.WORLD, Slots.REWARD, 5);
      }
    }
  });
  static final Law ZERO = law("zero", (f, out) -> out.exact(OpinionSink.WORLD, Slots.REWARD, 0));
  static final Law ENDS = law("ends", (f, out) -> out.exact(OpinionSink.WORLD, Slots.END, 1));

  static Frame at(int x, double reward) {
    return Frame.builder(WORLD).add(1, BALL, x, 5, 1, 1).action(0).reward(reward).build();
  }

  static Frame after(Frame t, boolean terminated) {
    return Frame.builder(WORLD).previous(t).add(1, BALL, t.x(0), 5, 1, 1).terminated(terminated).build();
  }

  @Test
  void aRewardLawIsAnExpertOnTheRewardWhoseSupportIsZeroAndTheValuesNamed() {
    Frame t = at(5, 5);
    WorldModel m = model(List.of(FIVE_AT_5), 1);
    // Support {0, 5}: the law allows 5 (logit nu = 10), 0 is unmentioned (logit 0).
    assertEquals(BALL_UNIFORM + 10 - log(exp(10) + 1), m.logLikelihood(t, after(t, false)), EPS);
    Inference inf = m.newInference();
    assertEquals(5, inf.mostLikelyReward(t));
    assertEquals(-log(exp(10) + 1), inf.rewardLogProbability(t, 0), EPS);
    // A value outside the support (3) or no int at all (0.5) joins the unmentioned values: N = 3.
    double z3 = log(exp(10) + 2);
    assertEquals(-z3, inf.rewardLogProbability(t, 3), EPS);
    assertEquals(-z3, inf.rewardLogProbability(t, 0.5), EPS);
    assertEquals(BALL_UNIFORM - z3, m.logLikelihood(at(5, 0.5), after(at(5, 0.5), false)), EPS);
  }

  @Test
  void aTargetNoLawSpeaksToIsLeftOutOfTheLikelihoodAndPredictedZero() {
    Frame t = at(4, 7);
    WorldModel m = model(List.of(FIVE_AT_5), 1);
    assertEquals(BALL_UNIFORM, m.logLikelihood(t, after(t, true)), EPS, "neither reward 7 nor the end is scored");
    Inference inf = m.newInference();
    assertFalse(inf.speaksToReward(t));
    assertEquals(0, inf.mostLikelyReward(t));
    assertFalse(inf.mostLikelyEnd(t));
    assertFalse(m.mostLikelyNext(t, -1).terminated());
    // Under the floor: all mass on 0, the floor's share spread over 0 and the value asked about.
    WorldModel floored = m.withFloor(Floor.of(Map.of(Floor.REWARD, 0.01, Floor.END, 0.02)));
    Inference f = floored.newInference();
    assertEquals(0, f.rewardLogProbability(t, 0), EPS);
    assertEquals(log(0.01 / 2), f.rewardLogProbability(t, 7), EPS);
    assertEquals(log(0.02 / 2), f.endLogProbability(t, true), EPS);
  }

  @Test
  void lawsThatDisagreeOnTheRewardAreArbitratedByTheirWeights() {
    Frame t = at(5, 0);
    WorldModel m = model(List.of(FIVE_AT_5, ZERO), 1, 2);
    // 5 scores 1 * 10, 0 scores 2 * 10: p(0) = e^20 / (e^20 + e^10).
    Inference inf = m.newInference();
    assertEquals(0, inf.mostLikelyReward(t));
    assertEquals(20 - log(exp(20) + exp(10)), inf.rewardLogProbability(t, 0), EPS);
    assertEquals(BALL_UNIFORM + 20 - log(exp(20) + exp(10)), m.logLikelihood(t, after(t, false)), EPS);
  }

  @Test
  void theEndIsABinaryTargetThatPredictionsCarry() {
    Frame t = at(3, 0);
    WorldModel m = model(List.of(ENDS), 1);
    assertEquals(BALL_UNIFORM + 10 - log(exp(10) + 1), m.logLikelihood(t, after(t, true)), EPS);
    assertEquals(BALL_UNIFORM - log(exp(10) + 1), m.logLikelihood(t, after(t, false)), EPS);
    assertTrue(m.mostLikelyNext(t, -1).terminated());
    Inference inf = m.newInference();
    assertEquals(BALL_UNIFORM, inf.frameLogProbability(t, after(t, true)), EPS, "the frame alone leaves the end out");
  }

  @Test
  void theWorldHasNoOtherSlot() {
    Law bad = law("bad", (f, out) -> out.exact(OpinionSink.WORLD, Slots.X, 1));
    LawException e = assertThrows(LawException.class, () -> model(List.of(bad), 1).logLikelihood(at(1, 0), after(at(1, 0), false)));
    assertTrue(e.getMessage().contains("only reward and end"), e.getMessage());
  }

  @Test
  void theFloorHasARewardAndAnEndChannelThatFittingEstimates() {
    assertTrue(Floor.channels(WORLD).containsAll(List.of(Floor.REWARD, Floor.END)));
    // One law states x (always right) and the reward (right 9 times in 10): x keeps its weight high,
    // so the reward's surprises fall to the reward channel's epsilon.
    java.util.List<dev.nomos.runtime.trajectory.Episode> episodes = new java.util.ArrayList<>();
    List<Frame> frames = new java.util.ArrayList<>();
    Frame prev = null;
    for (int k = 0; k < 40; k++) {
      Frame f = Frame.builder(WORLD).previous(prev).add(1, BALL, 5, 5, 1, 1).action(0).reward(k % 10 == 0 ? 2 : 5).build();
      frames.add(f);
      prev = f;
    }
    episodes.add(new dev.nomos.runtime.trajectory.Episode(null, 0, frames, new int[frames.size()]));
    Law both = law("both", (f, out) -> {
      for (int b : f.ofType(BALL)) {
        out.exact(b, Slots.X, f.x(b));
        out.exact(OpinionSink.WORLD, Slots.REWARD, 5);
      }
    });
    WorldModel m = new WorldModel(WORLD, List.of(both), new double[] {1}, ModelOptions.defaults());
    var fit = new dev.nomos.runtime.fit.Fitter().fit(m, episodes);
    double eps = fit.floor().epsilon(Floor.REWARD);
    assertTrue(eps > 0.05 && eps < 0.3, "reward epsilon " + eps);
    assertEquals(1.0 / (39 + 2), fit.floor().epsilon(Floor.X), 1e-9, "x shows no surprise: Laplace's bound");
  }

  @Test
  void sampledRewardsFollowTheDistribution() {
    Frame t = at(5, 0);
    WorldModel m = model(List.of(FIVE_AT_5, ZERO), 1, 1);
    Inference inf = m.newInference();
    SplittableRandom random = new SplittableRandom(7);
    int fives = 0;
    for (int k = 0; k < 2000; k++) {
      fives += inf.sampleReward(t, random) == 5 ? 1 : 0;
    }
    assertEquals(1000, fives, 100, "equal weights: a coin between 0 and 5");
  }
}
