package dev.nomos.runtime.model;

import java.util.List;

/**
 * Why a model scored one observed transition (t to t+1) as it did: its log-likelihood and every target
 * whose most likely prediction is wrong or whose observed value had a probability below the threshold
 * asked for, in frame order (the world's reward and end first, then the objects of t, then creations).
 * {@link Inference#explain} makes one.
 */
public record TransitionExplanation(double logLikelihood, List<TargetExplanation> targets) {

  public TransitionExplanation {
    targets = List.copyOf(targets);
  }

  /** The targets whose most likely prediction is wrong. */
  public long wrongTargets() {
    return targets.stream().filter(TargetExplanation::wrong).count();
  }
}
