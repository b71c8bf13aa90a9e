package dev.nomos.learn.internal;

import dev.nomos.runtime.Deadline;

/**
 * What the phases of the learning loop cost in one run, measured as they happen, to decide how many
 * candidates a round can take and how much time the work after the loop needs. A round's cost is
 * dominated by running laws over transitions: the precompute before the fit runs every law on every
 * training transition, and evaluating runs them on the validation and test data (log-likelihood and
 * most likely prediction, about twice a precompute's work per transition). Scoring the training data
 * measures the current laws' share; each candidate's run on the transitions that prompted it, scaled
 * to the training data, estimates its own.
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

  /** Sizes, in transitions, of the data learned from, validated on and tested on. */
  public RoundCosts(int train, int validation, int test) {
    this.train = Math.max(1, train);
    this.evaluationShare = EVALUATION_WORK * (validation + test) / this.train;
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
    double round = (pending + next) * (1 + evaluationShare) + optimise;
    return !until.wouldPass(round);
  }

  /** The last fit's precompute and optimisation took these many seconds. */
  public void fitted(double precomputeSeconds, double optimiseSeconds) {
    precompute = precomputeSeconds;
    optimise = optimiseSeconds;
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
