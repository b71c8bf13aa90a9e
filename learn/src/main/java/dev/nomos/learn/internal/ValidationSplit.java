package dev.nomos.learn.internal;

import dev.nomos.runtime.trajectory.Episode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits training episodes into a part to learn from and a later part to validate on,
 * deterministically. Whole episodes are held out when an episode boundary lies near the wanted
 * share (within half of it); otherwise the last transitions of the data are held out, cutting one
 * episode in two. The held-out tail keeps its frames' history links, so laws that read earlier
 * steps see the same history as in the whole episode.
 *
 * @param fit the episodes to learn from
 * @param validation the held-out episodes (empty when the data is too small to split)
 */
public record ValidationSplit(List<Episode> fit, List<Episode> validation) {

  public ValidationSplit {
    fit = List.copyOf(fit);
    validation = List.copyOf(validation);
  }

  /** Holds out about {@code fraction} of the transitions at the end of {@code episodes}. */
  public static ValidationSplit of(List<Episode> episodes, double fraction) {
    long total = episodes.stream().mapToLong(Episode::transitions).sum();
    long target = Math.round(total * fraction);
    if (target < 1 || target >= total) {
      return new ValidationSplit(episodes, List.of());
    }
    // The episode boundary whose held-out share is nearest the target.
    int bestBoundary = -1;
    long bestDistance = Long.MAX_VALUE;
    long held = 0;
    for (int k = episodes.size() - 1; k > 0; k--) {
      held += episodes.get(k).transitions();
      if (held >= total) {
        break;
      }
      long distance = Math.abs(held - target);
      if (distance < bestDistance) {
        bestDistance = distance;
        bestBoundary = k;
      }
    }
    if (bestBoundary > 0 && bestDistance * 2 <= target) {
      return new ValidationSplit(episodes.subList(0, bestBoundary), episodes.subList(bestBoundary, episodes.size()));
    }
    List<Episode> fit = new ArrayList<>();
    List<Episode> validation = new ArrayList<>();
    long remaining = target;
    int k = episodes.size() - 1;
    for (; k >= 0 && remaining > 0; k--) {
      Episode e = episodes.get(k);
      if (e.transitions() <= remaining) {
        validation.add(0, e);
        remaining -= e.transitions();
        continue;
      }
      int cut = (int) (e.transitions() - remaining);
      fit.add(0, new Episode(e.file(), e.number(), e.frames().subList(0, cut + 1),
          Arrays.copyOf(e.lines(), cut + 1), e.firstStep()));
      validation.add(0, new Episode(e.file(), e.number(), e.frames().subList(cut, e.frames().size()),
          Arrays.copyOfRange(e.lines(), cut, e.lines().length), e.firstStep() + cut));
      remaining = 0;
      k--;
      break;
    }
    for (; k >= 0; k--) {
      fit.add(0, episodes.get(k));
    }
    return new ValidationSplit(fit, validation);
  }
}
