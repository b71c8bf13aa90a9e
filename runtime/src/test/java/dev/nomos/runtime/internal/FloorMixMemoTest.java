package dev.nomos.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The memo answers every question exactly as {@link FloorChannels#mix} does, repeated or not. */
class FloorMixMemoTest {
  @Test
  void everyAnswerIsTheMixBitForBitWhetherRememberedOrWorkedOut() {
    double[] eps = {1e-5, 0.25, 1e-12};
    double[] logKeep = new double[eps.length];
    double[] logEps = new double[eps.length];
    for (int c = 0; c < eps.length; c++) {
      logKeep[c] = Math.log1p(-eps[c]);
      logEps[c] = Math.log(eps[c]);
    }
    FloorMixMemo memo = new FloorMixMemo(logKeep, logEps);
    Random random = new Random(11);
    // A few situations asked again and again among many one-off ones, so that slots are both hit and overwritten.
    double[] recurring = {0.0, -0.0, -1e-9, -0.6931471805599453, -3.5, -40.0, Double.NEGATIVE_INFINITY};
    for (int i = 0; i < 20_000; i++) {
      double poe = random.nextInt(3) == 0 ? -50 * random.nextDouble() : recurring[random.nextInt(recurring.length)];
      int channel = random.nextInt(eps.length);
      double logSize = Math.log(1 + random.nextInt(random.nextBoolean() ? 4 : 5000));
      double expected = FloorChannels.mix(poe, logKeep[channel], logEps[channel], logSize);
      assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(memo.mix(poe, channel, logSize)),
          "poe " + poe + ", channel " + channel + ", log size " + logSize);
    }
  }

  @Test
  void theSameQuestionUnderAnotherChannelIsNotAnsweredFromTheFirst() {
    double[] logKeep = {Math.log1p(-1e-5), Math.log1p(-0.5)};
    double[] logEps = {Math.log(1e-5), Math.log(0.5)};
    FloorMixMemo memo = new FloorMixMemo(logKeep, logEps);
    double first = memo.mix(-2.0, 0, Math.log(10));
    double second = memo.mix(-2.0, 1, Math.log(10));
    assertEquals(FloorChannels.mix(-2.0, logKeep[0], logEps[0], Math.log(10)), first, 0.0);
    assertEquals(FloorChannels.mix(-2.0, logKeep[1], logEps[1], Math.log(10)), second, 0.0);
  }
}
