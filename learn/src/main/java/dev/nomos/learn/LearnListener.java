package dev.nomos.learn;

import java.util.Map;

/** Hears what the loop is doing, for progress on a terminal. */
public interface LearnListener {
  LearnListener NONE = new LearnListener() {};

  /** A phase of an iteration started: "scoring", "proposing", "fitting", "evaluating". */
  default void phase(int iteration, String phase) {}

  default void iterationDone(IterationReport report) {}

  /** What the proposer said about its proposal (failed calls, answers without laws, duplicates). */
  default void proposed(int iteration, Proposal proposal) {}

  /**
   * The fit merged laws whose opinions were identical on the training data: each key was dropped in
   * favour of the law it maps to. Called after every fit, with an empty map when nothing merged.
   */
  default void merged(int iteration, Map<String, String> merged) {}

  /** A candidate was rejected: it did not check or compile, its holes could not be filled, or it was never right. */
  default void rejected(int iteration, String candidate, String reason) {}
}
