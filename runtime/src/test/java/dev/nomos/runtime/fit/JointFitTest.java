package dev.nomos.runtime.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nomos.runtime.Frame;
import dev.nomos.runtime.Law;
import dev.nomos.runtime.model.Floor;
import dev.nomos.runtime.model.Inference;
import dev.nomos.runtime.model.JointChoiceTest;
import dev.nomos.runtime.model.JointChoiceTest.Joint;
import dev.nomos.runtime.model.JointChoiceTest.RandomLaw;
import dev.nomos.runtime.model.ModelOptions;
import dev.nomos.runtime.model.ProgressListener;
import dev.nomos.runtime.model.WorldModel;
import dev.nomos.runtime.trajectory.Episode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Fitting joint choices: the precomputed objective, its gradient (weights and floor), and a recovered weight. */
class JointFitTest {

  @Test
  void precomputedLikelihoodAndGradientMatchInference() {
    SplittableRandom random = new SplittableRandom(5);
    for (int trial = 0; trial < 40; trial++) {
      List<RandomLaw> spec = JointChoiceTest.randomLaws(random);
      double[] theta = JointChoiceTest.randomWeights(random, spec.size());
      Floor floor = Floor.of(Map.of("x", 0.01 + random.nextDouble(0.2), "y", 0.03, "mood", random.nextDouble(0.3)));
      WorldModel model = new WorldModel(JointChoiceTest.WORLD, JointChoiceTest.laws(spec), theta,
          ModelOptions.defaults(), floor);
      List<Episode> data = List.of(randomEpisode(random));
      Inference inference = model.newInference();
      double direct = 0;
      List<Frame> frames = data.get(0).frames();
      for (int k = 0; k + 1 < frames.size(); k++) {
        direct += inference.logLikelihood(frames.get(k), frames.get(k + 1));
      }
      FitData fit = FitData.precompute(model, data, ProgressListener.NONE);
      double[] eps = floor.epsilons(JointChoiceTest.WORLD);
      Objective objective = new Objective(fit, 0.01, eps, true);
      double[] x = java.util.Arrays.copyOf(theta, objective.dimension());
      System.arraycopy(eps, 0, x, theta.length, eps.length);
      assertEquals(direct, objective.meanLogLikelihood(x, null) * fit.transitions(), 1e-8 * Math.abs(direct),
          "trial " + trial + " " + spec);
      for (int i = 0; i < x.length; i++) {
        x[i] = Math.max(x[i], i < theta.length ? 0.05 : 0.001); // away from the bounds for central differences
      }
      double[] g = new double[x.length];
      objective.evaluate(x, g);
      double[] scratch = new double[x.length];
      for (int i = 0; i < x.length; i++) {
        double h = i < theta.length ? 1e-5 : 1e-7;
        double[] plus = x.clone();
        double[] minus = x.clone();
        plus[i] += h;
        minus[i] -= h;
        double numeric = (objective.evaluate(plus, scratch) - objective.evaluate(minus, scratch)) / (2 * h);
        assertEquals(numeric, g[i], 1e-5 * Math.max(1, Math.abs(numeric)), "trial " + trial + " variable " + i);
      }
    }
  }

  @Test
  void fittingFindsTheWeightOfARandomStep() {
    // Data: stay with probability 0.6, else one of four unit steps; the law says so with weight 1.
    SplittableRandom random = new SplittableRandom(9);
    int x0 = JointChoiceTest.X0;
    int y0 = JointChoiceTest.Y0;
    List<Episode> episodes = new ArrayList<>();
    for (int k = 0; k < 3000; k++) {
      double r = random.nextDouble();
      int dx = r < 0.6 ? 0 : r < 0.7 ? 1 : r < 0.8 ? -1 : 0;
      int dy = r < 0.8 ? 0 : r < 0.9 ? 1 : -1;
      Frame t = JointChoiceTest.start();
      Frame next = Frame.builder(JointChoiceTest.WORLD).previous(t).add(1, 0, x0 + dx, y0 + dy, 1, 1, 1).build();
      episodes.add(new Episode(null, k, List.of(t, next), new int[2]));
    }
    List<Law> laws = JointChoiceTest.laws(List.of(new RandomLaw(List.of(), List.of(new Joint(
        new int[] {0, 1}, new int[][] {{x0, y0}, {x0 + 1, y0}, {x0 - 1, y0}, {x0, y0 + 1}, {x0, y0 - 1}},
        new double[] {0.6, 0.1, 0.1, 0.1, 0.1})))));
    WorldModel model = WorldModel.of(JointChoiceTest.WORLD, laws);
    FitResult r = new Fitter().fit(model, episodes);
    // The written frequencies are the data's, which the law states exactly at weight 1 (stay : step
    // = exp(θ log 6)); every other cell keeps exp(-10 θ) of the mass.
    assertEquals(1.0, r.weightOf("law0"), 0.1, java.util.Arrays.toString(r.weights()));
    assertTrue(r.trainNll() < r.startNll() + 1e-9);
  }

  private static Episode randomEpisode(SplittableRandom random) {
    List<Frame> frames = new ArrayList<>();
    Frame t = JointChoiceTest.start();
    frames.add(t);
    for (int k = 0; k < 12; k++) {
      Frame start = JointChoiceTest.start();
      int[] v = {JointChoiceTest.X0 + random.nextInt(-3, 4), JointChoiceTest.Y0 + random.nextInt(-3, 4), random.nextInt(0, 4)};
      // Every transition starts from the same frame (laws read nothing), so alternate start and random frames.
      Frame next = Frame.builder(JointChoiceTest.WORLD).previous(start).add(1, 0, v[0], v[1], 1, 1, v[2]).build();
      frames.add(next);
      frames.add(Frame.builder(JointChoiceTest.WORLD).previous(next).add(1, 0, JointChoiceTest.X0, JointChoiceTest.Y0, 1, 1,
          JointChoiceTest.MOOD0).build());
    }
    return new Episode(null, 0, frames, new int[frames.size()]);
  }
}
