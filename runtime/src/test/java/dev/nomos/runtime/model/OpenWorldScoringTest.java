package dev.nomos.runtime.model;

import static dev.nomos.runtime.model.TestLaws.law;
import static java.lang.Math.exp;
import static java.lang.Math.log;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nomos.runtime.AttributeSpec;
import dev.nomos.runtime.EntityType;
import dev.nomos.runtime.Frame;
import dev.nomos.runtime.Law;
import dev.nomos.runtime.Slots;
import dev.nomos.runtime.WorldSchema;
import dev.nomos.runtime.fit.FitResult;
import dev.nomos.runtime.fit.Fitter;
import dev.nomos.runtime.trajectory.Episode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How values the world does not declare score: a value outside an attribute's support is one more
 * value nobody mentions, and an object of an undeclared type costs an unexplained appearance once.
 */
class OpenWorldScoringTest {
  static final double EPS = 1e-9;
  static final int KEY = 0;
  static final int HP = Slots.FIRST_EXTRA;
  static final int COLOR = Slots.FIRST_EXTRA + 1;
  /** hp 0..2 and colour {none, purple, yellow}; index 3 is a colour the world does not declare. */
  static final WorldSchema WORLD = new WorldSchema("Keys", 8, 4, 0, 0, List.of("NOOP"), List.of(
      new EntityType("key", KEY, List.of(AttributeSpec.ofInt("hp", 0, 2),
          AttributeSpec.ofSymbols("color", List.of("none", "purple", "yellow"))))));
  static final int GREY = 3;

  /** Keeps every key alive where it is, with its hp and colour. */
  static final Law STAY = law("stay", (f, out) -> {
    for (int o : f.all()) {
      out.exact(o, Slots.ALIVE, 1);
      out.exact(o, Slots.X, f.x(o));
      out.exact(o, Slots.Y, f.y(o));
      out.exact(o, HP, f.get(o, HP));
      out.exact(o, COLOR, f.get(o, COLOR));
    }
  });

  static Frame key(Frame previous, int hp, int color) {
    return Frame.builder(WORLD).previous(previous).action(0).add(1, KEY, 2, 2, 1, 1, hp, color).build();
  }

  /** The pure product of experts, whose arithmetic these tests work out by hand (the floor has tests of its own). */
  static WorldModel model(double weight) {
    return new WorldModel(WORLD, List.of(STAY), new double[] {weight}, ModelOptions.defaults()).withFloor(Floor.none());
  }

  @Test
  void anIntAboveItsRangeIsOneMoreUnmentionedValue() {
    Frame t = key(null, 2, 0);
    WorldModel m = model(1);
    // alive 1 and colour 0 as the law says (x and y have one value each); hp: the law allows 2
    // (logit 10), 0 and 1 are unmentioned (logit 0), and the observed 3 joins them.
    double rest = 10 - log(exp(10) + 1) + 10 - log(exp(10) + 2);
    double z = exp(10) + 2;
    double hp3 = -log(z + 1);
    assertEquals(rest + hp3, m.logLikelihood(t, key(t, 3, 0)), EPS);
    assertTrue(hp3 < -log(z), "never better than a value the support has");
  }

  @Test
  void anUndeclaredSymbolScoresLikeAnIntOutsideItsRangeAndIsCountedWrong() {
    Frame t = key(null, 1, GREY);
    WorldModel m = model(1);
    // The law's "stays grey" names a value outside the support: clipped away, so colour is uniform
    // over the three declared symbols plus the observed grey.
    double rest = 10 - log(exp(10) + 1) + 10 - log(exp(10) + 2);
    assertEquals(rest - log(4), m.logLikelihood(t, key(t, 1, GREY)), EPS);
    Frame predicted = m.mostLikelyNext(t, -1);
    assertTrue(predicted.get(0, COLOR) < 3, "a prediction stays inside the declared support");
    Frame f0 = key(null, 1, 0);
    Frame f1 = key(f0, 1, 0);
    Frame f2 = key(f1, 1, GREY);
    Evaluation e = Metrics.evaluate(m, List.of(new Episode(null, 0, List.of(f0, f1, f2), new int[] {1, 2, 3})));
    assertTrue(Double.isFinite(e.nllPerTransition()));
    assertEquals(0, e.attributes().get("color").correct(), "a value the model cannot name is never predicted");
    assertEquals(1, e.attributes().get("color").total());
  }

  @Test
  void anUndeclaredObjectCostsAnUnexplainedAppearanceOnceAndThenNothing() {
    WorldModel m = model(1);
    Frame t0 = key(null, 1, 0);
    Frame t1 = Frame.builder(WORLD).previous(t0).action(0).add(1, KEY, 2, 2, 1, 1, 1, 0).addUndeclared(9, "lava").build();
    Frame t2 = Frame.builder(WORLD).previous(t1).action(0).add(1, KEY, 2, 2, 1, 1, 1, 0).addUndeclared(9, "lava").build();
    double known = m.logLikelihood(t0, key(t0, 1, 0));
    double placement = -log(8 * 4);
    assertEquals(known + placement, m.logLikelihood(t0, t1), EPS, "appearing: a uniform placement on the screen");
    assertEquals(known, m.logLikelihood(t1, t2), EPS, "persisting: nothing the model could say");
    Frame renamed = Frame.builder(WORLD).previous(t1).action(0).add(1, KEY, 2, 2, 1, 1, 1, 0).addUndeclared(9, "rock").build();
    assertEquals(known + placement, m.logLikelihood(t1, renamed), EPS, "an id that comes back as another type is new");
    assertEquals(0, m.mostLikelyNext(t1, 0).undeclaredCount(), "predictions leave undeclared objects out");
    assertEquals(known, m.logLikelihood(Frames.withAction(t1, -1), t2), EPS, "another action keeps the lava at t");

    Evaluation e = Metrics.evaluate(m, List.of(new Episode(null, 0, List.of(t0, t1, t2), new int[] {1, 2, 3})));
    assertEquals(-(2 * known + placement) / 2, e.nllPerTransition(), EPS);
    assertEquals(0.5, e.exactFrameAccuracy(), EPS, "the transition where lava appears is not exact");
    TypeEvaluation lava = e.perType().get("lava");
    assertEquals(-placement / 2, lava.nllPerTransition(), EPS);
    assertEquals(2, lava.transitionsWithType());
    assertEquals(0.5, lava.exactFrameAccuracy(), EPS);
    double shares = e.perType().values().stream().mapToDouble(TypeEvaluation::nllPerTransition).sum();
    assertEquals(e.nllPerTransition(), shares, EPS, "the shares still add up to the total");
  }

  @Test
  void fittingScoresUnforeseenDataExactlyAsInferenceDoes() {
    Frame t0 = key(null, 2, 0);
    Frame t1 = Frame.builder(WORLD).previous(t0).action(0).add(1, KEY, 2, 2, 1, 1, 3, GREY).addUndeclared(9, "lava").build();
    Frame t2 = Frame.builder(WORLD).previous(t1).action(0).add(1, KEY, 2, 2, 1, 1, 3, GREY).addUndeclared(9, "lava").build();
    List<Episode> data = List.of(new Episode(null, 0, List.of(t0, t1, t2), new int[] {1, 2, 3}));
    WorldModel m = model(1.5);
    FitResult fit = new Fitter(0).fit(m, data);
    assertEquals(Metrics.evaluate(m, data).nllPerTransition(), fit.startNll(), 1e-9);
    assertTrue(Double.isFinite(fit.startNll()));
    // With the floor, fitted along: the fitted model scores the data as the fit says it does.
    FitResult floored = new Fitter().fit(m.withFloor(Floor.defaults()), data);
    assertTrue(floored.floor().enabled());
    assertEquals(Metrics.evaluate(floored.model(), data).nllPerTransition(), floored.trainNll(), 1e-9);
  }
}
