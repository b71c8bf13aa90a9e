package dev.nomos.worlds.internal;

import dev.nomos.runtime.trajectory.ObjectState;
import java.util.Map;

/**
 * A mutable axis-aligned box with a stable id: the unit every simulator moves. Two bodies touch
 * when they overlap or share an edge; boxes that meet only at a corner do not touch. That is the
 * stdlib's {@code touching(a, b)} in a world declared with {@code contact_gap 0}, so every rule
 * stated with it can be written as a law.
 */
public final class Body {
  public final int id;
  public final String type;
  public int x;
  public int y;
  public final int w;
  public final int h;

  public Body(int id, String type, int x, int y, int w, int h) {
    this.id = id;
    this.type = type;
    this.x = x;
    this.y = y;
    this.w = w;
    this.h = h;
  }

  public int right() {
    return x + w;
  }

  public int bottom() {
    return y + h;
  }

  /** Empty columns between the two boxes; zero or less when they share an edge or overlap horizontally. */
  public int gapX(Body o) {
    return Math.max(o.x - right(), x - o.right());
  }

  /** Empty rows between the two boxes; zero or less when they share an edge or overlap vertically. */
  public int gapY(Body o) {
    return Math.max(o.y - bottom(), y - o.bottom());
  }

  public boolean touches(Body o) {
    int gx = gapX(o);
    int gy = gapY(o);
    return (gx <= 0 && gy < 0) || (gy <= 0 && gx < 0);
  }

  /** Whether the two boxes share at least one cell: the stdlib's {@code overlap(a, b)}. */
  public boolean overlaps(Body o) {
    return overlapsX(o) && y < o.bottom() && o.y < bottom();
  }

  /** Whether the two boxes share at least one column. */
  public boolean overlapsX(Body o) {
    return x < o.right() && o.x < right();
  }

  /** Whether cell (cx, cy) lies inside this box. */
  public boolean contains(int cx, int cy) {
    return cx >= x && cx < right() && cy >= y && cy < bottom();
  }

  public ObjectState state() {
    return ObjectState.of(id, type, x, y, w, h);
  }

  public ObjectState state(Map<String, Object> attributes) {
    return new ObjectState(id, type, x, y, w, h, attributes);
  }
}
