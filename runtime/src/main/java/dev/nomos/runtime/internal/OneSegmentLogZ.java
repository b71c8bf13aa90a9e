package dev.nomos.runtime.internal;

/**
 * The log normaliser of a target whose laws name one segment of its support (the usual case: a mover
 * keeps its velocity, a wall stays put), remembered per (segment logit, segment length, values no law
 * names) in each of its slots. In a frame of hundreds of objects most targets repeat a few such
 * situations exactly, so most questions are answered from memory: the same value, bit for bit,
 * without an {@code exp} and a {@code log}. One per inference thread.
 */
public final class OneSegmentLogZ {
  /** Slots, a power of two: enough for the distinct situations of a step of a few hundred objects. */
  private static final int SLOTS = 1024;
  private static final double LOG_ONE = Math.log(1.0);

  private final long[] logitBits = new long[SLOTS];
  private final long[] lengths = new long[SLOTS];
  /** The unmentioned count of each slot, or -1 for a slot never filled. */
  private final long[] unmentioned = new long[SLOTS];
  private final double[] logZ = new double[SLOTS];

  public OneSegmentLogZ() {
    java.util.Arrays.fill(unmentioned, -1);
  }

  /** {@link #compute}, from memory when asked before. */
  public double of(double logit, long length, long unmentionedValues) {
    long bits = Double.doubleToRawLongBits(logit);
    long h = (bits ^ Long.rotateLeft(length, 17) ^ unmentionedValues * 0x9E3779B97F4A7C15L) * 0xBF58476D1CE4E5B9L;
    int slot = (int) (h >>> 54) & (SLOTS - 1);
    if (unmentioned[slot] == unmentionedValues && logitBits[slot] == bits && lengths[slot] == length) {
      return logZ[slot];
    }
    double value = compute(logit, length, unmentionedValues);
    logitBits[slot] = bits;
    lengths[slot] = length;
    unmentioned[slot] = unmentionedValues;
    logZ[slot] = value;
    return value;
  }

  /**
   * {@code log(u + length * exp(logit))}, shifted by the larger term as the inference shifts every
   * part's sum, in the same operations, so that it equals the general sum over one segment bit for bit.
   */
  public static double compute(double logit, long length, long unmentionedValues) {
    double max = unmentionedValues > 0 ? 0 : Double.NEGATIVE_INFINITY;
    max = Math.max(max, logit + (length == 1 ? LOG_ONE : Math.log((double) length)));
    double sum = unmentionedValues > 0 ? unmentionedValues * Math.exp(-max) : 0;
    sum += (double) length * Math.exp(logit - max);
    return max + Math.log(sum);
  }
}
