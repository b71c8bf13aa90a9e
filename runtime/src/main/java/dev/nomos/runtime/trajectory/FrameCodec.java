package dev.nomos.runtime.trajectory;

import dev.nomos.runtime.AttributeKind;
import dev.nomos.runtime.AttributeSpec;
import dev.nomos.runtime.EntityType;
import dev.nomos.runtime.Frame;
import dev.nomos.runtime.Slots;
import dev.nomos.runtime.WorldSchema;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Converts between trajectory records and {@link Frame}s of a {@link WorldSchema}: type names to
 * entity types, action names to action indexes, extra fields to slots (ints as they are, bools to
 * 0/1, strings to the index of the symbol). Every object must carry an id (run a {@link Tracker}
 * first).
 *
 * <p>What the schema does not foresee depends on the {@link ReadMode}. {@link ReadMode#STRICT}
 * refuses it with a {@link TrajectoryFormatException} naming file, line, field and what the schema
 * expects. {@link ReadMode#OPEN} reads it and notes a {@link ReadWarning}: undeclared attributes are
 * dropped, ints outside their range are kept as they are, undeclared symbols and actions get indexes
 * past the declared ones (the same name always the same index in one codec, and the same index in
 * every attribute, so symbols compared across attributes still compare by name), and objects of
 * undeclared types are kept aside ({@link Frame.Builder#addUndeclared}). In both modes a missing
 * declared attribute, and a value of another kind than declared (a string for an int), are errors:
 * the first would have to be invented, the second means the data and the world disagree on what the
 * attribute is, not on which values it takes.
 *
 * <p>One codec should read all the files of one task, so that undeclared names keep their indexes,
 * and write that task's frames back, so that they print by name.
 */
public final class FrameCodec {
  private final WorldSchema schema;
  private final ReadMode mode;
  private final ReadWarnings warnings = new ReadWarnings();
  /** Undeclared symbols get indexes from here on, past every symbol set of the world. */
  private final int firstUndeclaredSymbol;
  private final Map<String, Integer> undeclaredSymbols = new HashMap<>();
  private final List<String> undeclaredSymbolNames = new ArrayList<>();
  private final Map<String, Integer> undeclaredActions = new HashMap<>();
  private final List<String> undeclaredActionNames = new ArrayList<>();

  /** A strict codec: anything the schema does not declare is an error. */
  public FrameCodec(WorldSchema schema) {
    this(schema, ReadMode.STRICT);
  }

  public FrameCodec(WorldSchema schema, ReadMode mode) {
    this.schema = schema;
    this.mode = Objects.requireNonNull(mode, "mode");
    int symbols = 0;
    for (EntityType t : schema.types()) {
      for (AttributeSpec a : t.extras()) {
        if (a.kind() == AttributeKind.SYMBOL) {
          symbols = Math.max(symbols, a.symbols().size());
        }
      }
    }
    this.firstUndeclaredSymbol = symbols;
  }

  public WorldSchema schema() {
    return schema;
  }

  public ReadMode mode() {
    return mode;
  }

  /** What the records encoded so far showed that the schema does not declare (open mode), one per kind, file, type and name. */
  public List<ReadWarning> warnings() {
    return warnings.warnings();
  }

  /**
   * The frame of one record, linked to {@code previous} (frame t-1 of the same episode, or null).
   *
   * @param file,line where the record came from, for error messages (file may be null)
   */
  public Frame encode(StepRecord record, Frame previous, Path file, int line) {
    Frame.Builder b = Frame.builder(schema).previous(previous).reward(record.reward()).terminated(record.terminated());
    if (previous == null) {
      b.step(record.t()); // an episode's first record fixes the step index; the frames after it count on
    }
    if (record.action() != null) {
      b.action(action(record.action(), file, line));
    }
    List<ObjectState> objects = record.objects();
    for (int k = 0; k < objects.size(); k++) {
      ObjectState o = objects.get(k);
      String at = "objects[" + k + "]";
      if (o.id() == null) {
        throw new TrajectoryFormatException(file, line, at + ".id", "missing; objects need ids (track the records first)");
      }
      EntityType type = schema.type(o.type());
      if (type != null) {
        b.add(o.id(), type.index(), slots(type, o, file, line, at));
      } else if (mode == ReadMode.OPEN) {
        warnings.note(file, line, ReadWarning.Kind.UNDECLARED_TYPE, o.type(), null, null,
            "type " + o.type() + " is not declared by world " + schema.name(),
            "; its objects are scored as unexplained new objects when they appear, and left out of predictions");
        b.addUndeclared(o.id(), o.type());
      } else {
        throw new TrajectoryFormatException(file, line, at + ".type", "unknown type \"" + o.type() + "\"; world "
            + schema.name() + " declares " + schema.types().stream().map(EntityType::name).collect(Collectors.joining(", ")));
      }
    }
    return b.build();
  }

  private int action(String name, Path file, int line) {
    int a = schema.actionIndex(name);
    if (a >= 0) {
      return a;
    }
    if (mode == ReadMode.STRICT) {
      throw new TrajectoryFormatException(file, line, "action", "unknown action \"" + name
          + "\"; world " + schema.name() + " declares " + String.join(", ", schema.actions()));
    }
    warnings.note(file, line, ReadWarning.Kind.UNDECLARED_ACTION, null, name, null,
        "action " + name + " is not declared by world " + schema.name(), "; kept, and no law's action condition matches it");
    return schema.actions().size() + indexOf(name, undeclaredActions, undeclaredActionNames);
  }

  private static int indexOf(String name, Map<String, Integer> indexes, List<String> names) {
    return indexes.computeIfAbsent(name, n -> {
      names.add(n);
      return names.size() - 1;
    });
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
      slots[Slots.FIRST_EXTRA + k] = encodeValue(type, spec, v, file, line, field);
    }
    if (declared.size() == o.attributes().size()) {
      return slots;
    }
    for (String name : o.attributes().keySet()) {
      if (declared.contains(name)) {
        continue;
      }
      if (mode == ReadMode.STRICT) {
        throw new TrajectoryFormatException(file, line, at + "." + name, "type " + type.name()
            + " declares no attribute " + name + (type.extras().isEmpty() ? "" : " (it has "
            + type.extras().stream().map(AttributeSpec::name).collect(Collectors.joining(", ")) + ")"));
      }
      warnings.note(file, line, ReadWarning.Kind.UNDECLARED_ATTRIBUTE, type.name(), name, null,
          "type " + type.name() + " has an attribute " + name + " that world " + schema.name() + " does not declare",
          "; ignored");
    }
    return slots;
  }

  private int encodeValue(EntityType type, AttributeSpec spec, Object v, Path file, int line, String field) {
    switch (spec.kind()) {
      case INT -> {
        if (v instanceof Integer i) {
          if (i >= spec.min() && i <= spec.max()) {
            return i;
          }
          if (mode == ReadMode.OPEN) {
            outsideSupport(type, spec, render(v), file, line);
            return i;
          }
        }
      }
      case BOOL -> {
        if (v instanceof Boolean b) {
          return b ? 1 : 0;
        }
      }
      case SYMBOL -> {
        if (v instanceof String s) {
          int index = spec.symbolIndex(s);
          if (index >= 0) {
            return index;
          }
          if (mode == ReadMode.OPEN) {
            outsideSupport(type, spec, render(v), file, line);
            return firstUndeclaredSymbol + indexOf(s, undeclaredSymbols, undeclaredSymbolNames);
          }
        }
      }
    }
    throw new TrajectoryFormatException(file, line, field, "expected " + describe(spec) + ", got " + render(v));
  }

  private void outsideSupport(EntityType type, AttributeSpec spec, String value, Path file, int line) {
    String support = spec.kind() == AttributeKind.INT ? "range " + spec.min() + ".." + spec.max()
        : "symbols " + String.join(", ", spec.symbols());
    warnings.note(file, line, ReadWarning.Kind.VALUE_OUTSIDE_SUPPORT, type.name(), spec.name(), value,
        "attribute " + spec.name() + " of type " + type.name() + " takes ",
        ", outside its declared " + support + "; scored as a value the model does not mention");
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

  /**
   * The record of a frame: ids, type names, positions, sizes and extras by name; action by name.
   * Undeclared symbols and actions this codec read print by their names; undeclared objects are not
   * written (the model does not describe them).
   */
  public StepRecord decode(Frame frame, int episode, int t, double reward, boolean done) {
    List<ObjectState> objects = new ArrayList<>(frame.size());
    for (int i : frame.all()) {
      EntityType type = schema.type(frame.type(i));
      Map<String, Object> extras = new LinkedHashMap<>();
      for (int k = 0; k < type.extras().size(); k++) {
        AttributeSpec spec = type.extras().get(k);
        int v = frame.get(i, Slots.FIRST_EXTRA + k);
        extras.put(spec.name(), spec.kind() == AttributeKind.INT ? (Object) v
            : spec.kind() == AttributeKind.BOOL ? (Object) (v != 0) : symbolName(spec, v));
      }
      objects.add(new ObjectState(frame.id(i), type.name(), frame.x(i), frame.y(i), frame.w(i), frame.h(i), extras));
    }
    return new StepRecord(episode, t, actionName(frame.action()), reward, done, objects);
  }

  private String symbolName(AttributeSpec spec, int v) {
    if (v >= 0 && v < spec.symbols().size()) {
      return spec.symbols().get(v);
    }
    int k = v - firstUndeclaredSymbol;
    if (k >= 0 && k < undeclaredSymbolNames.size()) {
      return undeclaredSymbolNames.get(k);
    }
    throw new IllegalArgumentException("attribute " + spec.name() + ": symbol index " + v
        + " is neither declared nor one this codec read");
  }

  private String actionName(int a) {
    if (a < 0) {
      return null;
    }
    if (a < schema.actions().size()) {
      return schema.actions().get(a);
    }
    int k = a - schema.actions().size();
    if (k < undeclaredActionNames.size()) {
      return undeclaredActionNames.get(k);
    }
    throw new IllegalArgumentException("action index " + a + " is neither declared nor one this codec read");
  }
}
