package dev.nomos.runtime;

import java.util.List;
import java.util.Objects;

/**
 * A declared entity type. Every object has the built-in slots x, y, w, h ({@link Slots}); the
 * type's extra attributes follow at slots {@code Slots.FIRST_EXTRA + k}.
 */
public record EntityType(String name, int index, List<AttributeSpec> extras) {

  public EntityType {
    Objects.requireNonNull(name, "name");
    extras = List.copyOf(extras);
  }

  /** Number of int slots an object of this type stores. */
  public int slotCount() {
    return Slots.FIRST_EXTRA + extras.size();
  }

  /** The slot of the named attribute (built-in or extra), or -1 if the type has none. */
  public int slotOf(String attribute) {
    int builtIn = Slots.builtIn(attribute);
    if (builtIn >= 0) {
      return builtIn;
    }
    for (int k = 0; k < extras.size(); k++) {
      if (extras.get(k).name().equals(attribute)) {
        return Slots.FIRST_EXTRA + k;
      }
    }
    return -1;
  }

  /** The spec of the extra attribute at {@code slot}; {@code slot >= Slots.FIRST_EXTRA}. */
  public AttributeSpec extraAt(int slot) {
    return extras.get(slot - Slots.FIRST_EXTRA);
  }
}
