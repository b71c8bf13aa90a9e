package dev.nomos.runtime.fit;

import dev.nomos.runtime.fit.internal.DifferentiableFunction;
import java.util.Arrays;
import java.util.List;

/**
 * {@code F(x) = -(1/N) log L(x) + λ Σ θ} over precomputed data, where x is the law weights θ (>= 0,
 * so the L1 norm is their sum) followed, when the floor is fitted, by one ε per floor channel. Per
 * target, with PoE probability {@code p = exp(a_obs) / Z} and support size n, the likelihood is
 * {@code m = (1 - ε) p + ε / n}; so {@code ∂ log m / ∂θ = (1 - ε) p / m (f(obs) - E_p[f])} and
 * {@code ∂ log m / ∂ε = (1 / n - p) / m}. With ε = 0 this is the plain PoE objective. A joint
 * block's background weight is {@code ε = 1 - Π_c (1 - ε_c)} over its coordinates' channels, so
 * {@code ∂ε / ∂ε_c = Π_{c' ≠ c} (1 - ε_c')}.
 *
 * <p>Creation targets ({@link dev.nomos.runtime.internal.CreationScore}) depend on
 * {@code L = Σ θ_law log(1 - s c)} (s the place's share, c the creation's probability), and the fitted
 * probabilities follow the floor in x, each as its logit z ({@code c = 1 / (1 + e^-z)}), since
 * small rates (a few in a thousand) would otherwise be badly scaled against the weights:
 * {@code ∂L/∂θ = log(1 - s c)} and {@code ∂L/∂z = -θ s c (1 - c) / (1 - s c)}.
 */
final class Objective implements DifferentiableFunction {
  private final FitData data;
  private final double lambda;
  private final int laws;
  private final int chanceBase;
  private final LikelihoodTerms terms;
  private final PartialSums sums;

  /** An objective summed on the calling thread. */
  Objective(FitData data, double lambda, double[] epsilon, boolean fitFloor) {
    this(data, lambda, epsilon, fitFloor, PartialSums.on(dev.nomos.runtime.Parallelism.SERIAL));
  }

  /**
   * @param epsilon ε per floor channel; used as given when {@code fitFloor} is false, else only
   *     its length matters (ε is then read from x)
   * @param sums where the chunks of the log-likelihood are summed
   */
  Objective(FitData data, double lambda, double[] epsilon, boolean fitFloor, PartialSums sums) {
    this.data = data;
    this.lambda = lambda;
    this.laws = data.lawNames.size();
    this.chanceBase = laws + (fitFloor ? data.channels.size() : 0);
    this.terms = new LikelihoodTerms(data, fitFloor ? null : epsilon.clone(), chanceBase,
        chanceBase + data.chanceLaw.length, null);
    this.sums = sums;
  }

  /** Number of variables: the laws' weights, the channels' ε when fitted, then the fitted probabilities. */
  int dimension() {
    return terms.dimension();
  }

  /** The index in x of the first fitted probability. */
  int chanceBase() {
    return chanceBase;
  }

  /** Mean log-likelihood per transition at x (no penalty); fills {@code gradient} of it when non-null. */
  double meanLogLikelihood(double[] x, double[] gradient) {
    return meanLogLikelihood(x, gradient, null);
  }

  /**
   * As {@link #meanLogLikelihood(double[], double[])} for the model without the laws marked in
   * {@code removed} (null: none): a target only removed laws spoke to is scored as if no law did,
   * which differs from those laws at weight 0 where they named values that widen a support. The
   * chunks' sums are added in chunk order, so the result does not depend on where they ran.
   */
  double meanLogLikelihood(double[] x, double[] gradient, boolean[] removed) {
    LikelihoodTerms t = removed == null ? terms : terms.without(removed);
    List<double[]> parts = sums.evaluate(t, x, gradient != null);
    double ll = data.constant;
    if (gradient != null) {
      Arrays.fill(gradient, 0);
    }
    for (double[] part : parts) {
      ll += part[0];
      if (gradient != null) {
        for (int i = 0; i < gradient.length; i++) {
          gradient[i] += part[1 + i];
        }
      }
    }
    double n = Math.max(1, data.transitions);
    if (gradient != null) {
      for (int i = 0; i < gradient.length; i++) {
        gradient[i] /= n;
      }
    }
    return ll / n;
  }

  /** The probability whose logit is {@code z}. */
  static double chance(double z) {
    return 1 / (1 + Math.exp(-z));
  }

  /** The logit of probability {@code c}. */
  static double logit(double c) {
    return Math.log(c / (1 - c));
  }

  @Override
  public double evaluate(double[] x, double[] gradient) {
    double mean = meanLogLikelihood(x, gradient);
    double penalty = 0;
    for (int i = 0; i < x.length; i++) {
      boolean weight = i < laws;
      if (weight) {
        penalty += x[i];
      }
      gradient[i] = -gradient[i] + (weight ? lambda : 0);
    }
    return -mean + lambda * penalty;
  }
}
