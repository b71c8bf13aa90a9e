package dev.nomos.learn.internal;

import dev.nomos.runtime.Frame;
import dev.nomos.runtime.WorldSchema;
import dev.nomos.stdlib.Side;
import java.util.ArrayList;
import java.util.List;

/**
 * Leaving the screen on the next step: an object whose box, moved by its velocity, reaches past an
 * edge of the screen (a missile flying off the top, a bomb falling past the bottom). Engines remove
 * such objects, and nothing touches them there to explain it; the miner offers "o leaves past the
 * top" (and each other edge it would cross) as a context of o's presence.
 */
final class ScreenExits {
  private ScreenExits() {}

  /** An edge object i would cross on the next step, and the condition that says so. */
  record Exit(Side side, String condition) {
    String name() {
      return "leaves_past_" + side.name().toLowerCase();
    }
  }

  /** The edges object i of frame a crosses when it moves by its velocity, in side order. */
  static List<Exit> of(WorldSchema schema, Frame a, int i) {
    List<Exit> out = new ArrayList<>();
    long x = (long) a.x(i) + a.vx(i);
    long y = (long) a.y(i) + a.vy(i);
    if (a.vy(i) < 0 && y < 0) {
      out.add(new Exit(Side.TOP, "o.y + o.vy < 0"));
    }
    if (a.vy(i) > 0 && y + a.h(i) > schema.screenHeight()) {
      out.add(new Exit(Side.BOTTOM, "o.y + o.vy + o.h > " + schema.screenHeight()));
    }
    if (a.vx(i) < 0 && x < 0) {
      out.add(new Exit(Side.LEFT, "o.x + o.vx < 0"));
    }
    if (a.vx(i) > 0 && x + a.w(i) > schema.screenWidth()) {
      out.add(new Exit(Side.RIGHT, "o.x + o.vx + o.w > " + schema.screenWidth()));
    }
    return out;
  }
}
