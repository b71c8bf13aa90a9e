package dev.nomos.runtime.model;

import static dev.nomos.runtime.model.TestLaws.law;
import static java.lang.Math.exp;
import static java.lang.Math.log;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nomos.runtime.AttributeSpec;
import dev.nomos.runtime.EntityType;
import dev.nomos.runtime.Frame;
import dev.nomos.runtime.Law;
import dev.nomos.runtime.Slots;
import dev.nomos.runtime.WorldSchema;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The product-of-experts arithmetic against hand-computed values. */
class PoeArithmeticTest {
  static final int BALL = 0;
  static final int LAMP = 1;
  static final WorldSchema WORLD = new WorldSchema("Tiny", 10, 10, -1, 1, List.of("NOOP", "GO"), List.of(
      new EntityType("Ball", BALL, List.of()),
      new EntityType("Lamp", LAMP, List.of(AttributeSpec.ofInt("level", 0, 3)))));
  static final double EPS = 1e-9;
  // Log-probability of the targets no law speaks to for a ball that stays: alive 1/2, x and y 1/3.
  static final double BALL_UNIFORM = -log(2) - 2 * log(3);

  /** A ball (id 1) at (5, 5). */
  static Frame ballAt(int x, int y) {
    return Frame.builder(WORLD).add(1, BALL, x, y, 1, 1).action(0).build();
  }

  static Frame next(Frame t, int x, int y) {
    return Frame.builder(WORLD).previous(t).add(1, BALL, x, y, 1, 1).build();
  }

  /** log p(an object appears at a creation target) on the 10 x 10 screen, from log P(no law creates there). */
  static double created(double logNo) {
    return log(1 - exp(logNo) + exp(logNo) / 100);
  }

  /** The pure product of experts: these tests pin its arithmetic; FloorTest covers the mixture on top. */
  static WorldModel model(List<Law> laws, double... weights) {
    return new WorldModel(WORLD, laws, weights, ModelOptions.defaults(), Floor.none());
  }

  static Law exactX(String name, int x) {
    return law(name, (f, out) -> {
      for (int b : f.ofType(BALL)) {
        out.exact(b, Slots.X, x);
      }
    });
  }

  @Test
  void noLawsMeansUniformOverEverySupport() {
    Frame t = ballAt(5, 5);
    WorldModel m = model(List.of());
    assertEquals(BALL_UNIFORM, m.logLikelihood(t, next(t, 6, 4)), EPS);
    // Ties break toward the value at t: the ball stays.
    Frame f = m.mostLikelyNext(t, -1);
    assertEquals(5, f.x(0));
    assertEquals(5, f.y(0));
  }

  @Test
  void aLawThatSaysNothingAboutATargetAbstains() {
    Frame t = ballAt(5, 5);
    WorldModel m = model(List.of(exactX("right", 6)), 1);
    double zx = exp(10) + 2;
    assertEquals(BALL_UNIFORM + log(3) + 10 - log(zx), m.logLikelihood(t, next(t, 6, 5)), EPS);
    assertEquals(BALL_UNIFORM + log(3) - log(zx), m.logLikelihood(t, next(t, 4, 5)), EPS);
  }

  @Test
  void weightsMultiplyScores() {
    Frame t = ballAt(5, 5);
    WorldModel m = model(List.of(exactX("stay", 5), exactX("right", 6)), 1, 2);
    double z = exp(10) + exp(20) + 1;
    assertEquals(20 - log(z), xLogProb(m, t, 6), EPS);
    assertEquals(10 - log(z), xLogProb(m, t, 5), EPS);
    assertEquals(-log(z), xLogProb(m, t, 4), EPS);
    assertEquals(6, m.mostLikelyNext(t, -1).x(0));
  }

  @Test
  void nuIsTheNoiseLevel() {
    Frame t = ballAt(5, 5);
    WorldModel m = new WorldModel(WORLD, List.of(exactX("stay", 5)), new double[] {1}, ModelOptions.defaults().withNu(2), Floor.none());
    assertEquals(2 - log(exp(2) + 2), xLogProb(m, t, 5), EPS);
    assertEquals(-log(exp(2) + 2), xLogProb(m, t, 6), EPS);
  }

  @Test
  void severalOpinionsOfOneLawAreTheirUnion() {
    Frame t = ballAt(5, 5);
    Law either = law("either", (f, out) -> {
      out.exact(0, Slots.X, 4);
      out.exact(0, Slots.X, 6);
      out.exact(0, Slots.X, 6);
    });
    WorldModel m = model(List.of(either), 1);
    double z = 2 * exp(10) + 1;
    assertEquals(10 - log(z), xLogProb(m, t, 4), EPS);
    assertEquals(10 - log(z), xLogProb(m, t, 6), EPS);
    assertEquals(-log(z), xLogProb(m, t, 5), EPS);
  }

  @Test
  void rangesAndExactValuesAdd() {
    Frame t = ballAt(5, 5);
    Law near = law("near", (f, out) -> out.range(0, Slots.X, 4, 6));
    WorldModel m = model(List.of(near, exactX("stay", 5)), 1, 1);
    double z = exp(20) + 2 * exp(10);
    assertEquals(20 - log(z), xLogProb(m, t, 5), EPS);
    assertEquals(10 - log(z), xLogProb(m, t, 4), EPS);
  }

  @Test
  void weightedChoiceScoresLogRelativeWeightFlooredAtMinusNu() {
    Frame t = ballAt(5, 5);
    Law weighted = law("weighted", (f, out) -> {
      out.beginChoice(0, Slots.X);
      out.choice(4, 1);
      out.choice(5, 3);
      out.choice(6, 1e-12);
      out.choice(99, 0);
      out.endChoice();
    });
    WorldModel m = model(List.of(weighted), 1);
    // 6 has log(1e-12 / 3) < -nu, so it scores exactly like a value the law does not allow.
    double z = exp(10) + exp(10 - log(3)) + 1;
    assertEquals(10 - log(z), xLogProb(m, t, 5), EPS);
    assertEquals(10 - log(3) - log(z), xLogProb(m, t, 4), EPS);
    assertEquals(-log(z), xLogProb(m, t, 6), EPS);
  }

  @Test
  void tiesBreakTowardTheValueAtTThenTheNearerThenTheSmallerValue() {
    Frame t = ballAt(5, 5);
    assertEquals(5, model(List.of(exactX("a", 5), exactX("b", 6)), 1, 1).mostLikelyNext(t, -1).x(0));
    assertEquals(4, model(List.of(exactX("a", 4), exactX("b", 6)), 1, 1).mostLikelyNext(t, -1).x(0));
    // With weight 0 the law's value ties with every other value: the ball stays.
    assertEquals(5, model(List.of(exactX("a", 6)), 0).mostLikelyNext(t, -1).x(0));
  }

  @Test
  void observedValuesOutsideTheSupportExtendItByOneUnmentionedValue() {
    Frame t = ballAt(5, 5);
    WorldModel m = model(List.of(exactX("stay", 5)), 1);
    assertEquals(-log(exp(10) + 3), xLogProb(m, t, 8), EPS);
    // Without opinions on y, a jump beyond the velocity range costs log(1 / (3 + 1)).
    assertEquals(-log(2) - log(exp(10) + 2) + 10 - log(4), model(List.of(exactX("stay", 5)), 1)
        .logLikelihood(t, next(t, 5, 8)), EPS);
  }

  @Test
  void positionsALawNamesBeyondTheVelocityRangeJoinTheSupport() {
    Frame t = ballAt(5, 5);
    WorldModel m = model(List.of(exactX("teleport", 9)), 1);
    assertEquals(10 - log(exp(10) + 3), xLogProb(m, t, 9), EPS);
    assertEquals(9, m.mostLikelyNext(t, -1).x(0));
  }

  @Test
  void declaredAttributeSupportsClipOpinions() {
    Frame t = Frame.builder(WORLD).add(1, LAMP, 0, 0, 1, 1, 2).build();
    Frame next = Frame.builder(WORLD).previous(t).add(1, LAMP, 0, 0, 1, 1, 3).build();
    Law tooHigh = law("too_high", (f, out) -> out.exact(0, Slots.FIRST_EXTRA, 7));
    Law upOrBeyond = law("up", (f, out) -> out.range(0, Slots.FIRST_EXTRA, 3, 9));
    double lampRest = -log(2) - 2 * log(3);
    assertEquals(lampRest - log(4), model(List.of(tooHigh), 1).logLikelihood(t, next), EPS);
    assertEquals(lampRest + 10 - log(exp(10) + 3), model(List.of(upOrBeyond), 1).logLikelihood(t, next), EPS);
  }

  @Test
  void destroyIsThePresenceTarget() {
    Frame t = ballAt(5, 5);
    Law destroy = law("destroy", (f, out) -> out.exact(0, Slots.ALIVE, 0));
    WorldModel m = model(List.of(destroy), 1);
    Frame gone = Frame.builder(WORLD).previous(t).build();
    assertEquals(10 - log(exp(10) + 1), m.logLikelihood(t, gone), EPS);
    assertEquals(-log(exp(10) + 1) - 2 * log(3), m.logLikelihood(t, next(t, 5, 5)), EPS);
    assertEquals(0, m.mostLikelyNext(t, -1).size());
  }

  @Test
  void spawnChannelScoresNewObjectsPerPosition() {
    Frame t = ballAt(5, 5);
    Law spawn = law("spawn", (f, out) -> out.spawn(LAMP, 3, 3));
    WorldModel m = model(List.of(spawn), 1);
    double stay = BALL_UNIFORM;
    Frame withLamp = Frame.builder(WORLD).previous(t).add(1, BALL, 5, 5, 1, 1).add(7, LAMP, 3, 3, 1, 1, 0).build();
    Frame lampElsewhere = Frame.builder(WORLD).previous(t).add(1, BALL, 5, 5, 1, 1).add(7, LAMP, 4, 4, 1, 1, 0).build();
    Frame noLamp = next(t, 5, 5);
    // A certain creation leaves "not created" the score -nu: P(no lamp at (3, 3)) = e^-10; an
    // appearing lamp is the creation or, failing it, a uniform placement on the 10 x 10 screen.
    assertEquals(stay + created(-10), m.logLikelihood(t, withLamp), EPS);
    assertEquals(stay - 10 - log(100), m.logLikelihood(t, lampElsewhere), EPS);
    assertEquals(stay - 10, m.logLikelihood(t, noLamp), EPS);
    // Without any spawn opinion a new object only costs its uniform placement.
    assertEquals(stay - log(100), model(List.of()).logLikelihood(t, withLamp), EPS);
    Frame predicted = m.mostLikelyNext(t, -1);
    assertEquals(2, predicted.size());
    int lamp = predicted.ofType(LAMP)[0];
    assertEquals(2, predicted.id(lamp));
    assertEquals(3, predicted.x(lamp));
    assertEquals(3, predicted.y(lamp));
    assertEquals(1, model(List.of(spawn), 0).mostLikelyNext(t, -1).size());
  }

  @Test
  void perTypeLikelihoodAddsUpToTheTotal() {
    Frame t = Frame.builder(WORLD).add(1, BALL, 5, 5, 1, 1).add(2, LAMP, 0, 0, 1, 1, 1).build();
    Frame n = Frame.builder(WORLD).previous(t).add(1, BALL, 6, 5, 1, 1).add(2, LAMP, 0, 0, 1, 1, 1).build();
    Inference inf = model(List.of(exactX("right", 6)), 1).newInference();
    double[] perType = new double[2];
    double total = inf.logLikelihood(t, n, perType);
    assertEquals(total, perType[0] + perType[1], EPS);
    assertEquals(-log(2) - 2 * log(3) - log(4), perType[1], EPS);
  }

  @Test
  void samplingIsSeededAndFollowsTheDistribution() {
    Frame t = ballAt(5, 5);
    Law keep = law("keep", (f, out) -> out.exact(0, Slots.ALIVE, 1));
    WorldModel m = model(List.of(exactX("right", 6), keep), 0.1, 10);
    double p6 = exp(1) / (exp(1) + 2);
    Inference inf = m.newInference();
    SplittableRandom random = new SplittableRandom(42);
    int n = 4000;
    int[] seen = new int[3];
    for (int k = 0; k < n; k++) {
      int x = inf.sampleNext(t, -1, random).x(0);
      seen[x - 4]++;
    }
    assertEquals(p6, seen[2] / (double) n, 0.03);
    assertTrue(seen[0] > 0 && seen[1] > 0);
    List<Frame> a = m.rollout(t, new int[] {0, 1, 0}, true, 7);
    List<Frame> b = m.rollout(t, new int[] {0, 1, 0}, true, 7);
    for (int k = 0; k < 3; k++) {
      assertArrayEquals(a.get(k).slots(0), b.get(k).slots(0));
    }
    List<Frame> c = m.rollout(t, new int[] {0, 1, 0, 0, 0, 0, 0, 0}, true, 8);
    List<Frame> d = m.rollout(t, new int[] {0, 1, 0, 0, 0, 0, 0, 0}, true, 7);
    assertTrue(!c.stream().map(f -> f.y(0)).toList().equals(d.stream().map(f -> f.y(0)).toList()),
        "different seeds should give different rollouts");
  }

  @Test
  void rolloutFollowsInertiaAndCarriesActions() {
    Law inertia = law("inertia", (f, out) -> {
      for (int b : f.ofType(BALL)) {
        out.exact(b, Slots.X, f.x(b) + f.vx(b));
      }
    });
    Frame t0 = ballAt(4, 5);
    Frame t1 = next(t0, 5, 5);
    List<Frame> frames = model(List.of(inertia), 1).rollout(t1, new int[] {1, 0, 1}, false, 0);
    assertEquals(List.of(6, 7, 8), frames.stream().map(f -> f.x(0)).toList());
    assertEquals(List.of(0, 1, -1), frames.stream().map(Frame::action).toList());
  }

  @Test
  void countsFiringsAndNamesFailingLaws() {
    Frame t = ballAt(5, 5);
    Inference inf = model(List.of(exactX("a", 5), law("quiet", (f, out) -> { })), 1, 1).newInference();
    inf.logLikelihood(t, next(t, 5, 5));
    inf.mostLikelyNext(t, -1);
    assertArrayEquals(new long[] {1, 0}, inf.firings());
    Law broken = law("broken", (f, out) -> out.exact(0, Slots.W, 3));
    LawException e = assertThrows(LawException.class, () -> model(List.of(broken), 1).mostLikelyNext(t, -1));
    assertEquals("broken", e.lawName());
    assertTrue(e.getMessage().contains("does not predict"), e.getMessage());
  }

  static double xLogProb(WorldModel m, Frame t, int x) {
    return m.logLikelihood(t, next(t, x, 5)) - (-log(2) - log(3));
  }
}
