package dev.nomos.runtime.fit;

import dev.nomos.runtime.internal.CreationScore;
import dev.nomos.runtime.internal.FloorChannels;
import java.io.Serializable;

/**
 * The log-likelihood of precomputed data ({@link FitData}) at a point x of the fit (see {@link
 * Objective} for x and the formulas), cut into chunks of consecutive targets, then of consecutive
 * creation targets. A chunk's sums depend only on the data and x, so they can be computed anywhere
 * (a thread, a cluster's worker) and added up in chunk order to the same number. Serializable for
 * the same reason.
 */
public final class LikelihoodTerms implements Serializable {
  private static final long serialVersionUID = 1L;
  /** Targets per chunk: fixed, so that the chunks (and the sums' rounding) never depend on the threads. */
  static final int CHUNK = 1024;

  private final FitData data;
  private final int laws;
  private final double[] fixedEpsilon;
  private final int chanceBase;
  private final int dimension;
  private final boolean[] removed;

  LikelihoodTerms(FitData data, double[] fixedEpsilon, int chanceBase, int dimension, boolean[] removed) {
    this.data = data;
    this.laws = data.lawNames.size();
    this.fixedEpsilon = fixedEpsilon;
    this.chanceBase = chanceBase;
    this.dimension = dimension;
    this.removed = removed;
  }

  /** These terms for the model without the laws marked in {@code removed}. */
  LikelihoodTerms without(boolean[] removed) {
    return new LikelihoodTerms(data, fixedEpsilon, chanceBase, dimension, removed.clone());
  }

  /** The number of variables x has. */
  public int dimension() {
    return dimension;
  }

  public int chunks() {
    return targetChunks() + (data.creations + CHUNK - 1) / CHUNK;
  }

  private int targetChunks() {
    return (data.targets + CHUNK - 1) / CHUNK;
  }

  /**
   * Chunk {@code c}'s log-likelihood at x (element 0) and, when {@code gradient}, its gradient
   * (elements 1 to {@link #dimension()}); not divided by the transitions, without the constant.
   */
  public double[] chunk(int c, double[] x, boolean gradient) {
    double[] out = new double[gradient ? 1 + dimension : 1];
    int tc = targetChunks();
    if (c < tc) {
      targets(c * CHUNK, Math.min(data.targets, (c + 1) * CHUNK), x, out, gradient);
    } else {
      int k = c - tc;
      creations(k * CHUNK, Math.min(data.creations, (k + 1) * CHUNK), x, out, gradient);
    }
    return out;
  }

  /**
   * A target only removed laws spoke to is scored as if no law did, which differs from those laws
   * at weight 0 where they named values that widen a support.
   */
  private void targets(int from, int to, double[] x, double[] out, boolean withGradient) {
    FitData d = data;
    int[] classStart = d.targetClassStart;
    int[] featStart = d.classFeatStart;
    int[] featLaw = d.featLaw;
    double[] featVal = d.featVal;
    double[] logMult = d.classLogMultiplicity;
    double[] logit = new double[16];
    double ll = 0;
    for (int t = from; t < to; t++) {
      int c0 = classStart[t];
      int c1 = classStart[t + 1];
      if (removed != null && onlyRemovedSpoke(featStart[c0], featStart[c1])) {
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
        eps = epsilon(x, d.targetChannels[ch0]);
      } else {
        double keep = 1;
        for (int k = ch0; k < ch1; k++) {
          keep *= 1 - epsilon(x, d.targetChannels[k]);
        }
        eps = 1 - keep;
      }
      double logPoe = logit[obs - c0] - logZ;
      double logMix = FloorChannels.mix(logPoe, eps, d.targetLogSize[t]);
      ll += count * logMix;
      if (withGradient) {
        // Share of the observed value's mass that the PoE (not the background) gives, times count.
        double weight = eps == 0 ? count : count * Math.exp(Math.log1p(-eps) + logPoe - logMix);
        for (int c = c0; c < c1; c++) {
          double p = weight * Math.exp(logit[c - c0] + logMult[c] - logZ);
          if (p > 1e-300 * count) {
            for (int k = featStart[c]; k < featStart[c + 1]; k++) {
              out[1 + featLaw[k]] -= p * featVal[k];
            }
          }
        }
        for (int k = featStart[obs]; k < featStart[obs + 1]; k++) {
          out[1 + featLaw[k]] += weight * featVal[k];
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
            out[1 + laws + channel] += dEps * others;
          }
        }
      }
    }
    out[0] = ll;
  }

  private double epsilon(double[] x, int channel) {
    return fixedEpsilon == null ? x[laws + channel] : fixedEpsilon[channel];
  }

  /** The creation targets' log-likelihood at x, with its gradient when asked. */
  private void creations(int from, int to, double[] x, double[] out, boolean withGradient) {
    FitData d = data;
    int channel = d.spawnChannel;
    double eps = epsilon(x, channel);
    double ll = 0;
    for (int t = from; t < to; t++) {
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
      if (withGradient) {
        double slope = count * CreationScore.slopeLogNo(logNo, eps, appeared, d.logUnexplained, lp);
        for (int e = e0; e < e1; e++) {
          int law = d.entryLaw[e];
          out[1 + law] += slope * logNot(x, e);
          int g = d.entryChance[e];
          if (g >= 0) {
            double s = d.entryShare[e];
            double c = Objective.chance(x[chanceBase + g]);
            out[1 + chanceBase + g] -= slope * x[law] * s * c * (1 - c) / (1 - s * c);
          }
        }
        if (fixedEpsilon == null) {
          out[1 + laws + channel] += count * CreationScore.slopeEpsilon(logNo, appeared, d.logUnexplained, lp);
        }
      }
    }
    out[0] = ll;
  }

  private double logNot(double[] x, int e) {
    int g = data.entryChance[e];
    return g < 0 ? data.entryLogNot[e] : Math.log1p(-data.entryShare[e] * Objective.chance(x[chanceBase + g]));
  }

  private boolean onlyRemovedSpoke(int from, int to) {
    for (int k = from; k < to; k++) {
      if (!removed[data.featLaw[k]]) {
        return false;
      }
    }
    return true;
  }
}
