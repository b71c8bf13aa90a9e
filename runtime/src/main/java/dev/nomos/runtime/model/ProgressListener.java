package dev.nomos.runtime.model;

/** Told how far a long job (evaluation, precompute, fitting) has come; called from the working thread. */
@FunctionalInterface
public interface ProgressListener {
  ProgressListener NONE = (done, total) -> { };

  /** {@code done} of {@code total} units are finished. */
  void progress(long done, long total);
}
