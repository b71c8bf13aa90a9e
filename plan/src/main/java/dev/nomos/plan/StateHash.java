package dev.nomos.plan;

import dev.nomos.runtime.Frame;

/**
 * A 64-bit hash of a frame's state as {@link StateKeys} sees it (the multiset of objects, each by
 * type, slots and, unless positions only, velocity; ids aside), computed in one pass without
 * sorting: the sum of a mixed hash per object, so the order of objects does not matter. Searches
 * that keep millions of states store these instead of keys; two different states share a hash with
 * probability about 2<sup>-64</sup> per pair (about n<sup>2</sup>/2<sup>65</sup> among n states),
 * and such a collision would make the search drop one of them.
 */
final class StateHash {
  private StateHash() {}

  static long of(Frame frame, boolean positionsOnly) {
    long sum = 0;
    for (int o = 0; o < frame.size(); o++) {
      sum += object(frame, o, positionsOnly);
    }
    return sum;
  }

  /** The hash of one object's tuple. */
  static long object(Frame frame, int o, boolean positionsOnly) {
    long h = 0x9E3779B97F4A7C15L * (frame.type(o) + 1);
    int slots = frame.schema().type(frame.type(o)).slotCount();
    for (int s = 0; s < slots; s++) {
      h = mix(h ^ frame.get(o, s));
    }
    if (!positionsOnly) {
      h = mix(h ^ (frame.vx(o) + 31L * frame.vy(o)));
    }
    return mix(h);
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 33)) * 0xFF51AFD7ED558CCDL;
    z = (z ^ (z >>> 33)) * 0xC4CEB9FE1A85EC53L;
    return z ^ (z >>> 33);
  }
}
