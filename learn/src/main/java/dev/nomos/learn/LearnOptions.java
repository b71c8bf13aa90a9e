package dev.nomos.learn;

import java.time.Duration;
import java.util.Objects;

/**
 * The learning loop's budget and knobs.
 *
 * @param maxIterations propose-fit rounds at most
 * @param maxLlmCalls model calls at most over the whole run
 * @param maxTokens model tokens (input and output) at most over the whole run
 * @param maxTime wall-clock time at most; the loop stops between iterations
 * @param candidatesPerIteration how many candidate laws to ask a proposer for
 * @param surprisingPerIteration how many of the worst-explained transitions go to the proposer
 * @param renderedPerIteration how many of those are rendered as text (what an LLM reads)
 * @param threshold a transition whose log-likelihood under the model is below this is unexplained
 * @param initialWeight the weight a new law starts its fit with
 * @param selection how the round and the L1 penalty are chosen on held-out training data
 * @param mergeIdentical whether every fit merges laws whose opinions are identical on the training
 *     data into the first of them (smaller models; off by default, because laws that agree on the
 *     training data can disagree on a new level, and the merge keeps only one of them)
 * @param threads how many threads the learner works on at most (the runs of model selection, the
 *     candidates' checks and the scoring of the training data are shared among them); the learned
 *     model is the same on any number of threads as long as the time budget is not reached
 */
public record LearnOptions(int maxIterations, long maxLlmCalls, long maxTokens, Duration maxTime,
    int candidatesPerIteration, int surprisingPerIteration, int renderedPerIteration, double threshold,
    double initialWeight, ModelSelection selection, boolean mergeIdentical, int threads) {

  public LearnOptions {
    Objects.requireNonNull(maxTime, "maxTime");
    Objects.requireNonNull(selection, "selection");
    if (maxIterations < 0 || candidatesPerIteration <= 0 || surprisingPerIteration <= 0 || renderedPerIteration < 0) {
      throw new IllegalArgumentException("iterations must be >= 0 and candidate and transition counts positive");
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, got " + threads);
    }
  }

  /** Options that work on every core. */
  public LearnOptions(int maxIterations, long maxLlmCalls, long maxTokens, Duration maxTime,
      int candidatesPerIteration, int surprisingPerIteration, int renderedPerIteration, double threshold,
      double initialWeight, ModelSelection selection, boolean mergeIdentical) {
    this(maxIterations, maxLlmCalls, maxTokens, maxTime, candidatesPerIteration, surprisingPerIteration,
        renderedPerIteration, threshold, initialWeight, selection, mergeIdentical,
        Runtime.getRuntime().availableProcessors());
  }

  /** Options that do not merge laws with identical opinions. */
  public LearnOptions(int maxIterations, long maxLlmCalls, long maxTokens, Duration maxTime,
      int candidatesPerIteration, int surprisingPerIteration, int renderedPerIteration, double threshold,
      double initialWeight, ModelSelection selection) {
    this(maxIterations, maxLlmCalls, maxTokens, maxTime, candidatesPerIteration, surprisingPerIteration,
        renderedPerIteration, threshold, initialWeight, selection, false);
  }

  /** Options without model selection: the last round on all the training data is the model. */
  public LearnOptions(int maxIterations, long maxLlmCalls, long maxTokens, Duration maxTime,
      int candidatesPerIteration, int surprisingPerIteration, int renderedPerIteration, double threshold,
      double initialWeight) {
    this(maxIterations, maxLlmCalls, maxTokens, maxTime, candidatesPerIteration, surprisingPerIteration,
        renderedPerIteration, threshold, initialWeight, ModelSelection.OFF);
  }

  /**
   * Defaults for the offline proposer: many cheap candidates per round, and the round and L1
   * penalty chosen on a held-out fifth of the training data.
   */
  public static LearnOptions enumerativeDefaults() {
    return new LearnOptions(20, 0, 0, Duration.ofMinutes(4), 120, 300, 8, -0.05, 1.0, ModelSelection.defaults());
  }

  /**
   * Defaults for LLM proposers: few, considered candidates per round; no model selection, since
   * every run of the loop costs model calls and a held-out part would hide evidence from the model.
   */
  public static LearnOptions llmDefaults() {
    return new LearnOptions(10, 40, 400_000, Duration.ofMinutes(20), 8, 40, 6, -0.05, 1.0, ModelSelection.OFF);
  }

  public LearnOptions withSelection(ModelSelection s) {
    return new LearnOptions(maxIterations, maxLlmCalls, maxTokens, maxTime, candidatesPerIteration,
        surprisingPerIteration, renderedPerIteration, threshold, initialWeight, s, mergeIdentical, threads);
  }

  public LearnOptions withMaxIterations(int n) {
    return new LearnOptions(n, maxLlmCalls, maxTokens, maxTime, candidatesPerIteration, surprisingPerIteration,
        renderedPerIteration, threshold, initialWeight, selection, mergeIdentical, threads);
  }

  public LearnOptions withMaxTime(Duration d) {
    return new LearnOptions(maxIterations, maxLlmCalls, maxTokens, d, candidatesPerIteration, surprisingPerIteration,
        renderedPerIteration, threshold, initialWeight, selection, mergeIdentical, threads);
  }

  public LearnOptions withLlmBudget(long calls, long tokens) {
    return new LearnOptions(maxIterations, calls, tokens, maxTime, candidatesPerIteration, surprisingPerIteration,
        renderedPerIteration, threshold, initialWeight, selection, mergeIdentical, threads);
  }

  public LearnOptions withCandidatesPerIteration(int n) {
    return new LearnOptions(maxIterations, maxLlmCalls, maxTokens, maxTime, n, surprisingPerIteration,
        renderedPerIteration, threshold, initialWeight, selection, mergeIdentical, threads);
  }

  public LearnOptions withMergeIdentical(boolean merge) {
    return new LearnOptions(maxIterations, maxLlmCalls, maxTokens, maxTime, candidatesPerIteration,
        surprisingPerIteration, renderedPerIteration, threshold, initialWeight, selection, merge, threads);
  }

  /** At most {@code n} threads (at least 1). */
  public LearnOptions withThreads(int n) {
    return new LearnOptions(maxIterations, maxLlmCalls, maxTokens, maxTime, candidatesPerIteration,
        surprisingPerIteration, renderedPerIteration, threshold, initialWeight, selection, mergeIdentical, n);
  }
}
