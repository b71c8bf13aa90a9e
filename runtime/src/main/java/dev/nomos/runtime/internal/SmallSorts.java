package dev.nomos.runtime.internal;

import java.util.Arrays;

/**
 * The sorts of a step's short arrays: a target's interval ends and keys, an object's contact
 * candidates, a type's left edges from the last frame's order. For so few values, or values
 * nearly in order, an insertion sort is several times faster than the library's general sort, which
 * takes over beyond that.
 */
final class SmallSorts {
  private SmallSorts() {}

  /** Sorts {@code a[from, to)} ascending, by insertion while there are at most 32. */
  static void ints(int[] a, int from, int to) {
    if (to - from > 32) {
      Arrays.sort(a, from, to);
      return;
    }
    for (int i = from + 1; i < to; i++) {
      int v = a[i];
      int j = i - 1;
      while (j >= from && a[j] > v) {
        a[j + 1] = a[j];
        j--;
      }
      a[j + 1] = v;
    }
  }

  /** Sorts {@code a[0, n)} ascending, by insertion while there are at most 48. */
  static void longs(long[] a, int n) {
    if (n > 48) {
      Arrays.sort(a, 0, n);
      return;
    }
    insertion(a, n, Long.MAX_VALUE);
  }

  /**
   * Sorts {@code a[0, n)}, an order that moved a little since it was last sorted (objects that
   * overtook one another are a few steps out of place): by insertion, in time linear in n, while it
   * moves at most 8n entries; when the order has changed more than that (a shuffle, a new scene),
   * the library's sort finishes.
   */
  static void nearlySorted(long[] a, int n) {
    if (!insertion(a, n, 8L * n)) {
      Arrays.sort(a, 0, n);
    }
  }

  /** Insertion-sorts {@code a[0, n)} unless that moves more than {@code moves} entries: then false, a partly sorted. */
  private static boolean insertion(long[] a, int n, long moves) {
    for (int i = 1; i < n; i++) {
      long v = a[i];
      int j = i - 1;
      while (j >= 0 && a[j] > v) {
        a[j + 1] = a[j];
        j--;
      }
      a[j + 1] = v;
      moves -= i - 1 - j;
      if (moves < 0) {
        return false;
      }
    }
    return true;
  }
}
