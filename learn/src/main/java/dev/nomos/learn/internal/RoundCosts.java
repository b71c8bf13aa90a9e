package dev.nomos.learn.internal;

import dev.nomos.runtime.Deadline;

/**
 * What the phases of the learning loop cost in one run, measured as they happen, to decide how many
 * candidates a round can take and how much time the work after the loop needs. A round's cost is
 * dominated by running laws over transitions: the precompute before the fit runs every law on every
 * training transition, and evaluating runs them on the validation and test data (log-likelihood and
 * most likely prediction, about twice a precompute's work per transition). Scoring the training data
 * measures the current laws' share; each candidate's run on the transitions that prompted it, scaled
 * to the training data, estimates its own. That first run of freshly generated code is slower than
 * the precompute's, so the estimate is corrected by the ratio measured at the last precompute.
 */
public final class RoundCosts {
  /** Evaluating a transition does about this many precomputes' work (likelihood plus prediction). */
  private static final double EVALUATION_WORK = 2;

  private final int train;
  private final double evaluationShare;
  private double scoring;
  private double pending;
  private int admitted;
  private int prompting;
  private double precompute;
  private double optimise;
  private double testing;
  private boolean testCut;
  /** Measured precompute time over its estimate from the candidates' checks (1 until measured). */
  private double correction;

  /** Sizes, in transitions, of the data learned from, validated on and tested on. */
  public RoundCosts(int train, int validation, int test) {
    this(train, validation, test, 1);
  }

  /** As {@link #RoundCosts(int, int, int)}, starting from a correction measured in an earlier run. */
  public RoundCosts(int train, int validation, int test, double correction) {
    this.train = Math.max(1, train);
    this.evaluationShare = EVALUATION_WORK * (validation + test) / this.train;
    this.correction = correction;
  }

  /** The measured ratio of precompute time to its estimate, for the next run on the same data. */
  public double correction() {
    return correction;
  }

  /** Scoring the training data with the current laws took {@code seconds}. */
  public void scored(double seconds) {
    scoring = seconds;
  }

  /** Candidates are about to be admitted; they were checked on {@code promptingTransitions}. */
  public void startAdmitting(int promptingTransitions) {
    prompting = Math.max(1, promptingTransitions);
    pending = scoring;
    admitted = 0;
  }

  /** A candidate was admitted; running it on the prompting transitions took {@code checkSeconds}. */
  public void admitted(double checkSeconds) {
    pending += checkSeconds * train / prompting;
    admitted++;
  }

  /**
   * Whether one more candidate (costing about the average of those admitted so far) still lets the
   * round's precompute, fit and evaluations end by {@code until}.
   */
  public boolean roomForAnother(Deadline until) {
    double next = admitted == 0 ? 0 : (pending - scoring) / admitted;
    double round = (scoring + (pending - scoring + next) * correction) * (1 + evaluationShare) + optimise;
    return !until.wouldPass(round);
  }

  /** The last fit's precompute and optimisation took these many seconds. */
  public void fitted(double precomputeSeconds, double optimiseSeconds) {
    precompute = precomputeSeconds;
    optimise = optimiseSeconds;
    double estimated = pending - scoring;
    if (admitted > 0 && estimated > 0) {
      correction = Math.max(0, precomputeSeconds - scoring) / estimated;
      admitted = 0;
    }
  }

  /** Evaluating the test data took {@code seconds}; {@code cut} when the deadline ended it. */
  public void tested(double seconds, boolean cut) {
    testing = seconds;
    testCut |= cut;
  }

  /** Whether a test evaluation ran out of time (the run should end: its rounds no longer fit). */
  public boolean testCut() {
    return testCut;
  }

  /**
   * Seconds the work after the loop needs: refitting the last fitted laws on {@code refitScale}
   * times this run's training data (0: no refit), and evaluating the test data once.
   */
  public double reserve(double refitScale) {
    return (precompute + optimise) * refitScale + testing;
  }
}
