package dev.nomos.learn;

/**
 * What one round of the loop did.
 *
 * @param iteration 1-based; 0 is the starting model
 * @param surprising transitions below the threshold before proposing
 * @param proposed candidates the proposer returned
 * @param rejected candidates that did not check or compile, or whose holes could not be filled
 * @param duplicates candidates already in the model or tried before (by canonical form)
 * @param accepted new laws still in the model after the fit
 * @param pruned laws dropped by the fit (weight at or below the prune threshold)
 * @param laws laws in the model after the round
 * @param trainNll mean negative log-likelihood per training transition after the round (with
 *     model selection: per transition of the part learned from)
 * @param test held-out metrics after the round, or null without test data
 * @param llmCalls model calls in this round
 * @param tokens model tokens in this round
 * @param seconds wall-clock time of the round
 * @param stage {@link #LOOP} (the loop on all training data), {@link #SELECT} (the loop on the
 *     training data less its validation part) or {@link #REFIT} (the chosen model refitted on all
 *     training data; {@code iteration} is the chosen round)
 * @param lambda the L1 penalty the round's fit used
 * @param validation metrics on the held-out validation part of the training data, or null
 */
public record IterationReport(int iteration, int surprising, int proposed, int rejected, int duplicates, int accepted,
    int pruned, int laws, double trainNll, TestMetrics test, long llmCalls, long tokens, double seconds,
    String stage, double lambda, TestMetrics validation) {

  public static final String LOOP = "loop";
  public static final String SELECT = "select";
  public static final String REFIT = "refit";

  /** A round of the loop on all the training data, without validation. */
  public IterationReport(int iteration, int surprising, int proposed, int rejected, int duplicates, int accepted,
      int pruned, int laws, double trainNll, TestMetrics test, long llmCalls, long tokens, double seconds) {
    this(iteration, surprising, proposed, rejected, duplicates, accepted, pruned, laws, trainNll, test, llmCalls,
        tokens, seconds, LOOP, Double.NaN, null);
  }

  /** Held-out metrics. */
  public record TestMetrics(long transitions, double nllPerTransition, double exactFrameAccuracy,
      double attributeAccuracy) {}
}
