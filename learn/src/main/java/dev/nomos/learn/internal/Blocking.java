package dev.nomos.learn.internal;

import dev.nomos.learn.ActionDirections;
import dev.nomos.learn.Transition;
import dev.nomos.runtime.Frame;
import dev.nomos.runtime.WorldSchema;
import dev.nomos.stdlib.Geometry;
import dev.nomos.stdlib.Side;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BinaryOperator;

/**
 * Which types stop a mover's step: a type U blocks a type T when no T ever overlaps a U and objects
 * of T that touch a U on a side never step toward that side, and the data shows they could have:
 * where U is still (no U ever moves), T steps elsewhere beside a U often enough (a monster beside a
 * wall never walks into it); where U moves too, a T driven toward a U it touches was seen to stay
 * (a box pushed against a box stays, and so does the box it was pushed against). A U that moves
 * is not an obstacle on the first kind of evidence: a car beside a car that never happened to drive
 * into it does not show that it could not. Objects that others pass into are never obstacles. A
 * random mover that picks a blocked
 * direction stays where it is, so its steps are written with the blocking in them
 * ({@code o.vx := if (exists w: wall where side(o, w) == RIGHT) then 0 else 1}) and its choice's
 * frequencies are those of what it tried, not of what it did. Read off the data, nothing assumed.
 */
final class Blocking {
  /** Steps elsewhere beside a U, at least, before a still U counts as blocking. */
  private static final int MIN_ASIDE = 3;
  /** Stays of a T driven toward a U it touches, at least, before a moving U counts as blocking. */
  private static final int MIN_STOPS = 2;

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

  /**
   * @param directions the actions' directions: an object of their type, or one it pushes from
   *     behind, is driven toward the action's side
   */
  static Blocking infer(WorldSchema schema, List<Transition> transitions, ActionDirections directions) {
    int n = schema.types().size();
    int[][] into = new int[n][n];
    int[][] aside = new int[n][n];
    int[][] stopped = new int[n][n];
    int driver = directions.isEmpty() || schema.type(directions.type()) == null ? -1 : schema.type(directions.type()).index();
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
          if (driver >= 0 && a.action() >= 0) {
            countStop(a, i, directions.sideOf(a.action()), driver, stopped);
          }
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
        boolean shown = moves[u] ? stopped[m][u] >= MIN_STOPS : aside[m][u] >= MIN_ASIDE;
        blocks[m][u] = moves[m] && into[m][u] == 0 && !overlaps[m][u] && shown;
      }
    }
    return new Blocking(schema, blocks);
  }

  /**
   * Counts, for object i that stayed under an action toward {@code side}, the types touching it on
   * that side, when i was driven that way: of the driver's type, or touched by a driver on the
   * opposite side (pushed from behind).
   */
  private static void countStop(Frame a, int i, int side, int driver, int[][] stopped) {
    if (side == Side.NONE.ordinal()) {
      return;
    }
    boolean driven = a.type(i) == driver;
    int behind = Side.values()[side].opposite().ordinal();
    for (int k : a.ofType(driver)) {
      if (!driven && k != i && Geometry.side(a, i, k) == behind) {
        driven = true;
      }
    }
    if (!driven) {
      return;
    }
    boolean[] seen = new boolean[stopped.length];
    for (int k : a.all()) {
      if (k != i && !seen[a.type(k)] && Geometry.side(a, i, k) == side) {
        seen[a.type(k)] = true;
        stopped[a.type(i)][a.type(k)]++;
      }
    }
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
