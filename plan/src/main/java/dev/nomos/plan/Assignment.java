package dev.nomos.plan;

import java.util.Arrays;

/**
 * Minimum-cost assignment of rows to distinct columns (the Hungarian method with potentials,
 * O(rows² · columns)), for cost matrices with at most as many rows as columns. A cost of
 * {@link #NONE} forbids a pairing.
 */
final class Assignment {
  /** A forbidden pairing. */
  static final int NONE = Integer.MAX_VALUE;

  private Assignment() {}

  /** The least total cost of giving every row its own column, or {@link #NONE} when that is impossible. */
  static int minimumCost(int[][] cost, int columns) {
    int n = cost.length;
    if (n == 0) {
      return 0;
    }
    if (n > columns) {
      return NONE;
    }
    final long inf = Long.MAX_VALUE / 4;
    final long forbidden = 1L << 40;
    long[] u = new long[n + 1];
    long[] v = new long[columns + 1];
    int[] rowOf = new int[columns + 1];
    int[] way = new int[columns + 1];
    long[] min = new long[columns + 1];
    boolean[] used = new boolean[columns + 1];
    for (int i = 1; i <= n; i++) {
      rowOf[0] = i;
      int j0 = 0;
      Arrays.fill(min, inf);
      Arrays.fill(used, false);
      do {
        used[j0] = true;
        int i0 = rowOf[j0];
        long delta = inf;
        int j1 = 0;
        for (int j = 1; j <= columns; j++) {
          if (!used[j]) {
            int c = cost[i0 - 1][j - 1];
            long cur = (c == NONE ? forbidden : c) - u[i0] - v[j];
            if (cur < min[j]) {
              min[j] = cur;
              way[j] = j0;
            }
            if (min[j] < delta) {
              delta = min[j];
              j1 = j;
            }
          }
        }
        for (int j = 0; j <= columns; j++) {
          if (used[j]) {
            u[rowOf[j]] += delta;
            v[j] -= delta;
          } else {
            min[j] -= delta;
          }
        }
        j0 = j1;
      } while (rowOf[j0] != 0);
      do {
        int j1 = way[j0];
        rowOf[j0] = rowOf[j1];
        j0 = j1;
      } while (j0 != 0);
    }
    long total = 0;
    for (int j = 1; j <= columns; j++) {
      if (rowOf[j] != 0) {
        int c = cost[rowOf[j] - 1][j - 1];
        if (c == NONE) {
          return NONE;
        }
        total += c;
      }
    }
    return (int) Math.min(NONE - 1, total);
  }
}
