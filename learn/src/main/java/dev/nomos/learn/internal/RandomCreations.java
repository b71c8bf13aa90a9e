package dev.nomos.learn.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Creations at random: a spawn candidate whose context held far more often than the creation
 * followed (a bomb below an alien, a car at a lane's entry) is a creation with a probability, not a
 * certain one. Its variant states the same place {@code with probability fitted}, so that fitting
 * finds the rate. The variant is right wherever the creation happened and says nothing wrong where
 * it did not (it said it may not happen), so its precision is 1 and its support the creations it
 * explains; fitting, not the miner, weighs its misses.
 *
 * <p>Many contexts and nearby objects explain the same creations at some rate, so only the best are
 * kept: per created type, the {@link #PER_TYPE} variants that save the most nats against leaving
 * the creations unexplained. A creation seen k times where its context held n times (rate r = k / n)
 * saves about {@code k (log(W H) + log r) - k} nats: each creation costs {@code -log r} instead of
 * a uniform placement on the screen, and the misses cost about {@code n r = k} together.
 */
final class RandomCreations {
  /** A creation that follows its context less often than this is random. */
  static final double CERTAIN_RATE = 0.5;
  /** Random creations proposed per created type. */
  static final int PER_TYPE = 2;

  private final double logScreen;
  private final Map<String, List<Scored>> byType = new HashMap<>();

  private record Scored(Candidate variant, double gain) {}

  /** @param logScreen log of the screen's area: what an unexplained new object costs */
  RandomCreations(double logScreen) {
    this.logScreen = logScreen;
  }

  /** Whether a creation seen {@code happened} times where its context held {@code held} times is random. */
  static boolean random(int happened, int held) {
    return happened < held && happened < CERTAIN_RATE * held;
  }

  /** Considers a spawn candidate whose context held {@code held} times. */
  void consider(Candidate certain, int held) {
    if (!random(certain.correct, held)) {
      return;
    }
    double rate = (double) certain.correct / held;
    double gain = certain.correct * (logScreen + Math.log(rate) - 1);
    if (gain > 0) {
      byType.computeIfAbsent(certain.created(), t -> new ArrayList<>()).add(new Scored(variant(certain), gain));
    }
  }

  /** The best variants of each created type, best first. */
  List<Candidate> best() {
    List<Candidate> out = new ArrayList<>();
    for (List<Scored> scored : byType.values()) {
      scored.sort(Comparator.comparingDouble(Scored::gain).reversed()
          .thenComparingInt(s -> s.variant().conditions())
          .thenComparing(s -> s.variant().body()));
      for (int k = 0; k < Math.min(PER_TYPE, scored.size()); k++) {
        out.add(scored.get(k).variant());
      }
    }
    return out;
  }

  /** The candidate as a creation with a fitted probability. */
  static Candidate variant(Candidate certain) {
    Candidate c = new Candidate(certain.draft().withFittedProbability(), certain.nameHint() + "_at_random", certain.group,
        "random|" + certain.contextKey(), Facing.NONE, false);
    c.correct = certain.correct;
    c.correctWhereWrong = certain.correctWhereWrong;
    c.applicable = certain.correct;
    return c;
  }
}
