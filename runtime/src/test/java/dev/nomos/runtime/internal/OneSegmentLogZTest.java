package dev.nomos.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The one-segment normaliser is the general sum over a part's segments for a single segment, bit for
 * bit, whether remembered or worked out.
 */
class OneSegmentLogZTest {
  /** The inference's sum over any number of segments (logit, length), shifted by the largest term, with u values at 0. */
  private static double generalLogZ(double[] logits, long[] lengths, long unmentioned) {
    double max = unmentioned > 0 ? 0 : Double.NEGATIVE_INFINITY;
    for (int s = 0; s < logits.length; s++) {
      max = Math.max(max, logits[s] + (lengths[s] == 1 ? Math.log(1.0) : Math.log((double) lengths[s])));
    }
    double sum = unmentioned > 0 ? unmentioned * Math.exp(-max) : 0;
    for (int s = 0; s < logits.length; s++) {
      sum += (double) lengths[s] * Math.exp(logits[s] - max);
    }
    return max + Math.log(sum);
  }

  @Test
  void everyAnswerIsTheGeneralSumBitForBitWhetherRememberedOrWorkedOut() {
    OneSegmentLogZ memo = new OneSegmentLogZ();
    Random random = new Random(5);
    double[] recurring = {0.0, -0.0, 2.5, -1e-9, 7.25, -30.0, 1e3};
    long[] lengths = {1, 1, 2, 9, 4096};
    for (int i = 0; i < 20_000; i++) {
      double logit = random.nextInt(3) == 0 ? 40 * random.nextDouble() - 20 : recurring[random.nextInt(recurring.length)];
      long length = lengths[random.nextInt(lengths.length)];
      long unmentioned = random.nextInt(4) == 0 ? 0 : random.nextInt(random.nextBoolean() ? 8 : 100_000);
      double expected = generalLogZ(new double[] {logit}, new long[] {length}, unmentioned);
      assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(memo.of(logit, length, unmentioned)),
          "logit " + logit + ", length " + length + ", unmentioned " + unmentioned);
    }
  }

  @Test
  void questionsThatDifferOnlyInLengthOrUnmentionedValuesAreAnsweredApart() {
    OneSegmentLogZ memo = new OneSegmentLogZ();
    double a = memo.of(3.0, 1, 6);
    double b = memo.of(3.0, 2, 6);
    double c = memo.of(3.0, 1, 0);
    assertEquals(Math.log(6 + Math.exp(3.0)), a, 1e-12);
    assertEquals(Math.log(6 + 2 * Math.exp(3.0)), b, 1e-12);
    assertEquals(3.0, c, 1e-12);
  }
}
