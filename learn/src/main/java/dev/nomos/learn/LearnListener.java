package dev.nomos.learn;

/** Hears what the loop is doing, for progress on a terminal. */
public interface LearnListener {
  LearnListener NONE = new LearnListener() {};

  /** A phase of an iteration started: "scoring", "proposing", "fitting", "evaluating". */
  default void phase(int iteration, String phase) {}

  default void iterationDone(IterationReport report) {}

  /** What the proposer said about its proposal (failed calls, answers without laws, duplicates). */
  default void proposed(int iteration, Proposal proposal) {}

  /** A candidate was rejected: it did not check or compile, its holes could not be filled, or it was never right. */
  default void rejected(int iteration, String candidate, String reason) {}
}
