package dev.nomos.runtime.fit;

import static dev.nomos.runtime.fit.FitterKnownOptimaTest.WORLD;
import static dev.nomos.runtime.fit.FitterKnownOptimaTest.data;
import static dev.nomos.runtime.fit.FitterKnownOptimaTest.right;
import static dev.nomos.runtime.model.TestLaws.law;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nomos.runtime.Law;
import dev.nomos.runtime.model.Floor;
import dev.nomos.runtime.model.Metrics;
import dev.nomos.runtime.model.ModelOptions;
import dev.nomos.runtime.model.WorldModel;
import dev.nomos.runtime.trajectory.Episode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The training NLL a fit reports is that of the model it returns, pruned laws left out. */
class FitterTrainNllTest {

  /** "A ball appears at every x of row 0": nothing ever appears, so the fit prunes it. */
  static Law spawnsARow(String name) {
    return law(name, (f, out) -> {
      for (int x = 0; x < 10; x++) {
        out.spawn(0, x, 0);
      }
    });
  }

  @Test
  void aPrunedSpawnLawNoLongerNamesItsPlaces() {
    List<Episode> episodes = data(7, 10);
    for (Floor floor : List.of(Floor.none(), Floor.defaults())) {
      WorldModel m = new WorldModel(WORLD, List.of(right("right"), spawnsARow("row")), new double[] {1, 1},
          ModelOptions.defaults().withLambda(0.01), floor);
      FitResult r = new Fitter().fit(m, episodes);
      assertEquals(List.of("row"), r.pruned());
      double returned = Metrics.evaluate(r.model(), episodes).nllPerTransition();
      assertEquals(returned, r.trainNll(), 1e-9, "floor " + floor);
      // At weight 0 each of the ten places would still cost a coin flip, log 2, every transition.
      assertTrue(r.trainNll() < 10 * Math.log(2), "the places no longer count: " + r.trainNll());
    }
  }
}
