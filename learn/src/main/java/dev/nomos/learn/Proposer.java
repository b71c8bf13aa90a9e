package dev.nomos.learn;

/**
 * Proposes candidate laws that could explain transitions the current model explains badly. A
 * proposer never throws for a bad answer or an unreachable model: it returns what it has and says
 * why in {@link Proposal#notes()}, so that the learning loop can go on.
 */
public interface Proposer {

  /** A short name for reports: {@code enumerative}, {@code openai:gpt-4o-mini}, ... */
  String name();

  Proposal propose(ProposalRequest request);

  /**
   * As {@link #propose(ProposalRequest)}, free to share its work over the learner's threads; the
   * proposal must be the same as on one thread.
   */
  default Proposal propose(ProposalRequest request, dev.nomos.runtime.Parallelism workers) {
    return propose(request);
  }

  /** Whether proposing calls a model, so that the loop's call and token budget applies. */
  default boolean callsModels() {
    return false;
  }
}
