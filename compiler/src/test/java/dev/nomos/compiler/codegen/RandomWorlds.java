package dev.nomos.compiler.codegen;

import dev.nomos.runtime.AttributeSpec;
import dev.nomos.runtime.EntityType;
import dev.nomos.runtime.Frame;
import dev.nomos.runtime.WorldSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random small worlds and random frames with history, dense enough that contacts, overlaps,
 * appearing and vanishing objects and missing history all happen often.
 */
final class RandomWorlds {
  private RandomWorlds() {}

  static WorldSchema schema(Random r) {
    int typeCount = 1 + r.nextInt(4);
    List<EntityType> types = new ArrayList<>();
    for (int t = 0; t < typeCount; t++) {
      List<AttributeSpec> extras = new ArrayList<>();
      int extraCount = r.nextInt(3);
      for (int k = 0; k < extraCount; k++) {
        switch (r.nextInt(3)) {
          case 0 -> extras.add(AttributeSpec.ofInt("i" + k, -5 + r.nextInt(3), 5 + r.nextInt(10)));
          case 1 -> extras.add(AttributeSpec.ofBool("b" + k));
          default -> extras.add(AttributeSpec.ofSymbols("s" + k, List.of("a", "b", "c").subList(0, 1 + r.nextInt(3))));
        }
      }
      types.add(new EntityType("T" + t, t, extras));
    }
    List<String> actions = new ArrayList<>();
    int actionCount = 1 + r.nextInt(5);
    for (int a = 0; a < actionCount; a++) {
      actions.add("A" + a);
    }
    return new WorldSchema("W", 24, 24, -4, 4, actions, types, r.nextInt(3));
  }

  /**
   * A frame with 0 to 5 frames of history; objects persist, move a little, appear, vanish and come
   * back (so ages restart); the first frame sometimes starts at a step other than 0.
   */
  static Frame frame(WorldSchema schema, Random r) {
    int history = r.nextInt(6);
    List<int[]> objects = new ArrayList<>(); // id, type, slots...
    int nextId = 1 + r.nextInt(5);
    int initial = r.nextInt(7);
    for (int i = 0; i < initial; i++) {
      objects.add(newObject(schema, r, nextId));
      nextId += 1 + r.nextInt(3);
    }
    Frame frame = null;
    List<int[]> gone = new ArrayList<>();
    for (int step = 0; step <= history; step++) {
      if (step > 0) {
        List<int[]> moved = new ArrayList<>();
        if (!gone.isEmpty() && r.nextInt(3) == 0) {
          moved.add(gone.remove(r.nextInt(gone.size()))); // back, with the same id
        }
        for (int[] o : objects) {
          if (r.nextInt(10) == 0) {
            gone.add(o);
            continue; // vanished
          }
          int[] copy = o.clone();
          copy[2] += r.nextInt(5) - 2;
          copy[3] += r.nextInt(5) - 2;
          if (copy.length > 6 && r.nextInt(4) == 0) {
            copy[6] = extraValue(schema.type(copy[1]).extras().get(0), r);
          }
          moved.add(copy);
        }
        if (r.nextInt(4) == 0) {
          moved.add(newObject(schema, r, nextId));
          nextId += 1 + r.nextInt(3);
        }
        objects = moved;
      }
      Frame.Builder b = Frame.builder(schema);
      // Shuffled insertion order, so frame index order differs from id order.
      List<int[]> order = new ArrayList<>(objects);
      java.util.Collections.shuffle(order, r);
      for (int[] o : order) {
        int[] slots = new int[o.length - 2];
        System.arraycopy(o, 2, slots, 0, slots.length);
        b.add(o[0], o[1], slots);
      }
      b.action(r.nextInt(8) == 0 ? -1 : r.nextInt(schema.actions().size()));
      b.previous(frame);
      if (frame == null && r.nextInt(3) == 0) {
        b.step(r.nextInt(100));
      }
      frame = b.build();
    }
    return frame;
  }

  private static int[] newObject(WorldSchema schema, Random r, int id) {
    int type = r.nextInt(schema.types().size());
    EntityType t = schema.type(type);
    int[] o = new int[2 + t.slotCount()];
    o[0] = id;
    o[1] = type;
    o[2] = r.nextInt(20);
    o[3] = r.nextInt(20);
    o[4] = 1 + r.nextInt(5);
    o[5] = 1 + r.nextInt(5);
    for (int k = 0; k < t.extras().size(); k++) {
      o[6 + k] = extraValue(t.extras().get(k), r);
    }
    return o;
  }

  private static int extraValue(AttributeSpec spec, Random r) {
    return spec.min() + r.nextInt(spec.supportSize());
  }
}
