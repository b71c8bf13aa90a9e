package dev.nomos.runtime.trajectory;

import dev.nomos.runtime.AttributeKind;
import dev.nomos.runtime.AttributeSpec;
import dev.nomos.runtime.EntityType;
import dev.nomos.runtime.Frame;
import dev.nomos.runtime.Slots;
import dev.nomos.runtime.WorldSchema;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Converts between trajectory records and {@link Frame}s of a {@link WorldSchema}: type names to
 * entity types, action names to action indexes, extra fields to slots (ints as they are, bools to
 * 0/1, strings to the index of the symbol). A record that does not fit the schema is a
 * {@link TrajectoryFormatException} naming file, line, field and what the schema expects; nothing is
 * dropped or defaulted. Every object must carry an id (run a {@link Tracker} first).
 */
public final class FrameCodec {
  private final WorldSchema schema;

  public FrameCodec(WorldSchema schema) {
    this.schema = schema;
  }

  public WorldSchema schema() {
    return schema;
  }

  /**
   * The frame of one record, linked to {@code previous} (frame t-1 of the same episode, or null).
   *
   * @param file,line where the record came from, for error messages (file may be null)
   */
  public Frame encode(StepRecord record, Frame previous, Path file, int line) {
    Frame.Builder b = Frame.builder(schema).previous(previous);
    if (previous == null) {
      b.step(record.t()); // an episode's first record fixes the step index; the frames after it count on
    }
    if (record.action() != null) {
      int a = schema.actionIndex(record.action());
      if (a < 0) {
        throw new TrajectoryFormatException(file, line, "action", "unknown action \"" + record.action()
            + "\"; world " + schema.name() + " declares " + String.join(", ", schema.actions()));
      }
      b.action(a);
    }
    List<ObjectState> objects = record.objects();
    for (int k = 0; k < objects.size(); k++) {
      ObjectState o = objects.get(k);
      String at = "objects[" + k + "]";
      if (o.id() == null) {
        throw new TrajectoryFormatException(file, line, at + ".id", "missing; objects need ids (track the records first)");
      }
      EntityType type = schema.type(o.type());
      if (type == null) {
        throw new TrajectoryFormatException(file, line, at + ".type", "unknown type \"" + o.type() + "\"; world "
            + schema.name() + " declares " + schema.types().stream().map(EntityType::name).collect(Collectors.joining(", ")));
      }
      b.add(o.id(), type.index(), slots(type, o, file, line, at));
    }
    return b.build();
  }

  private int[] slots(EntityType type, ObjectState o, Path file, int line, String at) {
    int[] slots = new int[type.slotCount()];
    slots[Slots.X] = o.x();
    slots[Slots.Y] = o.y();
    slots[Slots.W] = o.w();
    slots[Slots.H] = o.h();
    Set<String> declared = new HashSet<>();
    for (int k = 0; k < type.extras().size(); k++) {
      AttributeSpec spec = type.extras().get(k);
      declared.add(spec.name());
      Object v = o.attributes().get(spec.name());
      String field = at + "." + spec.name();
      if (v == null) {
        throw new TrajectoryFormatException(file, line, field, "missing; type " + type.name() + " declares it as "
            + describe(spec));
      }
      slots[Slots.FIRST_EXTRA + k] = encodeValue(spec, v, file, line, field);
    }
    for (String name : o.attributes().keySet()) {
      if (!declared.contains(name)) {
        throw new TrajectoryFormatException(file, line, at + "." + name, "type " + type.name()
            + " declares no attribute " + name + (type.extras().isEmpty() ? "" : " (it has "
            + type.extras().stream().map(AttributeSpec::name).collect(Collectors.joining(", ")) + ")"));
      }
    }
    return slots;
  }

  private static int encodeValue(AttributeSpec spec, Object v, Path file, int line, String field) {
    switch (spec.kind()) {
      case INT -> {
        if (v instanceof Integer i && i >= spec.min() && i <= spec.max()) {
          return i;
        }
      }
      case BOOL -> {
        if (v instanceof Boolean b) {
          return b ? 1 : 0;
        }
      }
      case SYMBOL -> {
        if (v instanceof String s && spec.symbolIndex(s) >= 0) {
          return spec.symbolIndex(s);
        }
      }
    }
    throw new TrajectoryFormatException(file, line, field, "expected " + describe(spec) + ", got " + render(v));
  }

  private static String describe(AttributeSpec spec) {
    return switch (spec.kind()) {
      case INT -> "an integer in " + spec.min() + ".." + spec.max();
      case BOOL -> "true or false";
      case SYMBOL -> "one of " + spec.symbols().stream().map(s -> "\"" + s + "\"").collect(Collectors.joining(", "));
    };
  }

  private static String render(Object v) {
    return v instanceof String s ? "\"" + s + "\"" : String.valueOf(v);
  }

  /** The record of a frame: ids, type names, positions, sizes and extras by name; action by name. */
  public StepRecord decode(Frame frame, int episode, int t, double reward, boolean done) {
    List<ObjectState> objects = new ArrayList<>(frame.size());
    for (int i : frame.all()) {
      EntityType type = schema.type(frame.type(i));
      Map<String, Object> extras = new LinkedHashMap<>();
      for (int k = 0; k < type.extras().size(); k++) {
        AttributeSpec spec = type.extras().get(k);
        int v = frame.get(i, Slots.FIRST_EXTRA + k);
        extras.put(spec.name(), spec.kind() == AttributeKind.INT ? (Object) v
            : spec.kind() == AttributeKind.BOOL ? (Object) (v != 0) : spec.symbols().get(v));
      }
      objects.add(new ObjectState(frame.id(i), type.name(), frame.x(i), frame.y(i), frame.w(i), frame.h(i), extras));
    }
    String action = frame.action() < 0 ? null : schema.actions().get(frame.action());
    return new StepRecord(episode, t, action, reward, done, objects);
  }
}
