package dev.nomos.runtime.model;

/**
 * Options of a product-of-experts world model and of fitting its weights.
 *
 * @param nu penalty of a value a law does not allow (score {@code -nu}); 10 by default
 * @param lambda L1 penalty on the weights when fitting; 0.001 by default
 * @param maxWeight bound of every weight: a law's weight lies in [-maxWeight, maxWeight], and fitting
 *     keeps it in [0, maxWeight]; {@link #MAX_WEIGHT} by default
 * @param pruneThreshold laws whose fitted weight ends at or below this are pruned; 0.01 by default
 */
public record ModelOptions(double nu, double lambda, double maxWeight, double pruneThreshold) {
  /**
   * The default bound of a weight, and the one the checker holds written weights to: a law's weight
   * lies in [-MAX_WEIGHT, MAX_WEIGHT] (negative: the law disfavours what it allows), and a fitted
   * weight in [0, MAX_WEIGHT].
   */
  public static final double MAX_WEIGHT = 10;

  public ModelOptions {
    if (!(nu > 0) || Double.isInfinite(nu)) {
      throw new IllegalArgumentException("nu must be positive and finite, got " + nu);
    }
    if (!(lambda >= 0) || Double.isInfinite(lambda)) {
      throw new IllegalArgumentException("lambda must be non-negative and finite, got " + lambda);
    }
    if (!(maxWeight > 0) || Double.isInfinite(maxWeight)) {
      throw new IllegalArgumentException("maxWeight must be positive and finite, got " + maxWeight);
    }
    if (!(pruneThreshold >= 0) || pruneThreshold >= maxWeight) {
      throw new IllegalArgumentException("pruneThreshold must be in [0, maxWeight), got " + pruneThreshold);
    }
  }

  public static ModelOptions defaults() {
    return new ModelOptions(10, 0.001, MAX_WEIGHT, 0.01);
  }

  public ModelOptions withNu(double value) {
    return new ModelOptions(value, lambda, maxWeight, pruneThreshold);
  }

  public ModelOptions withLambda(double value) {
    return new ModelOptions(nu, value, maxWeight, pruneThreshold);
  }
}
