package dev.nomos.learn.internal;

/**
 * Creations at random: a spawn candidate whose context held far more often than the creation
 * followed (a bomb below an alien, a car at a lane's entry) is a creation with a probability, not a
 * certain one. Its variant states the same place {@code with probability fitted}, so that fitting
 * finds the rate. The variant is right wherever the creation happened and says nothing wrong where
 * it did not (it said it may not happen), so its precision is 1 and its support the creations it
 * explains; fitting, not the miner, weighs its misses.
 */
final class RandomCreations {
  /** A creation that follows its context less often than this is random. */
  static final double CERTAIN_RATE = 0.5;

  private RandomCreations() {}

  /** Whether a creation seen {@code happened} times where its context held {@code held} times is random. */
  static boolean random(int happened, int held) {
    return happened < held && happened < CERTAIN_RATE * held;
  }

  /** The candidate as a creation with a fitted probability. */
  static Miner.Candidate variant(Miner.Candidate certain) {
    String body = certain.body.substring(0, certain.body.lastIndexOf("\n}")) + " with probability fitted\n}";
    Miner.Candidate c = new Miner.Candidate(body, certain.nameHint + "_at_random", certain.group,
        "random|" + certain.contextKey, Miner.Facing.NONE, false);
    c.correct = certain.correct;
    c.correctWhereWrong = certain.correctWhereWrong;
    c.applicable = certain.correct;
    return c;
  }
}
