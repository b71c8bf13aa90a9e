package dev.nomos.learn.internal;

import dev.nomos.stdlib.Side;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Moves counted toward the four sides per key (a heading's value, an action), read as one side per
 * key: what heading inference and action-direction inference both look for.
 */
final class SideVotes {
  /** Share of a key's moves that must go toward its side, and of all moves that must agree. */
  static final double AGREEMENT = 0.9;
  /** Moves a key needs before its side counts. */
  static final int MIN_MOVES = 2;

  private SideVotes() {}

  /** One side per key, and how many moves went toward those sides. */
  record Sides(TreeMap<Integer, Integer> byKey, int agreeing) {}

  /**
   * The side of each key whose moves (at least {@link #MIN_MOVES}) go toward one side with
   * {@link #AGREEMENT}, or null when two keys share a side, fewer than two keys have one, or the keys
   * without a clear side hold too many of the moves. {@code counts} maps each key to its moves per
   * side ({@link Side} order); keys are read in ascending order.
   */
  static Sides read(Map<Integer, int[]> counts) {
    TreeMap<Integer, Integer> sides = new TreeMap<>();
    Set<Integer> used = new HashSet<>();
    int total = 0;
    int agreeing = 0;
    for (Map.Entry<Integer, int[]> e : new TreeMap<>(counts).entrySet()) {
      int[] c = e.getValue();
      int n = c[0] + c[1] + c[2] + c[3];
      total += n;
      int side = 0;
      for (int s = 1; s < 4; s++) {
        if (c[s] > c[side]) {
          side = s;
        }
      }
      if (n < MIN_MOVES || c[side] < AGREEMENT * n) {
        continue;
      }
      if (!used.add(side)) {
        return null;
      }
      sides.put(e.getKey(), side);
      agreeing += c[side];
    }
    if (sides.size() < 2 || agreeing < AGREEMENT * total) {
      return null;
    }
    return new Sides(sides, agreeing);
  }

  /** The side a move along exactly one axis goes toward, or -1 for no move or a diagonal one. */
  static int sideOfMove(int dx, int dy) {
    if (dx != 0 && dy == 0) {
      return dx > 0 ? Side.RIGHT.ordinal() : Side.LEFT.ordinal();
    }
    if (dy != 0 && dx == 0) {
      return dy > 0 ? Side.BOTTOM.ordinal() : Side.TOP.ordinal();
    }
    return -1;
  }

  /** The most frequent step length (the first of equals), 1 when there were none. */
  static int usualStep(Map<Integer, Integer> steps) {
    int best = 1;
    int bestCount = 0;
    for (Map.Entry<Integer, Integer> e : steps.entrySet()) {
      if (e.getValue() > bestCount) {
        best = e.getKey();
        bestCount = e.getValue();
      }
    }
    return best;
  }
}
