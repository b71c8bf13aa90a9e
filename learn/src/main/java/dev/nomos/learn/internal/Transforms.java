package dev.nomos.learn.internal;

import dev.nomos.runtime.Frame;
import dev.nomos.runtime.WorldSchema;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Objects that turn into others: one vanishes and at t+1 a new object (of another type, or a fresh
 * one of its own) stands exactly where it stood. One law says both, {@code destroy o} and
 * {@code spawn T at (o.x, o.y)}, under the contexts of the object that vanished (a contact, an
 * action), so the creation is tied to the cause of the vanishing rather than left unexplained.
 */
final class Transforms {
  private Transforms() {}

  /** "o becomes a {@code type}": the effect that says so. */
  record Transform(String type, String effect) {}

  /** The transforms of object i of frame a, which is gone from b: one per type new at its place. */
  static List<Transform> of(WorldSchema schema, Frame a, Frame b, int i) {
    Set<String> types = new LinkedHashSet<>();
    for (int j : b.all()) {
      if (a.indexOfId(b.id(j)) < 0 && b.x(j) == a.x(i) && b.y(j) == a.y(i)) {
        types.add(schema.type(b.type(j)).name());
      }
    }
    List<Transform> out = new ArrayList<>();
    for (String t : types) {
      out.add(new Transform(t, "destroy o\n  spawn " + t + " at (o.x, o.y)"));
    }
    return out;
  }
}
