package dev.nomos.learn.internal;

import dev.nomos.runtime.trajectory.Episode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits training episodes into a part to learn from and a part to validate on, deterministically,
 * so that the held-out part is a fair sample of the whole recording: every k-th episode when there
 * are enough episodes for that (k = 1 / fraction, rounded), otherwise every k-th block of a few
 * consecutive transitions, spread over every episode. A held-out tail would only show how the
 * recording ends (a monster killed early is absent from it, so nothing said about that monster is
 * ever tested). A held-out block keeps its frames' history links, so laws that read earlier steps
 * see the same history as in the whole episode; consecutive blocks learned from stay one piece.
 *
 * @param fit the episodes and pieces of episodes to learn from
 * @param validation the held-out episodes and pieces (empty when the data is too small to split)
 */
public record ValidationSplit(List<Episode> fit, List<Episode> validation) {
  /** About this many blocks per held-out one over the data, whatever its length. */
  private static final int BLOCKS_PER_STRIDE = 10;
  /** Fewer transitions than this in a block would validate little more than the next step of training data. */
  private static final int MIN_BLOCK = 5;

  public ValidationSplit {
    fit = List.copyOf(fit);
    validation = List.copyOf(validation);
  }

  /** Holds out about {@code fraction} of the transitions of {@code episodes}. */
  public static ValidationSplit of(List<Episode> episodes, double fraction) {
    long total = episodes.stream().mapToLong(Episode::transitions).sum();
    long target = Math.round(total * fraction);
    if (target < 1 || target >= total) {
      return new ValidationSplit(episodes, List.of());
    }
    int stride = Math.max(2, (int) Math.round(1 / fraction));
    ValidationSplit wholeEpisodes = everyKthEpisode(episodes, stride);
    long held = wholeEpisodes.validation().stream().mapToLong(Episode::transitions).sum();
    if (!wholeEpisodes.validation().isEmpty() && Math.abs(held - target) * 2 <= target) {
      return wholeEpisodes;
    }
    int block = (int) Math.max(MIN_BLOCK, Math.ceil(total / (double) (BLOCKS_PER_STRIDE * stride)));
    return everyKthBlock(episodes, stride, block);
  }

  private static ValidationSplit everyKthEpisode(List<Episode> episodes, int stride) {
    List<Episode> fit = new ArrayList<>();
    List<Episode> validation = new ArrayList<>();
    for (int k = 0; k < episodes.size(); k++) {
      (k % stride == stride - 1 ? validation : fit).add(episodes.get(k));
    }
    return new ValidationSplit(fit, validation);
  }

  /**
   * Cuts each episode into blocks of {@code block} transitions (its last one shorter), counts the
   * blocks over all episodes and holds out every {@code stride}-th, the first never: the start of
   * the recording is learned from.
   */
  private static ValidationSplit everyKthBlock(List<Episode> episodes, int stride, int block) {
    List<Episode> fit = new ArrayList<>();
    List<Episode> validation = new ArrayList<>();
    int counted = 0;
    for (Episode e : episodes) {
      int n = e.transitions();
      if (n == 0) {
        continue;
      }
      int pieceStart = 0;
      boolean pieceHeld = false;
      for (int from = 0; from < n; from += block) {
        boolean held = counted++ % stride == stride - 1;
        if (from > 0 && held != pieceHeld) {
          (pieceHeld ? validation : fit).add(piece(e, pieceStart, from));
          pieceStart = from;
        }
        pieceHeld = held;
      }
      (pieceHeld ? validation : fit).add(piece(e, pieceStart, n));
    }
    return new ValidationSplit(fit, validation);
  }

  /** Transitions {@code from} to {@code to} (exclusive) of {@code e}, as an episode of their own. */
  private static Episode piece(Episode e, int from, int to) {
    if (from == 0 && to == e.transitions()) {
      return e;
    }
    return new Episode(e.file(), e.number(), e.frames().subList(from, to + 1),
        Arrays.copyOfRange(e.lines(), from, to + 1), e.firstStep() + from);
  }
}
