package dev.nomos.runtime.model;

import static dev.nomos.runtime.model.TestLaws.law;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nomos.runtime.EntityType;
import dev.nomos.runtime.Frame;
import dev.nomos.runtime.Law;
import dev.nomos.runtime.Slots;
import dev.nomos.runtime.WorldSchema;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExplainTest {
  static final WorldSchema WORLD = MetricsTest.WORLD;

  /** Says the ball stays where it is: wrong whenever it moves. */
  static final Law STAY = law("stay", (f, out) -> {
    for (int b : f.ofType(0)) {
      out.exact(b, Slots.X, f.x(b));
    }
  });
  /** Gives the ball's next x as a distribution: right one step with weight 3, staying with weight 1. */
  static final Law DRIFT = law("drift", (f, out) -> {
    for (int b : f.ofType(0)) {
      out.beginChoice(b, Slots.X);
      out.choice(f.x(b) + 1, 3);
      out.choice(f.x(b), 1);
      out.endChoice();
    }
  });

  private static Frame frame(Frame previous, int ballX) {
    return Frame.builder(WORLD).previous(previous).action(0).add(1, 0, ballX, 5, 1, 1).add(2, 1, 0, 0, 1, 1).build();
  }

  @Test
  void aWrongPredictionNamesTheLawsAndTheirTermsOfTheLogOdds() {
    WorldModel model = new WorldModel(WORLD, List.of(STAY, DRIFT), new double[] {2.0, 0.5}, ModelOptions.defaults(),
        Floor.none());
    Frame t = frame(null, 3);
    Frame next = frame(t, 4);
    Inference inference = model.newInference();
    TransitionExplanation e = inference.explain(t, next, 0.5);
    assertEquals(model.logLikelihood(t, next), e.logLikelihood(), 1e-12);
    // The ball's x is the only target listed: the walls and the presences are right and certain enough.
    TargetExplanation x = e.targets().stream().filter(g -> g.attribute().equals("x")).findFirst().orElseThrow();
    assertEquals(1, x.objectId());
    assertEquals("Ball", x.type());
    assertEquals("4", x.observed());
    assertEquals("3", x.predicted());
    assertEquals("3", x.rival());
    assertTrue(x.wrong());
    assertEquals(2, x.laws().size());
    // The terms add up to the log-odds of observed against predicted, log p(4) - log p(3).
    double logOdds = x.laws().stream().mapToDouble(LawVoice::logOdds).sum();
    assertEquals(Math.log(x.observedProbability()) - Math.log(x.predictedProbability()), logOdds, 1e-9);
    LawVoice stay = x.laws().get(0);
    assertEquals("stay", stay.law());
    assertEquals("= 3", stay.opinion());
    assertEquals(-2.0 * ModelOptions.defaults().nu(), stay.logOdds(), 1e-9);
    LawVoice drift = x.laws().get(1);
    assertEquals("{4: 0.75, 3: 0.25}", drift.opinion());
    assertEquals(0.5 * Math.log(3), drift.logOdds(), 1e-9);
    // Shares are parts of the whole push either way: 20 against the observed value, 0.55 for it.
    double mass = Math.abs(stay.logOdds()) + Math.abs(drift.logOdds());
    assertEquals(stay.logOdds() / mass, stay.share(), 1e-12);
    assertEquals(1.0, Math.abs(stay.share()) + Math.abs(drift.share()), 1e-12);
    assertTrue(stay.share() < 0 && drift.share() > 0);
  }

  @Test
  void aRightButUnlikelyValueIsComparedWithItsRival() {
    WorldModel model = new WorldModel(WORLD, List.of(DRIFT), new double[] {0.1}, ModelOptions.defaults(), Floor.none());
    Frame t = frame(null, 3);
    Frame next = frame(t, 4);
    TransitionExplanation e = model.newInference().explain(t, next, 0.5);
    TargetExplanation x = e.targets().stream().filter(g -> g.attribute().equals("x")).findFirst().orElseThrow();
    assertEquals("4", x.predicted());
    assertTrue(!x.wrong() && x.observedProbability() < 0.5);
    assertEquals(1, x.laws().size());
    assertEquals("3", x.rival());
    assertEquals(0.1 * Math.log(3), x.laws().get(0).logOdds(), 1e-9);
  }

  @Test
  void aThresholdAboveOneListsEveryTargetAndTheirProbabilitiesMakeTheLikelihood() {
    WorldModel model = new WorldModel(WORLD, List.of(STAY, DRIFT, MetricsTest.KEEP), new double[] {0.3, 0.7, 1.5},
        ModelOptions.defaults());
    Frame t = frame(null, 3);
    Frame next = frame(t, 4);
    TransitionExplanation e = model.newInference().explain(t, next, 2);
    double sum = e.targets().stream().mapToDouble(g -> Math.log(g.observedProbability())).sum();
    assertEquals(model.logLikelihood(t, next), sum, 1e-9);
    // alive, x and y of both objects
    assertEquals(6, e.targets().size());
  }

  @Test
  void aTargetNoLawSpokeToIsListedWithoutLaws() {
    WorldModel model = new WorldModel(WORLD, List.of(), new double[0], ModelOptions.defaults(), Floor.none());
    Frame t = frame(null, 3);
    Frame next = frame(t, 5);
    TransitionExplanation e = model.newInference().explain(t, next, 0.05);
    TargetExplanation x = e.targets().stream().filter(g -> g.attribute().equals("x")).findFirst().orElseThrow();
    assertEquals("5", x.observed());
    assertEquals("3", x.predicted());
    assertEquals(1.0 / 5, x.observedProbability(), 1e-12);
    assertTrue(x.laws().isEmpty());
  }

  /** Moves the ball one step right (weight 3) or one step down (weight 1), as one joint choice. */
  static final Law STEP = law("step", (f, out) -> {
    for (int b : f.ofType(0)) {
      out.beginJoint(b);
      out.jointAlternative(3);
      out.jointValue(Slots.X, f.x(b) + 1);
      out.jointValue(Slots.Y, f.y(b));
      out.jointAlternative(1);
      out.jointValue(Slots.X, f.x(b));
      out.jointValue(Slots.Y, f.y(b) + 1);
      out.endJoint();
    }
  });

  /** Creates a wall at (9, 9) every step. */
  static final Law BUILD = law("build", (f, out) -> out.spawn(1, 9, 9));

  @Test
  void aJointChoiceIsExplainedAsOneTargetOverItsCoordinates() {
    WorldModel model = new WorldModel(WORLD, List.of(STEP, MetricsTest.KEEP), new double[] {1.0, 1.0},
        ModelOptions.defaults(), Floor.none());
    Frame t = frame(null, 3);
    Frame next = Frame.builder(WORLD).previous(t).action(0).add(1, 0, 3, 6, 1, 1).add(2, 1, 0, 0, 1, 1).build();
    TransitionExplanation e = model.newInference().explain(t, next, 0.5);
    TargetExplanation xy = e.targets().stream().filter(g -> g.attribute().equals("x,y")).findFirst().orElseThrow();
    assertEquals("(3, 6)", xy.observed());
    assertEquals("(4, 5)", xy.predicted());
    assertEquals(1, xy.laws().size());
    assertEquals("joint {(4, 5): 0.75, (3, 6): 0.25}", xy.laws().get(0).opinion());
    assertEquals(-Math.log(3), xy.laws().get(0).logOdds(), 1e-9);
    assertEquals(Math.log(xy.observedProbability() / xy.predictedProbability()), xy.laws().get(0).logOdds(), 1e-9);
    double sum = model.newInference().explain(t, next, 2).targets().stream()
        .mapToDouble(g -> Math.log(g.observedProbability())).sum();
    assertEquals(model.logLikelihood(t, next), sum, 1e-9);
  }

  @Test
  void aCreationThatDidNotHappenNamesTheLawThatMadeIt() {
    WorldModel model = new WorldModel(WORLD, List.of(BUILD, MetricsTest.KEEP), new double[] {1.0, 1.0},
        ModelOptions.defaults(), Floor.none());
    Frame t = frame(null, 3);
    TransitionExplanation e = model.newInference().explain(t, frame(t, 3), 0.5);
    TargetExplanation built = e.targets().stream().filter(g -> g.attribute().equals("appears at 9,9")).findFirst()
        .orElseThrow();
    assertEquals("Wall", built.type());
    assertEquals("false", built.observed());
    assertEquals("true", built.predicted());
    assertEquals("build", built.laws().get(0).law());
    assertEquals(1.0, built.laws().get(0).share(), 1e-12);
  }
}
