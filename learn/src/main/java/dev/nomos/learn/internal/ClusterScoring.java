package dev.nomos.learn.internal;

import dev.nomos.compiler.codegen.Engine;
import dev.nomos.runtime.Deadline;
import dev.nomos.runtime.cluster.ClusterSession;
import dev.nomos.runtime.cluster.TransitionSlice;
import dev.nomos.runtime.fit.FitData;
import dev.nomos.runtime.model.TransitionScore;
import dev.nomos.runtime.model.WorldModel;
import dev.nomos.runtime.trajectory.Episode;
import java.util.ArrayList;
import java.util.List;

/**
 * The learner's passes over all of its training data as jobs of a cluster session: the scoring of
 * every transition under the current model (which finds the worst explained) and the scoring of the
 * candidate laws on every transition for their fit (the fit's precompute). The workers read the
 * transitions from the trajectory files the episodes came from and build the model from its laws'
 * texts ({@link LawsRecipe}); the results are those of this machine's passes.
 *
 * <p>A pass is not cut short at the learner's deadline: it runs to its end, and then the round ends
 * with {@link TimeBudget.OutOfTime} if the deadline has passed.
 */
public final class ClusterScoring {
  private final ClusterSession session;
  private final String worldSource;
  private final Engine engine;
  private final boolean strict;

  /**
   * @param worldSource the world declaration the laws are compiled against
   * @param engine how the workers run the laws (as the learner does)
   * @param strict whether the workers read the files refusing what the world does not declare (as the
   *     learner's data was read)
   */
  public ClusterScoring(ClusterSession session, String worldSource, Engine engine, boolean strict) {
    this.session = session;
    this.worldSource = worldSource;
    this.engine = engine;
    this.strict = strict;
  }

  /**
   * Every transition's score under {@code model} (whose laws are compiled from {@code laws}), episode
   * by episode in order; null when an episode was not read from a file (the caller scores here).
   */
  public List<TransitionScore> score(List<String> laws, WorldModel model, List<Episode> episodes, Deadline until) {
    List<TransitionSlice> slices = TransitionSlice.allOf(episodes);
    if (slices == null) {
      return null;
    }
    List<double[]> scores = session.logLikelihoods(LawsRecipe.of(worldSource, engine, laws, model), slices, strict);
    stopIfPassed(until);
    List<TransitionScore> out = new ArrayList<>();
    for (int e = 0; e < episodes.size(); e++) {
      double[] ll = scores.get(e);
      for (int k = 0; k < ll.length; k++) {
        out.add(new TransitionScore(episodes.get(e), k, ll[k]));
      }
    }
    return out;
  }

  /**
   * The fit data of {@code model}'s laws (compiled from {@code laws}) on {@code episodes}; null when an
   * episode was not read from a file.
   */
  public FitData precompute(List<String> laws, WorldModel model, List<Episode> episodes, Deadline until) {
    List<TransitionSlice> slices = TransitionSlice.allOf(episodes);
    if (slices == null) {
      return null;
    }
    FitData data = session.precompute(LawsRecipe.of(worldSource, engine, laws, model), model, slices, strict);
    stopIfPassed(until);
    return data;
  }

  private static void stopIfPassed(Deadline until) {
    if (until.passed()) {
      throw new TimeBudget.OutOfTime();
    }
  }
}
