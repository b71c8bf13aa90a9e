package dev.nomos.runtime.fit;

import dev.nomos.runtime.fit.internal.BoundedLbfgs;
import dev.nomos.runtime.model.ModelOptions;
import dev.nomos.runtime.model.ProgressListener;
import dev.nomos.runtime.model.WorldModel;
import dev.nomos.runtime.trajectory.Episode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;

/**
 * Fits the weights of a model's laws to data (design brief §1): θ ∈ [0, maxWeight] maximising the
 * mean log-likelihood per transition minus {@code λ ‖θ‖₁}, by bounded L-BFGS over scores
 * precomputed once ({@link FitData}). It starts from the model's current weights (a warm start),
 * and prunes the laws whose weight ends at or below the model's prune threshold. Deterministic.
 *
 * <pre>{@code
 * FitResult r = new Fitter().fit(model, trainEpisodes);
 * WorldModel fitted = r.model();
 * }</pre>
 */
public final class Fitter {
  private final BoundedLbfgs optimiser;

  public Fitter() {
    this(2000);
  }

  /** A fitter that stops after {@code maxIterations} optimiser iterations at the latest. */
  public Fitter(int maxIterations) {
    // A longer memory than the usual 10 roughly halves the iterations on real law sets, whose many
    // near-redundant laws make the objective badly conditioned.
    this.optimiser = new BoundedLbfgs(20, maxIterations, 1e-7, 1e-10);
  }

  /** Precomputes the law scores of {@code episodes} and fits. */
  public FitResult fit(WorldModel model, List<Episode> episodes) {
    return fit(model, FitData.precompute(model, episodes, ProgressListener.NONE));
  }

  /** Fits starting from the model's weights over data precomputed for the same laws. */
  public FitResult fit(WorldModel model, FitData data) {
    return fit(model, data, model.weights());
  }

  /** Fits from the given starting weights (clipped into the box). */
  public FitResult fit(WorldModel model, FitData data, double[] start) {
    if (!data.lawNames().equals(model.lawNames())) {
      throw new IllegalArgumentException("the data was precomputed for other laws");
    }
    ModelOptions options = model.options();
    int n = model.laws().size();
    if (start.length != n) {
      throw new IllegalArgumentException(n + " laws but " + start.length + " starting weights");
    }
    Objective objective = new Objective(data, options.lambda());
    double[] lower = new double[n];
    double[] upper = new double[n];
    Arrays.fill(upper, options.maxWeight());
    double[] x0 = new double[n];
    for (int i = 0; i < n; i++) {
      x0[i] = Math.max(0, Math.min(options.maxWeight(), start[i]));
    }
    double startNll = -objective.meanLogLikelihood(x0, null);
    BoundedLbfgs.Result r = optimiser.minimize(objective, x0, lower, upper);
    double[] theta = r.x();
    List<String> pruned = new ArrayList<>();
    double[] kept = theta.clone();
    for (int i = 0; i < n; i++) {
      if (theta[i] <= options.pruneThreshold()) {
        pruned.add(model.lawNames().get(i));
        kept[i] = 0;
      }
    }
    double trainNll = -objective.meanLogLikelihood(kept, null);
    WorldModel fitted = model.withWeights(theta).without(new HashSet<>(pruned));
    return new FitResult(fitted, model.lawNames(), theta, pruned, trainNll, startNll, r.value(), r.iterations(),
        r.converged());
  }
}
