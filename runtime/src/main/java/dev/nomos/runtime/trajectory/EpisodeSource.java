package dev.nomos.runtime.trajectory;

/**
 * Episodes handed out one at a time, so that a pass over a recording holds only the episodes being
 * worked on (fit's precompute, eval).
 */
@FunctionalInterface
public interface EpisodeSource {
  /** The next episode, or null at the end. */
  Episode next();
}
