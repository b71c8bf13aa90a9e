package dev.nomos.learn;

import dev.nomos.runtime.Law;

/**
 * The learner's view of the compiler: law source text in, against the world being learned, a
 * runnable law (or the diagnostics) out, with the law's canonical text for deduplication.
 */
public interface LawCompiler extends CandidateChecker {

  /**
   * Compiles one law declaration (no holes).
   *
   * @return the law and its canonical text, or the rendered diagnostics
   */
  Compiled compile(String lawSource);

  /** The outcome of compiling one law: {@code law} is null exactly when {@code diagnostics} is non-empty. */
  record Compiled(Law law, String canonical, String diagnostics) {
    public boolean ok() {
      return law != null;
    }
  }
}
