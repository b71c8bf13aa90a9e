package dev.nomos.learn;

import java.util.List;

/**
 * Checks candidate law text against the world being learned, in candidate mode (holes {@code ?}
 * allowed). Used by LLM proposers to decide what to send back for repair, and by the learning loop.
 */
public interface CandidateChecker {

  /**
   * Checks source text holding any number of law declarations.
   *
   * @return the text of every law that checked clean, and the diagnostics of the rest
   */
  Result check(String source);

  /**
   * @param laws the source text of each law that checked clean, in source order
   * @param diagnostics the diagnostics of the laws that did not, rendered with codes, positions
   *     and carets; empty when everything checked clean
   */
  record Result(List<String> laws, String diagnostics) {
    public Result {
      laws = List.copyOf(laws);
    }

    public boolean clean() {
      return diagnostics.isEmpty();
    }
  }
}
