package dev.nomos.runtime.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nomos.runtime.Law;
import dev.nomos.runtime.model.Floor;
import dev.nomos.runtime.model.Metrics;
import dev.nomos.runtime.model.ModelOptions;
import dev.nomos.runtime.model.ProgressListener;
import dev.nomos.runtime.model.WorldModel;
import dev.nomos.runtime.trajectory.Episode;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A model's likelihood with laws left out, read off precomputed data, is that of the smaller model evaluated anew. */
class LawAblationTest {

  @Test
  void leavingALawOutScoresAsTheModelWithoutIt() {
    List<Episode> episodes = ToyPong.episodes(11, 3, 40);
    List<Law> laws = ToyPong.laws();
    double[] weights = new double[laws.size()];
    for (int i = 0; i < weights.length; i++) {
      weights[i] = 0.5 + 0.25 * (i % 4);
    }
    for (Floor floor : List.of(Floor.none(), Floor.defaults())) {
      WorldModel model = new WorldModel(ToyPong.WORLD, laws, weights, ModelOptions.defaults(), floor);
      LawAblation ablation = LawAblation.of(model, FitData.precompute(model, episodes, ProgressListener.NONE));
      assertEquals(-Metrics.evaluate(model, episodes).nllPerTransition(), ablation.meanLogLikelihood(), 1e-9);
      for (int i = 0; i < laws.size(); i++) {
        boolean[] removed = new boolean[laws.size()];
        removed[i] = true;
        double expected = -Metrics.evaluate(model.without(Set.of(laws.get(i).name())), episodes).nllPerTransition();
        assertEquals(expected, ablation.meanLogLikelihoodWithout(removed), 1e-9, laws.get(i).name() + ", " + floor);
      }
    }
  }

  @Test
  void aWrongLawCostsAndARightOneHelps() {
    List<Episode> episodes = ToyPong.episodes(5, 2, 30);
    List<Law> laws = ToyPong.laws();
    double[] weights = new double[laws.size()];
    Arrays.fill(weights, 1);
    WorldModel model = new WorldModel(ToyPong.WORLD, laws, weights, ModelOptions.defaults(), Floor.defaults());
    LawAblation ablation = LawAblation.of(model, FitData.precompute(model, episodes, ProgressListener.NONE));
    double all = ablation.meanLogLikelihood();
    assertTrue(ablation.meanLogLikelihoodWithout(only(laws, "wrong_ball_vanishes")) > all);
    assertTrue(ablation.meanLogLikelihoodWithout(only(laws, "inertia_y")) < all);
    assertThrows(IllegalArgumentException.class, () -> ablation.meanLogLikelihoodWithout(new boolean[2]));
  }

  private static boolean[] only(List<Law> laws, String name) {
    boolean[] removed = new boolean[laws.size()];
    for (int i = 0; i < laws.size(); i++) {
      removed[i] = laws.get(i).name().equals(name);
    }
    return removed;
  }
}
