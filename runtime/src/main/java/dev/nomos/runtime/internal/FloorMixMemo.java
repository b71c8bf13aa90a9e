package dev.nomos.runtime.internal;

/**
 * Remembers {@link FloorChannels#mix(double, double, double, double)} for the (log-probability,
 * channel, log support size) it was last asked about in each of its slots, and answers a repeated
 * question from memory: the same value, bit for bit, without its {@code log1p} and {@code exp}. In a
 * frame of many objects most targets repeat a few situations exactly (an object no law moves, a
 * mover that keeps its velocity), so most questions are repeats. One per scoring thread.
 */
public final class FloorMixMemo {
  /** Slots, a power of two: enough for the distinct situations of a step of a few hundred objects. */
  private static final int SLOTS = 1024;

  private final double[] logKeep;
  private final double[] logEpsilon;
  private final long[] poeBits = new long[SLOTS];
  private final long[] sizeBits = new long[SLOTS];
  /** The channel of each slot, or -1 for a slot never filled. */
  private final int[] channel = new int[SLOTS];
  private final double[] mixed = new double[SLOTS];

  /** @param logKeep per channel, {@code log1p(-ε)}; @param logEpsilon per channel, {@code log ε} (ε > 0) */
  public FloorMixMemo(double[] logKeep, double[] logEpsilon) {
    this.logKeep = logKeep;
    this.logEpsilon = logEpsilon;
    java.util.Arrays.fill(channel, -1);
  }

  /** {@code FloorChannels.mix(logPoe, logKeep[c], logEpsilon[c], logSize)} for channel {@code c}. */
  public double mix(double logPoe, int c, double logSize) {
    long poe = Double.doubleToRawLongBits(logPoe);
    long size = Double.doubleToRawLongBits(logSize);
    long h = (poe ^ Long.rotateLeft(size, 21) ^ (long) c * 0x9E3779B97F4A7C15L) * 0xBF58476D1CE4E5B9L;
    int slot = (int) (h >>> 54) & (SLOTS - 1);
    if (channel[slot] == c && poeBits[slot] == poe && sizeBits[slot] == size) {
      return mixed[slot];
    }
    double value = FloorChannels.mix(logPoe, logKeep[c], logEpsilon[c], logSize);
    channel[slot] = c;
    poeBits[slot] = poe;
    sizeBits[slot] = size;
    mixed[slot] = value;
    return value;
  }
}
