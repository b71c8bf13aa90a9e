package dev.nomos.learn.internal;

import dev.nomos.runtime.Frame;
import dev.nomos.runtime.WorldSchema;
import java.util.ArrayList;
import java.util.List;

/**
 * Collisions on the next step: a moving object whose box, moved by its velocity, overlaps another
 * object's box as it stands (a missile flying into an alien, a bomb falling onto a base). Both often
 * vanish at t+1 without ever touching at t, since a step is larger than the gap between them, so a
 * contact at t does not explain it; the overlap one step ahead does. The miner offers "o hits a U"
 * and "a U hits o" as contexts of o's presence.
 */
final class Collisions {
  private Collisions() {}

  /** A type that object i hits, or that hits it, on the next step, and the condition that says so. */
  record Collision(String type, boolean hitting, String condition) {
    String name() {
      return (hitting ? "hits_" : "hit_by_") + type.toLowerCase();
    }
  }

  /** The collisions of object i of frame a, each type and direction once, in type order. */
  static List<Collision> of(WorldSchema schema, Frame a, int i) {
    List<Collision> out = new ArrayList<>();
    boolean moving = a.vx(i) != 0 || a.vy(i) != 0;
    for (var type : schema.types()) {
      boolean hits = false;
      boolean hitBy = false;
      for (int k : a.ofType(type.index())) {
        if (k == i) {
          continue;
        }
        hits |= moving && overlapsAfterStep(a, i, k);
        hitBy |= (a.vx(k) != 0 || a.vy(k) != 0) && overlapsAfterStep(a, k, i);
      }
      if (hits) {
        out.add(new Collision(type.name(), true, condition("o", "u", type.name())));
      }
      if (hitBy) {
        out.add(new Collision(type.name(), false, condition("u", "o", type.name())));
      }
    }
    return out;
  }

  /** Whether the box of {@code mover} moved by its velocity overlaps the box of {@code other}. */
  static boolean overlapsAfterStep(Frame a, int mover, int other) {
    long x = (long) a.x(mover) + a.vx(mover);
    long y = (long) a.y(mover) + a.vy(mover);
    return x < (long) a.x(other) + a.w(other) && a.x(other) < x + a.w(mover)
        && y < (long) a.y(other) + a.h(other) && a.y(other) < y + a.h(mover);
  }

  /** {@code exists u: T where} {@code mover} moves and its box moved by its velocity overlaps {@code other}'s. */
  private static String condition(String mover, String other, String type) {
    String x = mover + ".x + " + mover + ".vx";
    String y = mover + ".y + " + mover + ".vy";
    return "(exists u: " + type + " where (" + mover + ".vx != 0 or " + mover + ".vy != 0) and " + x + " < " + other + ".x + " + other + ".w and " + other + ".x < " + x
        + " + " + mover + ".w and " + y + " < " + other + ".y + " + other + ".h and " + other + ".y < " + y + " + "
        + mover + ".h)";
  }
}
