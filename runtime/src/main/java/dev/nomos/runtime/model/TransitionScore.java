package dev.nomos.runtime.model;

import dev.nomos.runtime.trajectory.Episode;

/**
 * The log-likelihood of one observed transition: from frame {@code step} of {@code episode} to the
 * next. {@link #location()} points at the record of frame t ({@code file:line}).
 */
public record TransitionScore(Episode episode, int step, double logLikelihood) {

  public String location() {
    return episode.location(step);
  }
}
