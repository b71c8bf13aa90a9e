package dev.nomos.learn.internal;

import dev.nomos.runtime.Frame;
import dev.nomos.runtime.Slots;
import dev.nomos.runtime.WorldSchema;
import java.util.ArrayList;
import java.util.List;

/**
 * Jumps to another object's place: an object that moves further than the velocity range in one
 * step and lands on the coordinate of an object of another type (a player sent back to a start
 * marker, a piece carried to its exit) gets {@code o.x := w.x}. Partners are the objects of types
 * with at most two objects, as for the miner's offset templates, so the law names one place.
 */
final class Teleports {
  /** A partner type whose coordinate the object landed on. */
  record Partner(String type, String effect) {}

  private Teleports() {}

  /** Partners of object i of frame a whose coordinate on {@code slot} (X or Y) is where it stands in b. */
  static List<Partner> partners(WorldSchema schema, Frame a, Frame b, int i, int j, int slot) {
    List<Partner> out = new ArrayList<>();
    String axis = slot == Slots.X ? "x" : "y";
    for (int u : a.all()) {
      if (a.type(u) == a.type(i) || a.ofType(a.type(u)).length > 2 || a.get(u, slot) != b.get(j, slot)) {
        continue;
      }
      Partner p = new Partner(schema.type(a.type(u)).name(), "o." + axis + " := w." + axis);
      if (!out.contains(p)) {
        out.add(p);
      }
    }
    return out;
  }
}
