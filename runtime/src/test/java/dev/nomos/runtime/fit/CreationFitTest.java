package dev.nomos.runtime.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nomos.runtime.EntityType;
import dev.nomos.runtime.Frame;
import dev.nomos.runtime.Law;
import dev.nomos.runtime.Slots;
import dev.nomos.runtime.WorldSchema;
import dev.nomos.runtime.model.Floor;
import dev.nomos.runtime.model.ModelOptions;
import dev.nomos.runtime.model.ProgressListener;
import dev.nomos.runtime.model.WorldModel;
import dev.nomos.runtime.trajectory.Episode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Fitting creations: scores precomputed as inference computes them, gradients, and fitted probabilities. */
class CreationFitTest {
  static final int PORTAL = 0;
  static final int BAT = 1;
  static final WorldSchema WORLD = new WorldSchema("Cave", 10, 10, -1, 1, List.of("NOOP"), List.of(
      new EntityType("Portal", PORTAL, List.of()), new EntityType("Bat", BAT, List.of())));
  static final double RATE = 0.2;

  /** A portal at (2, 2) releases a bat below it with probability RATE per step, or one to its right half as often; bats live one step. */
  static List<Episode> episodes(long seed, int count, int length) {
    SplittableRandom random = new SplittableRandom(seed);
    List<Episode> out = new ArrayList<>();
    int nextId = 2;
    for (int e = 0; e < count; e++) {
      List<Frame> frames = new ArrayList<>();
      Frame previous = null;
      int[] bat = null;
      for (int k = 0; k < length; k++) {
        Frame.Builder b = Frame.builder(WORLD).previous(previous).action(0).add(1, PORTAL, 2, 2, 1, 1);
        if (bat != null) {
          b.add(nextId++, BAT, bat[0], bat[1], 1, 1);
        }
        previous = b.build();
        frames.add(previous);
        double r = random.nextDouble();
        bat = r < RATE ? new int[] {2, 3} : r < 1.5 * RATE ? new int[] {3, 2} : null;
      }
      int[] lines = new int[frames.size()];
      Arrays.setAll(lines, k -> k + 1);
      out.add(new Episode(null, e, frames, lines));
    }
    return out;
  }

  static List<Law> laws() {
    Law releases = ToyPong.law("releases", (f, out) -> {
      for (int p : f.ofType(PORTAL)) {
        out.beginSpawn(BAT, 0.5, 0);
        out.place(f.x(p), f.y(p) + 1, 2);
        out.place(f.x(p) + 1, f.y(p), 1);
        out.endSpawn();
      }
    });
    Law batsLeave = ToyPong.law("bats_leave", (f, out) -> {
      for (int b : f.ofType(BAT)) {
        out.exact(b, Slots.ALIVE, 0);
      }
    });
    Law portalStays = ToyPong.law("portal_stays", (f, out) -> {
      for (int p : f.ofType(PORTAL)) {
        out.exact(p, Slots.ALIVE, 1);
        out.exact(p, Slots.X, f.x(p));
        out.exact(p, Slots.Y, f.y(p));
      }
    });
    Law alwaysBelow = ToyPong.law("always_below", (f, out) -> {
      for (int p : f.ofType(PORTAL)) {
        out.spawn(BAT, f.x(p), f.y(p) + 1);
      }
    });
    return List.of(releases, batsLeave, portalStays, alwaysBelow);
  }

  @Test
  void precomputedCreationScoresMatchInference() {
    List<Episode> train = episodes(1, 3, 40);
    for (Floor floor : List.of(Floor.none(), Floor.of(Map.of(Floor.SPAWN, 0.05)))) {
      WorldModel model = new WorldModel(WORLD, laws(), new double[] {1.3, 2, 1, 0.4}, ModelOptions.defaults(), floor)
          .withChances(Map.of("releases", new double[] {0.3}));
      double direct = 0;
      for (Episode e : train) {
        for (int k = 0; k + 1 < e.frames().size(); k++) {
          direct += model.logLikelihood(e.frames().get(k), e.frames().get(k + 1));
        }
      }
      FitData data = FitData.precompute(model, train, ProgressListener.NONE);
      assertEquals(1, data.chances());
      double[] eps = floor.epsilons(WORLD);
      double[] x = new double[] {1.3, 2, 1, 0.4, Objective.logit(0.3)};
      double fromData = new Objective(data, 0, eps, false).meanLogLikelihood(x, null) * data.transitions();
      assertEquals(direct, fromData, 1e-9 * Math.abs(direct), floor.toString());
    }
  }

  @Test
  void gradientOverWeightsFloorAndProbabilitiesMatchesFiniteDifferences() {
    WorldModel model = WorldModel.of(WORLD, laws());
    FitData data = FitData.precompute(model, episodes(2, 3, 40), ProgressListener.NONE);
    double[] eps = Floor.none().epsilons(WORLD);
    Objective f = new Objective(data, 0.01, eps, true);
    int n = f.dimension();
    int laws = model.laws().size();
    assertEquals(laws + eps.length + 1, n);
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = i < laws ? 0.3 + 0.4 * i : i < f.chanceBase() ? 0.02 + 0.03 * (i - laws) : Objective.logit(0.35);
    }
    double[] g = new double[n];
    f.evaluate(x, g);
    double[] scratch = new double[n];
    for (int i = 0; i < n; i++) {
      double h = 1e-6;
      double[] plus = x.clone();
      double[] minus = x.clone();
      plus[i] += h;
      minus[i] -= h;
      double numeric = (f.evaluate(plus, scratch) - f.evaluate(minus, scratch)) / (2 * h);
      assertEquals(numeric, g[i], 1e-5 * Math.max(1, Math.abs(numeric)), "variable " + i);
    }
  }

  @Test
  void aLawWhoseFittedCreationsNeverHappenIsPruned() {
    Law never = ToyPong.law("never", (f, out) -> {
      for (int p : f.ofType(PORTAL)) {
        out.beginSpawn(BAT, Double.NaN, 0);
        out.place(9, 9, 1);
        out.endSpawn();
      }
    });
    List<Law> laws = new ArrayList<>(laws());
    laws.add(never);
    WorldModel model = new WorldModel(WORLD, laws, new double[] {1, 1, 1, 1, 1}, ModelOptions.defaults(), Floor.none());
    FitResult r = new Fitter().fit(model, episodes(4, 4, 60));
    assertTrue(r.pruned().contains("never"), r.pruned().toString());
    assertTrue(!r.pruned().contains("releases"), r.pruned().toString());
  }

  /** A learner adds new laws at weight 0; a law whose only say is a fitted probability must still be fitted. */
  @Test
  void aRandomCreationStartingAtWeightZeroIsFittedNotSilenced() {
    List<Episode> train = episodes(3, 8, 120);
    WorldModel model = new WorldModel(WORLD, laws(), new double[] {0, 1, 1, 1}, ModelOptions.defaults(), Floor.none());
    FitResult r = new Fitter().fit(model, train);
    assertFalse(r.pruned().contains("releases"), "pruned: " + r.pruned());
    assertEquals(1, r.weightOf("releases"), 1e-12);
    double below = 2.0 / 3 * r.chances().get("releases")[0];
    assertTrue(Math.abs(below - RATE) < 0.04, "fitted chance below " + below);
  }

  @Test
  void fittingFindsTheRateOfRandomCreations() {
    List<Episode> train = episodes(3, 8, 120);
    WorldModel model = new WorldModel(WORLD, laws(), new double[] {1, 1, 1, 1}, ModelOptions.defaults(), Floor.none());
    FitResult r = new Fitter().fit(model, train);
    double c = r.chances().get("releases")[0];
    double theta = r.weightOf("releases");
    // The chance of a bat below the portal: 2/3 of the creation, which happens 0.3 of the time.
    double below = 1 - Math.pow(1 - 2.0 / 3 * c, theta);
    assertTrue(Math.abs(below - RATE) < 0.04, "fitted chance below " + below + " (c " + c + ", θ " + theta + ")");
    assertTrue(r.weightOf("always_below") < 0.05, "the certain creation that is mostly wrong keeps " + r.weightOf("always_below"));
    assertTrue(r.trainNll() < r.startNll());
  }
}
