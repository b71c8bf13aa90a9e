package dev.nomos.runtime.fit;

import dev.nomos.runtime.fit.internal.DifferentiableFunction;
import dev.nomos.runtime.model.internal.FloorChannels;
import java.util.Arrays;

/**
 * {@code F(x) = -(1/N) log L(x) + λ Σ θ} over precomputed data, where x is the law weights θ (>= 0,
 * so the L1 norm is their sum) followed, when the floor is fitted, by one ε per floor channel. Per
 * target, with PoE probability {@code p = exp(a_obs) / Z} and support size n, the likelihood is
 * {@code m = (1 - ε) p + ε / n}; so {@code ∂ log m / ∂θ = (1 - ε) p / m (f(obs) - E_p[f])} and
 * {@code ∂ log m / ∂ε = (1 / n - p) / m}. With ε = 0 this is the plain PoE objective.
 */
final class Objective implements DifferentiableFunction {
  private final FitData data;
  private final double lambda;
  private final int laws;
  private final double[] fixedEpsilon;
  private double[] logit = new double[64];

  /**
   * @param epsilon ε per floor channel; used as given when {@code fitFloor} is false, else only
   *     its length matters (ε is then read from x)
   */
  Objective(FitData data, double lambda, double[] epsilon, boolean fitFloor) {
    this.data = data;
    this.lambda = lambda;
    this.laws = data.lawNames.size();
    this.fixedEpsilon = fitFloor ? null : epsilon.clone();
  }

  /** Number of variables: the laws' weights, then the channels' ε when fitted. */
  int dimension() {
    return laws + (fixedEpsilon == null ? data.channels.size() : 0);
  }

  /** Mean log-likelihood per transition at x (no penalty); fills {@code gradient} of it when non-null. */
  double meanLogLikelihood(double[] x, double[] gradient) {
    return meanLogLikelihood(x, gradient, null);
  }

  /**
   * As {@link #meanLogLikelihood(double[], double[])} for the model without the laws marked in
   * {@code removed} (null: none): a target only removed laws spoke to is scored as if no law did.
   * That is not the same as those laws at weight 0 where a spawn law named a place: at weight 0 the
   * place is still a target (a coin flip between created or not), removed it is none.
   */
  double meanLogLikelihood(double[] x, double[] gradient, boolean[] removed) {
    FitData d = data;
    if (gradient != null) {
      Arrays.fill(gradient, 0);
    }
    double ll = d.constant;
    int[] classStart = d.targetClassStart;
    int[] featStart = d.classFeatStart;
    int[] featLaw = d.featLaw;
    double[] featVal = d.featVal;
    double[] logMult = d.classLogMultiplicity;
    for (int t = 0; t < d.targets; t++) {
      int c0 = classStart[t];
      int c1 = classStart[t + 1];
      if (removed != null && onlyRemovedSpoke(featStart[c0], featStart[c1], removed)) {
        ll += d.targetCount[t] * d.targetUnspoken[t];
        continue;
      }
      if (logit.length < c1 - c0) {
        logit = new double[Math.max(c1 - c0, logit.length * 2)];
      }
      double max = Double.NEGATIVE_INFINITY;
      for (int c = c0; c < c1; c++) {
        double a = 0;
        for (int k = featStart[c]; k < featStart[c + 1]; k++) {
          a += x[featLaw[k]] * featVal[k];
        }
        logit[c - c0] = a;
        max = Math.max(max, a + logMult[c]);
      }
      double sum = 0;
      for (int c = c0; c < c1; c++) {
        sum += Math.exp(logit[c - c0] + logMult[c] - max);
      }
      double logZ = max + Math.log(sum);
      int obs = d.observedClass[t];
      double count = d.targetCount[t];
      int channel = d.targetChannel[t];
      double eps = fixedEpsilon == null ? x[laws + channel] : fixedEpsilon[channel];
      double logPoe = logit[obs - c0] - logZ;
      double logMix = FloorChannels.mix(logPoe, eps, d.targetLogSize[t]);
      ll += count * logMix;
      if (gradient != null) {
        // Share of the observed value's mass that the PoE (not the background) gives, times count.
        double weight = eps == 0 ? count : count * Math.exp(Math.log1p(-eps) + logPoe - logMix);
        for (int c = c0; c < c1; c++) {
          double p = weight * Math.exp(logit[c - c0] + logMult[c] - logZ);
          if (p > 1e-300 * count) {
            for (int k = featStart[c]; k < featStart[c + 1]; k++) {
              gradient[featLaw[k]] -= p * featVal[k];
            }
          }
        }
        for (int k = featStart[obs]; k < featStart[obs + 1]; k++) {
          gradient[featLaw[k]] += weight * featVal[k];
        }
        if (fixedEpsilon == null) {
          gradient[laws + channel] += count * (Math.exp(-d.targetLogSize[t] - logMix) - Math.exp(logPoe - logMix));
        }
      }
    }
    double n = Math.max(1, d.transitions);
    if (gradient != null) {
      for (int i = 0; i < gradient.length; i++) {
        gradient[i] /= n;
      }
    }
    return ll / n;
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

  private boolean onlyRemovedSpoke(int from, int to, boolean[] removed) {
    for (int k = from; k < to; k++) {
      if (!removed[data.featLaw[k]]) {
        return false;
      }
    }
    return true;
  }

}
