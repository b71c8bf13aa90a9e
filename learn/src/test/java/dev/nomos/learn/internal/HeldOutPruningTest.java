package dev.nomos.learn.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

/** Backward elimination on held-out data: laws that cost are removed, laws that help or are silent stay. */
class HeldOutPruningTest {
  private static final int HELPS = 0;
  private static final int COSTS = 1;
  private static final int SILENT = 2;
  private static final int TWIN_A = 3;
  private static final int TWIN_B = 4;
  private static final int COSTS_LITTLE = 5;

  /**
   * A held-out score: the helping law is worth 1, the costly ones cost 0.5 and 0.1, the silent one
   * nothing, and the twins say the same (either is worth 0.3, both together no more, and together
   * they overshoot by 0.05).
   */
  private static double score(boolean[] removed) {
    double s = -5;
    if (!removed[HELPS]) {
      s += 1;
    }
    if (!removed[COSTS]) {
      s -= 0.5;
    }
    if (!removed[COSTS_LITTLE]) {
      s -= 0.1;
    }
    int twins = (removed[TWIN_A] ? 0 : 1) + (removed[TWIN_B] ? 0 : 1);
    s += twins == 0 ? 0 : twins == 1 ? 0.3 : 0.25;
    return s;
  }

  @Test
  void removesWhatCostsAndOneOfTwoTwinsKeepsTheRest() {
    boolean[] removed = HeldOutPruning.removals(6, HeldOutPruningTest::score);
    // The twins tie on what removing each alone gains, so the first goes; the second then helps.
    assertArrayEquals(new boolean[] {false, true, false, true, false, true}, removed);
  }

  @Test
  void aModelWithNothingToGainKeepsEveryLaw() {
    boolean[] removed = HeldOutPruning.removals(3, r -> (r[0] ? 0 : 1) + (r[1] ? 0 : 2) + (r[2] ? 0 : 0.5));
    assertArrayEquals(new boolean[3], removed);
  }

  @Test
  void aLawThatOnlyCostsOnceItsPartnerIsGoneIsRemovedInALaterSweep() {
    // Law 1 costs 0.4 alone, but law 0 (which costs 1) makes it worth 0.2 while both are in.
    boolean[] removed = HeldOutPruning.removals(2, r -> {
      double s = 0;
      if (!r[0]) {
        s -= 1;
      }
      if (!r[1]) {
        s += r[0] ? -0.4 : 0.2;
      }
      return s;
    });
    assertArrayEquals(new boolean[] {true, true}, removed);
  }
}
