package dev.nomos.stdlib;

import dev.nomos.runtime.Frame;
import dev.nomos.runtime.BoxContact;

/**
 * Box geometry between objects of one frame. Boxes are {@code [x, x+w) x [y, y+h)}; y grows
 * downwards. Two distinct objects touch when they overlap, or lie side by side (sharing rows or
 * columns) with a gap of at most the world's {@code contact_gap} (1 px by default; 0 suits grid
 * worlds whose objects are 1x1 cells). Diagonal neighbours do not touch; nothing touches itself.
 */
public final class Geometry {
  private Geometry() {}

  /** Whether the boxes of a and b overlap (share at least one pixel). */
  public static boolean overlap(Frame f, int a, int b) {
    if (a == b) {
      return false;
    }
    return f.x(a) < f.x(b) + f.w(b) && f.x(b) < f.x(a) + f.w(a)
        && f.y(a) < f.y(b) + f.h(b) && f.y(b) < f.y(a) + f.h(a);
  }

  /** Whether a and b are in contact (see the class comment). */
  public static boolean touching(Frame f, int a, int b) {
    return BoxContact.touching(f, a, b);
  }

  /**
   * The side of a that b touches, as a {@link Side} ordinal: the axis with the larger separation
   * decides; on overlap the smaller penetration decides. NONE when they do not touch.
   */
  public static int side(Frame f, int a, int b) {
    return BoxContact.side(f, a, b);
  }

  /** Percentage (0..100) of the touched side of a that b covers; 0 when they do not touch. */
  public static int cover(Frame f, int a, int b) {
    int s = side(f, a, b);
    if (s == Side.NONE.ordinal()) {
      return 0;
    }
    if (s == Side.TOP.ordinal() || s == Side.BOTTOM.ordinal()) {
      int covered = Math.min(f.x(a) + f.w(a), f.x(b) + f.w(b)) - Math.max(f.x(a), f.x(b));
      return percent(covered, f.w(a));
    }
    int covered = Math.min(f.y(a) + f.h(a), f.y(b) + f.h(b)) - Math.max(f.y(a), f.y(b));
    return percent(covered, f.h(a));
  }

  private static int percent(int covered, int length) {
    if (length <= 0) {
      return 100;
    }
    return Math.max(0, Math.min(100, covered * 100 / length));
  }

  /** Manhattan distance between the centres ({@code x + w/2}, {@code y + h/2}) of a and b. */
  public static int distance(Frame f, int a, int b) {
    return Math.abs(centreX(f, b) - centreX(f, a)) + Math.abs(centreY(f, b) - centreY(f, a));
  }

  /** Distance from a to the nearest other object of entity type {@code type} (-1: any type); -1 if there is none. */
  public static int nearestDistance(Frame f, int a, int type) {
    int n = nearest(f, a, type);
    return n < 0 ? -1 : distance(f, a, n);
  }

  /** Horizontal offset from a's centre to the centre of the nearest object of {@code type}; 0 if there is none. */
  public static int nearestDx(Frame f, int a, int type) {
    int n = nearest(f, a, type);
    return n < 0 ? 0 : centreX(f, n) - centreX(f, a);
  }

  /** Vertical offset from a's centre to the centre of the nearest object of {@code type}; 0 if there is none. */
  public static int nearestDy(Frame f, int a, int type) {
    int n = nearest(f, a, type);
    return n < 0 ? 0 : centreY(f, n) - centreY(f, a);
  }

  /** The nearest object of {@code type} other than a, by {@link #distance}; ties go to the lower id. -1 if none. */
  private static int nearest(Frame f, int a, int type) {
    int[] candidates = type < 0 ? f.all() : f.ofType(type);
    int best = -1;
    int bestDistance = Integer.MAX_VALUE;
    for (int c : candidates) {
      if (c == a) {
        continue;
      }
      int d = distance(f, a, c);
      if (d < bestDistance) {
        best = c;
        bestDistance = d;
      }
    }
    return best;
  }

  private static int centreX(Frame f, int o) {
    return f.x(o) + f.w(o) / 2;
  }

  private static int centreY(Frame f, int o) {
    return f.y(o) + f.h(o) / 2;
  }
}
