package dev.nomos.runtime;

/**
 * An {@link OpinionSink} that takes the opinions of several laws in one call
 * ({@link FusibleLaw#applyAll}): before each law's opinions it is told whose they are.
 */
public interface GroupSink extends OpinionSink {
  /** The opinions that follow, until the next call, are those of the model's law {@code index}. */
  void law(int index);
}
