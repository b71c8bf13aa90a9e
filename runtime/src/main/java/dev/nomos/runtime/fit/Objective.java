package dev.nomos.runtime.fit;

import dev.nomos.runtime.fit.internal.DifferentiableFunction;
import dev.nomos.runtime.model.internal.CreationScore;
import dev.nomos.runtime.model.internal.FloorChannels;
import java.util.Arrays;

/**
 * {@code F(x) = -(1/N) log L(x) + λ Σ θ} over precomputed data, where x is the law weights θ (>= 0,
 * so the L1 norm is their sum) followed, when the floor is fitted, by one ε per floor channel. Per
 * target, with PoE probability {@code p = exp(a_obs) / Z} and support size n, the likelihood is
 * {@code m = (1 - ε) p + ε / n}; so {@code ∂ log m / ∂θ = (1 - ε) p / m (f(obs) - E_p[f])} and
 * {@code ∂ log m / ∂ε = (1 / n - p) / m}. With ε = 0 this is the plain PoE objective. A joint
 * block's background weight is {@code ε = 1 - Π_c (1 - ε_c)} over its coordinates' channels, so
 * {@code ∂ε / ∂ε_c = Π_{c' ≠ c} (1 - ε_c')}.
 *
 * <p>Creation targets ({@link dev.nomos.runtime.model.internal.CreationScore}) depend on
 * {@code L = Σ θ_law log(1 - s c)} (s the place's share, c the creation's probability), and the fitted
 * probabilities follow the floor in x, each as its logit z ({@code c = 1 / (1 + e^-z)}), since
 * small rates (a few in a thousand) would otherwise be badly scaled against the weights:
 * {@code ∂L/∂θ = log(1 - s c)} and {@code ∂L/∂z = -θ s c (1 - c) / (1 - s c)}.
 */
final class Objective implements DifferentiableFunction {
  private final FitData data;
  private final double lambda;
  private final int laws;
  private final double[] fixedEpsilon;
  private final int chanceBase;
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
    this.chanceBase = laws + (fitFloor ? data.channels.size() : 0);
  }

  /** Number of variables: the laws' weights, the channels' ε when fitted, then the fitted probabilities. */
  int dimension() {
    return chanceBase + data.chanceLaw.length;
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
   * which differs from those laws at weight 0 where they named values that widen a support.
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
      int ch0 = d.targetChannelStart[t];
      int ch1 = d.targetChannelStart[t + 1];
      double eps;
      if (ch1 - ch0 == 1) {
        eps = fixedEpsilon == null ? x[laws + d.targetChannels[ch0]] : fixedEpsilon[d.targetChannels[ch0]];
      } else {
        double keep = 1;
        for (int k = ch0; k < ch1; k++) {
          int channel = d.targetChannels[k];
          keep *= 1 - (fixedEpsilon == null ? x[laws + channel] : fixedEpsilon[channel]);
        }
        eps = 1 - keep;
      }
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
          double dEps = count * (Math.exp(-d.targetLogSize[t] - logMix) - Math.exp(logPoe - logMix));
          for (int k = ch0; k < ch1; k++) {
            int channel = d.targetChannels[k];
            double others = 1;
            for (int k2 = ch0; k2 < ch1; k2++) {
              if (k2 != k) {
                others *= 1 - x[laws + d.targetChannels[k2]];
              }
            }
            gradient[laws + channel] += dEps * others;
          }
        }
      }
    }
    ll += creations(x, gradient);
    double n = Math.max(1, d.transitions);
    if (gradient != null) {
      for (int i = 0; i < gradient.length; i++) {
        gradient[i] /= n;
      }
    }
    return ll / n;
  }

  /** The creation targets' log-likelihood at x; adds its gradient when {@code gradient} is non-null. */
  private double creations(double[] x, double[] gradient) {
    FitData d = data;
    int channel = d.spawnChannel;
    double eps = fixedEpsilon == null ? x[laws + channel] : fixedEpsilon[channel];
    double ll = 0;
    for (int t = 0; t < d.creations; t++) {
      int e0 = d.creationEntryStart[t];
      int e1 = d.creationEntryStart[t + 1];
      double logNo = 0;
      for (int e = e0; e < e1; e++) {
        logNo += x[d.entryLaw[e]] * logNot(x, e);
      }
      boolean appeared = d.creationAppeared[t];
      double count = d.creationCount[t];
      double lp = CreationScore.logLikelihood(logNo, eps, appeared, d.logUnexplained);
      ll += count * lp;
      if (gradient != null) {
        double slope = count * CreationScore.slopeLogNo(logNo, eps, appeared, d.logUnexplained, lp);
        for (int e = e0; e < e1; e++) {
          int law = d.entryLaw[e];
          gradient[law] += slope * logNot(x, e);
          int g = d.entryChance[e];
          if (g >= 0) {
            double s = d.entryShare[e];
            double c = chance(x[chanceBase + g]);
            gradient[chanceBase + g] -= slope * x[law] * s * c * (1 - c) / (1 - s * c);
          }
        }
        if (fixedEpsilon == null) {
          gradient[laws + channel] += count * CreationScore.slopeEpsilon(logNo, appeared, d.logUnexplained, lp);
        }
      }
    }
    return ll;
  }

  private double logNot(double[] x, int e) {
    int g = data.entryChance[e];
    return g < 0 ? data.entryLogNot[e] : Math.log1p(-data.entryShare[e] * chance(x[chanceBase + g]));
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

  private boolean onlyRemovedSpoke(int from, int to, boolean[] removed) {
    for (int k = from; k < to; k++) {
      if (!removed[data.featLaw[k]]) {
        return false;
      }
    }
    return true;
  }

}
