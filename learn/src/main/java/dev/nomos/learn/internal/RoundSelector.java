package dev.nomos.learn.internal;

import java.util.Comparator;
import java.util.List;

/**
 * Chooses among the models of a learning run (one per round and L1 penalty) by how well they
 * predict held-out validation data: the lowest negative log-likelihood per transition, then the
 * highest per-attribute accuracy on moving objects, then the fewest laws, then the earliest.
 *
 * <p>The likelihood comes first because it is a proper score that grades every transition, where
 * accuracy on a few hundred held-out attribute values moves in coarse steps and often saturates
 * (many rounds predict every held-out value right and tie).
 */
public final class RoundSelector {

  /** One model's validation figures. */
  public record Scored(double lambda, int round, int laws, double attributeAccuracy, double nllPerTransition) {}

  private static final Comparator<Scored> BETTER_FIRST = Comparator
      .comparingDouble((Scored s) -> Double.isNaN(s.nllPerTransition()) ? Double.POSITIVE_INFINITY
          : s.nllPerTransition())
      .thenComparing(Comparator.comparingDouble((Scored s) -> Double.isNaN(s.attributeAccuracy())
          ? Double.NEGATIVE_INFINITY : s.attributeAccuracy()).reversed())
      .thenComparingInt(Scored::laws)
      .thenComparingInt(Scored::round);

  private RoundSelector() {}

  /** The index of the best candidate in {@code candidates} (the first of equals). */
  public static int best(List<Scored> candidates) {
    if (candidates.isEmpty()) {
      throw new IllegalArgumentException("no candidates to choose from");
    }
    int best = 0;
    for (int k = 1; k < candidates.size(); k++) {
      if (BETTER_FIRST.compare(candidates.get(k), candidates.get(best)) < 0) {
        best = k;
      }
    }
    return best;
  }
}
