package dev.nomos.runtime.fit;

import dev.nomos.runtime.model.WorldModel;

/**
 * The mean log-likelihood per transition of a fitted model on data precomputed for its laws, with
 * any set of those laws left out and the others at their fitted weights, floor and creation
 * probabilities: what a law adds to a model on data it was not fitted to, without refitting.
 * Leaving a law out is not the same as its weight at 0: a target only removed laws spoke to is
 * scored as if no law did ({@link Objective#meanLogLikelihood(double[], double[], boolean[])}).
 * Each evaluation is one pass over the precomputed targets, so trying every law of a model is cheap.
 */
public final class LawAblation {
  private final Objective objective;
  private final double[] x;
  private final int laws;

  private LawAblation(Objective objective, double[] x, int laws) {
    this.objective = objective;
    this.x = x;
    this.laws = laws;
  }

  /** The ablations of {@code model} over {@code data}, which must be precomputed for its laws. */
  public static LawAblation of(WorldModel model, FitData data) {
    if (!data.lawNames().equals(model.lawNames())) {
      throw new IllegalArgumentException("the data was precomputed for other laws");
    }
    Objective objective = new Objective(data, 0, model.floor().epsilons(model.schema()), false);
    int n = model.laws().size();
    double[] x = new double[objective.dimension()];
    double[] weights = model.weights();
    System.arraycopy(weights, 0, x, 0, n);
    for (int g = 0; g < x.length - objective.chanceBase(); g++) {
      // The model's own probability where it has one; a law never fitted is scored at its rate here.
      double c = Math.max(Fitter.MIN_CHANCE, Math.min(1 - Fitter.MIN_CHANCE, data.chanceStart[g]));
      x[objective.chanceBase() + g] = Objective.logit(c);
    }
    return new LawAblation(objective, x, n);
  }

  /** The number of laws. */
  public int laws() {
    return laws;
  }

  /** The mean log-likelihood per transition with every law in. */
  public double meanLogLikelihood() {
    return objective.meanLogLikelihood(x, null, null);
  }

  /** The mean log-likelihood per transition with the laws marked in {@code removed} left out. */
  public double meanLogLikelihoodWithout(boolean[] removed) {
    if (removed.length != laws) {
      throw new IllegalArgumentException(laws + " laws but " + removed.length + " marks");
    }
    double[] without = x.clone();
    for (int i = 0; i < laws; i++) {
      if (removed[i]) {
        without[i] = 0;
      }
    }
    return objective.meanLogLikelihood(without, null, removed);
  }
}
