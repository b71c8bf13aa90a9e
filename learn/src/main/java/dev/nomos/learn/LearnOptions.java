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
 */
public record LearnOptions(int maxIterations, long maxLlmCalls, long maxTokens, Duration maxTime,
    int candidatesPerIteration, int surprisingPerIteration, int renderedPerIteration, double threshold,
    double initialWeight) {

  public LearnOptions {
    Objects.requireNonNull(maxTime, "maxTime");
    if (maxIterations < 0 || candidatesPerIteration <= 0 || surprisingPerIteration <= 0 || renderedPerIteration < 0) {
      throw new IllegalArgumentException("iterations must be >= 0 and candidate and transition counts positive");
    }
  }

  /** Defaults for the offline proposer: many cheap candidates per round. */
  public static LearnOptions enumerativeDefaults() {
    return new LearnOptions(20, 0, 0, Duration.ofMinutes(4), 120, 300, 8, -0.05, 1.0);
  }

  /** Defaults for LLM proposers: few, considered candidates per round. */
  public static LearnOptions llmDefaults() {
    return new LearnOptions(10, 40, 400_000, Duration.ofMinutes(20), 8, 40, 6, -0.05, 1.0);
  }

  public LearnOptions withMaxIterations(int n) {
    return new LearnOptions(n, maxLlmCalls, maxTokens, maxTime, candidatesPerIteration, surprisingPerIteration,
        renderedPerIteration, threshold, initialWeight);
  }

  public LearnOptions withMaxTime(Duration d) {
    return new LearnOptions(maxIterations, maxLlmCalls, maxTokens, d, candidatesPerIteration, surprisingPerIteration,
        renderedPerIteration, threshold, initialWeight);
  }

  public LearnOptions withLlmBudget(long calls, long tokens) {
    return new LearnOptions(maxIterations, calls, tokens, maxTime, candidatesPerIteration, surprisingPerIteration,
        renderedPerIteration, threshold, initialWeight);
  }

  public LearnOptions withCandidatesPerIteration(int n) {
    return new LearnOptions(maxIterations, maxLlmCalls, maxTokens, maxTime, n, surprisingPerIteration,
        renderedPerIteration, threshold, initialWeight);
  }
}
