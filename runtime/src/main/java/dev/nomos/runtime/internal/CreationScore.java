package dev.nomos.runtime.internal;

/**
 * The probability of one creation target and the log-likelihood of what was observed there, from
 * {@code L = log P(no law creates here)} ({@link Creations#logNoCreation}), the spawn channel's
 * floor ε and the log-probability {@code log u} of an unexplained new object (a uniform placement).
 *
 * <ul>
 *   <li>The laws create an object with {@code P = (1 - ε)(1 - e^L)}: the floor mixes in "nothing is
 *       created" with weight ε, so that a creation the laws are sure of costs at most {@code -log ε}
 *       when it does not happen.</li>
 *   <li>An object appears: {@code log(P + (1 - P) u)}, the laws' creation or, failing it, the
 *       uniform placement that any unexplained new object costs; so it never costs more than an
 *       unexplained one.</li>
 *   <li>Nothing appears: {@code log(1 - P) = log(ε + (1 - ε) e^L)}.</li>
 * </ul>
 * With every weight 0, {@code L = 0} and {@code P = 0}: the target costs nothing when nothing
 * appears and exactly the uniform placement when something does, as if no law had spoken.
 */
public final class CreationScore {
  private CreationScore() {}

  /** The probability that an object appears at the target. */
  public static double probability(double logNo, double eps) {
    return -(1 - eps) * Math.expm1(logNo);
  }

  /** The log-likelihood of the observation. */
  public static double logLikelihood(double logNo, double eps, boolean appeared, double logU) {
    if (appeared) {
      double p = probability(logNo, eps);
      return Math.log(p + (1 - p) * Math.exp(logU));
    }
    return eps == 0 ? logNo : FloorChannels.mix(logNo, eps, 0);
  }

  /** {@code ∂ logLikelihood / ∂L}. */
  public static double slopeLogNo(double logNo, double eps, boolean appeared, double logU, double logLikelihood) {
    double stay = Math.exp(Math.log1p(-eps) + logNo - logLikelihood);
    return appeared ? -(1 - Math.exp(logU)) * stay : stay;
  }

  /** {@code ∂ logLikelihood / ∂ε}. */
  public static double slopeEpsilon(double logNo, boolean appeared, double logU, double logLikelihood) {
    double created = -Math.expm1(logNo) * Math.exp(-logLikelihood);
    return appeared ? -(1 - Math.exp(logU)) * created : created;
  }
}
