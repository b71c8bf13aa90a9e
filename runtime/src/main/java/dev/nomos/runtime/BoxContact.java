package dev.nomos.runtime;

/**
 * Whether two objects of a frame touch and on which side: the contact test of the stdlib's
 * {@code Geometry.touching} and {@code Geometry.side}, which call these, kept in the runtime so that
 * {@link Frame#contacts} can work out the side of every candidate pair once per frame. Boxes are
 * {@code [x, x+w) x [y, y+h)}, y growing downwards; the side constants are the ordinals of the
 * stdlib's {@code Side} (a stdlib test holds them equal).
 */
public final class BoxContact {
  public static final int TOP = 0;
  public static final int BOTTOM = 1;
  public static final int LEFT = 2;
  public static final int RIGHT = 3;
  /** Not touching. */
  public static final int NONE = 4;

  private BoxContact() {}

  /**
   * Whether a and b touch: distinct, and overlapping or side by side (sharing rows or columns) with a
   * gap of at most the world's contact gap.
   */
  public static boolean touching(Frame f, int a, int b) {
    if (a == b) {
      return false;
    }
    int tolerance = f.schema().contactGap();
    int gapX = gap(f.x(a), f.w(a), f.x(b), f.w(b));
    int gapY = gap(f.y(a), f.h(a), f.y(b), f.h(b));
    return (gapX <= tolerance && gapY < 0) || (gapY <= tolerance && gapX < 0);
  }

  /**
   * The side of a that b touches: the axis with the larger separation decides; on overlap the
   * smaller penetration decides. {@link #NONE} when they do not touch.
   */
  public static int side(Frame f, int a, int b) {
    if (!touching(f, a, b)) {
      return NONE;
    }
    int ax = f.x(a), ay = f.y(a), aw = f.w(a), ah = f.h(a);
    int bx = f.x(b), by = f.y(b), bw = f.w(b), bh = f.h(b);
    // Penetration depth of b into each side of a (negative: a gap on that side).
    int fromTop = by + bh - ay;
    int fromBottom = ay + ah - by;
    int fromLeft = bx + bw - ax;
    int fromRight = ax + aw - bx;
    int vertical = Math.min(fromTop, fromBottom);
    int horizontal = Math.min(fromLeft, fromRight);
    if (vertical <= horizontal) {
      return fromTop <= fromBottom ? TOP : BOTTOM;
    }
    return fromLeft <= fromRight ? LEFT : RIGHT;
  }

  /** Gap between intervals [p, p+lp) and [q, q+lq): positive when apart, 0 when adjacent, negative on overlap. */
  private static int gap(int p, int lp, int q, int lq) {
    return Math.max(q - (p + lp), p - (q + lq));
  }
}
