package dev.nomos.runtime.fit;

import static dev.nomos.runtime.fit.FitterKnownOptimaTest.WORLD;
import static dev.nomos.runtime.fit.FitterKnownOptimaTest.data;
import static dev.nomos.runtime.fit.FitterKnownOptimaTest.optimum;
import static dev.nomos.runtime.fit.FitterKnownOptimaTest.right;
import static dev.nomos.runtime.model.TestLaws.law;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nomos.runtime.Deadline;
import dev.nomos.runtime.Law;
import dev.nomos.runtime.Slots;
import dev.nomos.runtime.model.Floor;
import dev.nomos.runtime.model.ModelOptions;
import dev.nomos.runtime.model.ProgressListener;
import dev.nomos.runtime.model.WorldModel;
import dev.nomos.runtime.trajectory.Episode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * What the fit does with laws the data says nothing about (held at their weight), laws the data
 * contradicts (lowered), laws the data cannot tell apart (merged on request), and a deadline.
 */
class FitterEvidenceTest {

  /** "A ball at the right edge stays there": the data's ball sits at x = 5 and never reaches it. */
  static Law atTheEdge(String name) {
    return law(name, (f, out) -> {
      for (int b : f.ofType(0)) {
        if (f.x(b) >= 9) {
          out.exact(b, Slots.X, f.x(b));
        }
      }
    });
  }

  /** The pure product of experts: the optima these tests compare with are worked out without a floor. */
  static WorldModel model(List<Law> laws, double[] weights, double lambda) {
    return new WorldModel(WORLD, laws, weights, ModelOptions.defaults().withLambda(lambda)).withFloor(Floor.none());
  }

  @Test
  void aLawThatNeverFiresKeepsItsWeightWhileAContradictedOneIsLowered() {
    // The ball never moves: "moves right" is contradicted on every transition.
    List<Episode> still = data(0, 10);
    WorldModel m = model(List.of(atTheEdge("edge"), right("right")), new double[] {1.7, 1.0}, 0.003);
    FitResult r = new Fitter().fit(m, still);
    assertEquals(1.7, r.weightOf("edge"), 0, "no evidence, no change");
    assertEquals(List.of("edge"), r.unevidenced());
    assertEquals(0, r.weightOf("right"), 1e-9);
    assertEquals(List.of("right"), r.pruned());
    assertEquals(List.of("edge"), r.model().lawNames());
  }

  @Test
  void aLawThatFiresIsFittedAsBeforeBesideOneThatDoesNot() {
    WorldModel m = model(List.of(right("right"), atTheEdge("edge")), new double[] {1, 1}, 0.001);
    FitResult r = new Fitter().fit(m, data(9, 10));
    assertEquals(optimum(0.9, 0.001), r.weightOf("right"), 1e-4);
    assertEquals(1, r.weightOf("edge"), 0);
  }

  @Test
  void aLawWrittenAtZeroThatNeverFiresStaysSilenced() {
    FitResult r = new Fitter().fit(model(List.of(atTheEdge("edge")), new double[] {0}, 0.001), data(5, 10));
    assertEquals(List.of("edge"), r.pruned());
  }

  @Test
  void firingsCountTheObservedTargetsEachLawSpokeTo() {
    WorldModel m = model(List.of(right("right"), atTheEdge("edge")), new double[] {1, 1}, 0.001);
    FitData data = FitData.precompute(m, data(3, 7), ProgressListener.NONE);
    assertArrayEquals(new long[] {7, 0}, data.firings());
  }

  @Test
  void identicalLawsAreFoundExactlyAndNeverFiringOnesAreNot() {
    WorldModel m = model(List.of(atTheEdge("e1"), right("a"), FitterKnownOptimaTest.right("b"),
        atTheEdge("e2"), stay("s"), right("c")), new double[] {1, 1, 1, 1, 1, 1}, 0.001);
    FitData data = FitData.precompute(m, data(6, 10), ProgressListener.NONE);
    List<int[]> groups = data.identicalLaws();
    assertEquals(1, groups.size());
    assertArrayEquals(new int[] {1, 2, 5}, groups.get(0));
  }

  @Test
  void mergingKeepsTheFirstAtTheGroupsOptimum() {
    WorldModel m = model(List.of(right("a"), right("b"), stay("s")), new double[] {0.2, 0.3, 1}, 0.001);
    FitResult merged = new Fitter().mergingIdenticalLaws().fit(m, data(9, 10));
    assertEquals(Map.of("b", "a"), merged.merged());
    assertEquals(0, merged.weightOf("b"), 0);
    assertTrue(merged.pruned().contains("b"));
    assertFalse(merged.pruned().contains("a"));
    FitResult shared = new Fitter().fit(m, data(9, 10));
    assertTrue(shared.merged().isEmpty());
    assertEquals(shared.weightOf("a") + shared.weightOf("b"), merged.weightOf("a"), 1e-4,
        "merging changes how the weight is written, not the model");
    assertEquals(shared.trainNll(), merged.trainNll(), 1e-6);
  }

  @Test
  void mergingKeepsTheLeastNarrowLawWhenToldHowNarrowEachIs() {
    WorldModel m = model(List.of(right("narrow"), right("general"), right("narrow_too"), stay("s")),
        new double[] {0.2, 0.3, 0.1, 1}, 0.001);
    Map<String, Integer> conditions = Map.of("narrow", 3, "general", 1, "narrow_too", 2, "s", 0);
    FitResult merged = new Fitter().mergingIdenticalLaws(conditions::get).fit(m, data(9, 10));
    assertEquals(Map.of("narrow", "general", "narrow_too", "general"), merged.merged());
    assertEquals(List.of("general", "s"), merged.model().lawNames());
    FitResult shared = new Fitter().fit(m, data(9, 10));
    assertEquals(shared.weightOf("narrow") + shared.weightOf("general") + shared.weightOf("narrow_too"),
        merged.weightOf("general"), 1e-4);
  }

  @Test
  void aPassedDeadlineStopsTheOptimiserAtTheStart() {
    AtomicLong clock = new AtomicLong();
    Deadline deadline = Deadline.in(Duration.ofSeconds(1), clock::get);
    clock.set(Duration.ofSeconds(2).toNanos());
    WorldModel m = model(List.of(right("right")), new double[] {1}, 0.001);
    FitResult r = new Fitter().fit(m, FitData.precompute(m, data(9, 10), ProgressListener.NONE), m.weights(),
        deadline);
    assertEquals(0, r.iterations());
    assertFalse(r.converged());
    assertEquals(1, r.weightOf("right"), 0);
  }

  /** "The ball stays where it is": the opposite opinion to {@link FitterKnownOptimaTest#right}. */
  static Law stay(String name) {
    return law(name, (f, out) -> {
      for (int b : f.ofType(0)) {
        out.exact(b, Slots.X, f.x(b));
      }
    });
  }
}
