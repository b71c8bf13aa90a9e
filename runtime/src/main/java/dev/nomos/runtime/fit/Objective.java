package dev.nomos.runtime.fit;

import dev.nomos.runtime.fit.internal.DifferentiableFunction;

/**
 * {@code F(θ) = -(1/N) log L(θ) + λ Σ θ} over precomputed data (θ >= 0, so the L1 norm is the sum),
 * with its gradient {@code -(1/N) Σ_targets (f(obs) - E_p[f]) + λ}.
 */
final class Objective implements DifferentiableFunction {
  private final FitData data;
  private final double lambda;
  private double[] logit = new double[64];

  Objective(FitData data, double lambda) {
    this.data = data;
    this.lambda = lambda;
  }

  /** Mean log-likelihood per transition at θ (no penalty); fills {@code gradient} of it when non-null. */
  double meanLogLikelihood(double[] theta, double[] gradient) {
    FitData d = data;
    if (gradient != null) {
      java.util.Arrays.fill(gradient, 0);
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
      if (logit.length < c1 - c0) {
        logit = new double[Math.max(c1 - c0, logit.length * 2)];
      }
      double max = Double.NEGATIVE_INFINITY;
      for (int c = c0; c < c1; c++) {
        double a = 0;
        for (int k = featStart[c]; k < featStart[c + 1]; k++) {
          a += theta[featLaw[k]] * featVal[k];
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
      ll += count * (logit[obs - c0] - logZ);
      if (gradient != null) {
        for (int c = c0; c < c1; c++) {
          double p = count * Math.exp(logit[c - c0] + logMult[c] - logZ);
          if (p > 1e-300 * count) {
            for (int k = featStart[c]; k < featStart[c + 1]; k++) {
              gradient[featLaw[k]] -= p * featVal[k];
            }
          }
        }
        for (int k = featStart[obs]; k < featStart[obs + 1]; k++) {
          gradient[featLaw[k]] += count * featVal[k];
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
  public double evaluate(double[] theta, double[] gradient) {
    double mean = meanLogLikelihood(theta, gradient);
    double penalty = 0;
    for (int i = 0; i < theta.length; i++) {
      penalty += theta[i];
      gradient[i] = -gradient[i] + lambda;
    }
    return -mean + lambda * penalty;
  }
}
