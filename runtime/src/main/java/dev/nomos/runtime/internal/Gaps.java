package dev.nomos.runtime.internal;

/**
 * Values of an integer interval that lie outside a sorted list of disjoint excluded intervals
 * ({@code exLo[i]..exHi[i]} for {@code from <= i < to}, ascending): the values of a class that a few
 * other classes cut holes into.
 */
final class Gaps {
  private Gaps() {}

  /** The k-th value (from 0) of {@code lo..} that no excluded interval holds. */
  static int kth(int lo, int[] exLo, int[] exHi, int from, int to, long k) {
    long cursor = lo;
    for (int i = from; i < to; i++) {
      if (exHi[i] < cursor) {
        continue;
      }
      long gap = exLo[i] - cursor;
      if (gap > 0) {
        if (k < gap) {
          return (int) (cursor + k);
        }
        k -= gap;
      }
      cursor = Math.max(cursor, (long) exHi[i] + 1);
    }
    return (int) (cursor + k);
  }

  /** The value of {@code lo..hi} outside every excluded interval nearest to {@code now}, ties toward the smaller; the class must not be empty. */
  static int nearest(int lo, int hi, int[] exLo, int[] exHi, int from, int to, int now) {
    long start = Math.max(lo, Math.min(hi, now));
    long left = Long.MIN_VALUE;
    for (long v = start; v >= lo; ) {
      int i = holding(exLo, exHi, from, to, v);
      if (i < 0) {
        left = v;
        break;
      }
      v = (long) exLo[i] - 1;
    }
    long right = Long.MAX_VALUE;
    for (long v = start; v <= hi; ) {
      int i = holding(exLo, exHi, from, to, v);
      if (i < 0) {
        right = v;
        break;
      }
      v = (long) exHi[i] + 1;
    }
    if (left == Long.MIN_VALUE) {
      return (int) right;
    }
    if (right == Long.MAX_VALUE) {
      return (int) left;
    }
    return (int) (now - left <= right - now ? left : right);
  }

  private static int holding(int[] exLo, int[] exHi, int from, int to, long v) {
    int lo = from;
    int hi = to - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (exHi[mid] < v) {
        lo = mid + 1;
      } else if (exLo[mid] > v) {
        hi = mid - 1;
      } else {
        return mid;
      }
    }
    return -1;
  }
}
