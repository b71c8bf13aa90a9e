package dev.nomos.runtime.fit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nomos.runtime.Frame;
import dev.nomos.runtime.model.Floor;
import dev.nomos.runtime.model.Metrics;
import dev.nomos.runtime.model.ModelOptions;
import dev.nomos.runtime.model.ProgressListener;
import dev.nomos.runtime.model.WorldModel;
import dev.nomos.runtime.trajectory.Episode;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FitterTest {
  static final List<Episode> TRAIN = ToyPong.episodes(1, 6, 60);
  static final List<Episode> TEST = ToyPong.episodes(2, 4, 60);

  @Test
  void precomputedLikelihoodMatchesInference() {
    assertPrecomputedMatchesInference(Floor.none());
    assertPrecomputedMatchesInference(Floor.defaults());
    assertPrecomputedMatchesInference(Floor.of(Map.of(Floor.X, 0.2, Floor.ALIVE, 0.01, Floor.SPAWN, 0.3)));
  }

  private static void assertPrecomputedMatchesInference(Floor floor) {
    WorldModel model = WorldModel.of(ToyPong.WORLD, ToyPong.laws()).withFloor(floor);
    SplittableRandom random = new SplittableRandom(5);
    double[] theta = new double[model.laws().size()];
    for (int i = 0; i < theta.length; i++) {
      theta[i] = random.nextDouble(0, 3);
    }
    WorldModel weighted = model.withWeights(theta);
    double direct = 0;
    for (Episode e : TRAIN) {
      List<Frame> frames = e.frames();
      for (int k = 0; k + 1 < frames.size(); k++) {
        direct += weighted.logLikelihood(frames.get(k), frames.get(k + 1));
      }
    }
    FitData data = FitData.precompute(model, TRAIN, ProgressListener.NONE);
    double[] eps = floor.epsilons(ToyPong.WORLD);
    double fromData = new Objective(data, 0, eps, false).meanLogLikelihood(theta, null) * data.transitions();
    assertEquals(direct, fromData, 1e-7 * Math.abs(direct), floor.toString());
    double[] withEps = java.util.Arrays.copyOf(theta, theta.length + eps.length);
    System.arraycopy(eps, 0, withEps, theta.length, eps.length);
    double fitted = new Objective(data, 0, eps, true).meanLogLikelihood(withEps, null) * data.transitions();
    assertEquals(direct, fitted, 1e-7 * Math.abs(direct), floor + " with ε as variables");
  }

  @Test
  void gradientMatchesFiniteDifferences() {
    assertGradientMatchesFiniteDifferences(false);
  }

  @Test
  void gradientWithFittedFloorMatchesFiniteDifferences() {
    assertGradientMatchesFiniteDifferences(true);
  }

  private static void assertGradientMatchesFiniteDifferences(boolean fitFloor) {
    WorldModel model = WorldModel.of(ToyPong.WORLD, ToyPong.laws());
    FitData data = FitData.precompute(model, TRAIN, ProgressListener.NONE);
    double[] eps = Floor.none().epsilons(ToyPong.WORLD);
    Objective f = new Objective(data, 0.01, eps, fitFloor);
    int n = f.dimension();
    int laws = model.laws().size();
    double[] theta = new double[n];
    for (int i = 0; i < n; i++) {
      // Weights spread over [0.05, 1.5]; each channel's ε somewhere in (0, 0.3).
      theta[i] = i < laws ? 0.05 + 0.1 * i : 0.02 + 0.05 * (i - laws);
    }
    double[] g = new double[n];
    f.evaluate(theta, g);
    double[] scratch = new double[n];
    for (int i = 0; i < n; i++) {
      double h = i < laws ? 1e-5 : 1e-7;
      double[] plus = theta.clone();
      double[] minus = theta.clone();
      plus[i] += h;
      minus[i] -= h;
      double numeric = (f.evaluate(plus, scratch) - f.evaluate(minus, scratch)) / (2 * h);
      String variable = i < laws ? "law " + model.lawNames().get(i) : "ε of " + data.channels().get(i - laws);
      assertEquals(numeric, g[i], 1e-5 * Math.max(1, Math.abs(numeric)), variable);
    }
  }

  @Test
  void fittingSilencesWrongLawsAndLowersHeldOutNll() {
    WorldModel model = WorldModel.of(ToyPong.WORLD, ToyPong.laws());
    FitResult r = new Fitter().fit(model, TRAIN);
    for (String wrong : List.of("wrong_ball_stops", "wrong_ball_drifts_up", "wrong_player_inverted", "wrong_ball_vanishes")) {
      assertTrue(r.weightOf(wrong) < 0.05, wrong + " kept weight " + r.weightOf(wrong));
      assertTrue(r.pruned().contains(wrong), wrong + " not pruned");
    }
    for (String right : List.of("inertia_y", "bounce_x", "bounce_y", "everything_stays", "player_up", "player_down")) {
      assertTrue(r.weightOf(right) > 0.3, right + " got weight " + r.weightOf(right) + " in " + java.util.Arrays.toString(r.weights()));
    }
    assertTrue(r.weightOf("inertia_x") + r.weightOf("inertia_x_again") > 0.3);
    assertTrue(r.trainNll() < r.startNll());
    double before = Metrics.evaluate(model, TEST).nllPerTransition();
    double after = Metrics.evaluate(r.model(), TEST).nllPerTransition();
    assertTrue(after < before - 1, "held-out NLL " + before + " -> " + after);
    // Only each episode's first step (no velocity yet) is predicted wrong.
    long firstSteps = TEST.size();
    long transitions = TEST.stream().mapToLong(Episode::transitions).sum();
    assertEquals(1.0 - (double) firstSteps / transitions, Metrics.evaluate(r.model(), TEST).exactFrameAccuracy(), 1e-12);
  }

  @Test
  void fittingIsDeterministicAndWarmStartsConverge() {
    WorldModel model = WorldModel.of(ToyPong.WORLD, ToyPong.laws());
    FitData data = FitData.precompute(model, TRAIN, ProgressListener.NONE);
    FitResult a = new Fitter().fit(model, data);
    FitResult b = new Fitter().fit(model, data);
    assertArrayEquals(a.weights(), b.weights(), 0);
    FitResult warm = new Fitter().fit(model.withWeights(a.weights()), data);
    assertTrue(warm.iterations() <= a.iterations());
    assertEquals(a.objective(), warm.objective(), 1e-6);
  }

  @Test
  void strongerL1PrunesMore() {
    WorldModel model = WorldModel.of(ToyPong.WORLD, ToyPong.laws());
    FitData data = FitData.precompute(model, TRAIN, ProgressListener.NONE);
    FitResult weak = new Fitter().fit(model, data);
    FitResult strong = new Fitter().fit(model.withOptions(ModelOptions.defaults().withLambda(5)), data);
    assertTrue(strong.pruned().size() > weak.pruned().size());
  }
}
