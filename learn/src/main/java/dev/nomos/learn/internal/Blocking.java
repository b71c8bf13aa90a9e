package dev.nomos.learn.internal;

import dev.nomos.learn.Transition;
import dev.nomos.runtime.Frame;
import dev.nomos.runtime.WorldSchema;
import dev.nomos.stdlib.Geometry;
import dev.nomos.stdlib.Side;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BinaryOperator;

/**
 * Which types stop a mover's step: a type U blocks a type T when U is solid and still (no U ever
 * moves, no T ever overlaps a U) and objects of T that touch a U on a side never step toward that
 * side, while they do step elsewhere often enough to show that they could have (a monster beside a
 * wall never walks into it). Objects that move, or that others pass into, are not obstacles. A random mover that picks a blocked
 * direction stays where it is, so its steps are written with the blocking in them
 * ({@code o.vx := if (exists w: wall where side(o, w) == RIGHT) then 0 else 1}) and its choice's
 * frequencies are those of what it tried, not of what it did. Read off the data, nothing assumed.
 */
final class Blocking {
  /** Steps elsewhere beside a U, at least, before U counts as blocking. */
  private static final int MIN_ASIDE = 3;

  private final WorldSchema schema;
  private final boolean[][] blocks;
  /** Per mover type, whether anything blocks it: most types (walls) never move, and are not looked at. */
  private final boolean[] blocked;

  private Blocking(WorldSchema schema, boolean[][] blocks) {
    this.schema = schema;
    this.blocks = blocks;
    this.blocked = new boolean[blocks.length];
    for (int m = 0; m < blocks.length; m++) {
      for (boolean b : blocks[m]) {
        blocked[m] |= b;
      }
    }
  }

  static Blocking infer(WorldSchema schema, List<Transition> transitions) {
    int n = schema.types().size();
    int[][] into = new int[n][n];
    int[][] aside = new int[n][n];
    boolean[] moves = new boolean[n];
    boolean[][] overlaps = new boolean[n][n];
    for (Transition t : transitions) {
      Frame a = t.before();
      Frame b = t.after();
      for (int i : a.all()) {
        int j = b.indexOfId(a.id(i));
        if (j < 0) {
          continue;
        }
        int dx = b.x(j) - a.x(i);
        int dy = b.y(j) - a.y(i);
        if (dx == 0 && dy == 0) {
          continue;
        }
        moves[a.type(i)] = true;
        for (int k : a.all()) {
          if (Geometry.overlap(a, i, k)) {
            overlaps[a.type(i)][a.type(k)] = true;
          }
        }
        int toward = sideOfStep(dx, dy);
        if (toward == Side.NONE.ordinal()) {
          continue;
        }
        for (int k : a.all()) {
          int side = k == i ? Side.NONE.ordinal() : Geometry.side(a, i, k);
          if (side == Side.NONE.ordinal()) {
            continue;
          }
          if (side == toward) {
            into[a.type(i)][a.type(k)]++;
          } else {
            aside[a.type(i)][a.type(k)]++;
          }
        }
      }
    }
    boolean[][] blocks = new boolean[n][n];
    for (int m = 0; m < n; m++) {
      for (int u = 0; u < n; u++) {
        blocks[m][u] = into[m][u] == 0 && aside[m][u] >= MIN_ASIDE && !moves[u] && !overlaps[m][u];
      }
    }
    return new Blocking(schema, blocks);
  }

  /** The side a step of one axis moves toward, or NONE for no step or a diagonal one. */
  static int sideOfStep(int vx, int vy) {
    if (vx != 0 && vy != 0 || vx == 0 && vy == 0) {
      return Side.NONE.ordinal();
    }
    if (vx != 0) {
      return (vx > 0 ? Side.RIGHT : Side.LEFT).ordinal();
    }
    return (vy > 0 ? Side.BOTTOM : Side.TOP).ordinal();
  }

  /** The types that block {@code mover}, in type order. */
  List<String> blockers(int mover) {
    List<String> out = new ArrayList<>();
    for (int u = 0; u < blocks[mover].length; u++) {
      if (blocks[mover][u]) {
        out.add(schema.types().get(u).name());
      }
    }
    return out;
  }

  /** The sides of object i of frame a on which a blocker of its type touches it, as a bit mask of Side ordinals. */
  int blockedSides(Frame a, int i) {
    int mask = 0;
    if (!blocked[a.type(i)]) {
      return mask;
    }
    for (int k : a.all()) {
      if (k != i && blocks[a.type(i)][a.type(k)]) {
        int side = Geometry.side(a, i, k);
        if (side != Side.NONE.ordinal()) {
          mask |= 1 << side;
        }
      }
    }
    return mask;
  }

  /**
   * "A blocker touches the mover where {@code where} says": {@code (exists w: wall where ((o.dir ==
   * RIGHT and side(o, w) == RIGHT) or ...)) or ...}, one term per blocking type.
   *
   * @param where the condition on (mover, other) naming the side, such as "o faces w"
   */
  static String blockedText(List<String> blockers, BinaryOperator<String> where) {
    List<String> terms = new ArrayList<>();
    for (String u : blockers) {
      terms.add("(exists w: " + u + " where " + where.apply("o", "w") + ")");
    }
    return String.join(" or ", terms);
  }
}
