package dev.nomos.serve.internal;

import dev.nomos.runtime.AttributeSpec;
import dev.nomos.runtime.EntityType;
import dev.nomos.runtime.Frame;
import dev.nomos.runtime.Slots;
import dev.nomos.runtime.WorldSchema;
import dev.nomos.serve.RpcError;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Frames as flat runs of integers, the form of the packed methods (docs/serve.md, "Packed steps"):
 * what the objects of a frame are, with no names to spell and no objects to build on either side.
 *
 * <p>An object is a row {@code id, type, x, y, w, h, extras...}: {@code type} is the index of its
 * type in the world's declared order, and the extras are the type's attributes in declared order, as
 * the frame holds them (an int as it is, a bool as 0 or 1, a symbol as its index). A <em>body</em> is
 * {@code n} followed by {@code n} rows. A <em>state</em> (one request) is {@code r, t} followed by
 * {@code r} records oldest first, each {@code action, body}: the frame and its history, {@code t}
 * the step of the last record, whose action is the one to take (-1 for none). Every state is checked
 * strictly against the world, as a frame of the other methods is.
 */
public final class PackedFrames {
  private static final int ROW_START = 6;

  private final WorldSchema schema;
  private final String typeNames;

  public PackedFrames(WorldSchema schema) {
    this.schema = schema;
    this.typeNames = schema.types().stream().map(t -> t.index() + " " + t.name()).collect(Collectors.joining(", "));
  }

  /**
   * A state read from a run: its frame (linked to its history, carrying the action to take), its
   * step, its record count, and where in the run its second and last records start and it ends (what
   * {@link #writeNext} copies).
   */
  public record State(Frame frame, int t, int records, int secondRecord, int lastRecord, int end) {}

  /**
   * Where the states of {@code ints} start, found by their counts and types alone, so that threads
   * can read them apart. A state whose extent the counts and types do not give (a count or type out
   * of range, a run that ends inside it) is the last one listed: reading it reports what is wrong.
   */
  public int[] starts(int[] ints) {
    Ints starts = new Ints(64);
    int at = 0;
    scan:
    while (at < ints.length) {
      starts.add(at);
      if (at + 2 > ints.length || ints[at] < 1) {
        break;
      }
      int records = ints[at];
      at += 2;
      for (int r = 0; r < records; r++) {
        if (at + 2 > ints.length) {
          break scan;
        }
        int n = ints[at + 1];
        at += 2;
        if (n < 0 || n > (ints.length - at) / ROW_START) {
          break scan;
        }
        for (int k = 0; k < n; k++) {
          if (at + ROW_START > ints.length || ints[at + 1] < 0 || ints[at + 1] >= schema.types().size()) {
            break scan;
          }
          at += ROW_START + schema.type(ints[at + 1]).extras().size();
        }
      }
    }
    return Arrays.copyOf(starts.values(), starts.size());
  }

  /**
   * A reader of the states of {@code ints} (named {@code field}). {@code actions} (named
   * {@code actionsField}), when not null, holds one action per state that replaces the action of its
   * last record.
   */
  public Reader reader(int[] ints, String field, int[] actions, String actionsField) {
    return new Reader(ints, field, actions, actionsField);
  }

  /**
   * Appends the state that continues {@code state} with {@code next} (its predicted frame): as many
   * records, the oldest dropped, the state's frame with the action taken there, then the prediction
   * with no action yet (-1), at step t + 1. {@code ints} is the run the state was read from.
   */
  public void writeNext(State state, int[] ints, Frame next, Ints out) {
    out.add(state.records());
    out.add(state.t() + 1);
    if (state.records() > 1) {
      for (int k = state.secondRecord(); k < state.lastRecord(); k++) {
        out.add(ints[k]);
      }
      out.add(state.frame().action());
      for (int k = state.lastRecord() + 1; k < state.end(); k++) {
        out.add(ints[k]);
      }
    }
    out.add(-1);
    write(next, out);
  }

  /** Appends the body of {@code frame} (its objects in ascending id order) to {@code out}. */
  public void write(Frame frame, Ints out) {
    out.add(frame.size());
    for (int i : frame.all()) {
      EntityType type = schema.type(frame.type(i));
      out.add(frame.id(i));
      out.add(type.index());
      for (int slot = 0; slot < type.slotCount(); slot++) {
        out.add(frame.get(i, slot));
      }
    }
  }

  /** A growing run of integers. */
  public static final class Ints {
    private int[] values;
    private int size;

    public Ints(int capacity) {
      values = new int[Math.max(16, capacity)];
    }

    public void add(int v) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = v;
    }

    public int size() {
      return size;
    }

    /** The backing array: its first {@link #size()} values are the run. */
    public int[] values() {
      return values;
    }
  }

  /**
   * Reads states from a run of integers, naming the integer, state, record and field of a fault. The
   * names are put together only for a fault: a batch's states are read in a tight loop.
   */
  public final class Reader {
    private final int[] ints;
    private final String field;
    private final int[] actions;
    private final String actionsField;
    private int position;
    private int state;
    private int record = -1;
    /** The object being read, or -1 outside the rows. */
    private int object = -1;

    private Reader(int[] ints, String field, int[] actions, String actionsField) {
      this.ints = ints;
      this.field = field;
      this.actions = actions;
      this.actionsField = actionsField;
    }

    /** State {@code index} of the run, which starts at {@code start}. */
    public State state(int index, int start) {
      position = start;
      state = index;
      record = -1;
      object = -1;
      int records = next("the record count r");
      if (records < 1) {
        throw fault(position - 1, "the record count r", "expected at least 1 (the frame itself), got " + records);
      }
      int t = next("the step t");
      if (t < records - 1) {
        throw fault(position - 1, "the step t", "expected at least " + (records - 1)
            + " (r - 1: the first of the " + records + " records is step t - r + 1), got " + t);
      }
      Frame frame = null;
      int second = -1;
      int last = -1;
      for (record = 0; record < records; record++) {
        if (record == 1) {
          second = position;
        }
        last = position;
        int override = -2;
        if (record == records - 1 && actions != null && index < actions.length) {
          override = actions[index];
          if (override < -1 || override >= schema.actions().size()) {
            throw RpcError.invalidParam(actionsField, "integer " + index + " (the action of state " + index
                + "): expected -1 (none) or an action index 0 to " + (schema.actions().size() - 1) + ", got " + override);
          }
        }
        frame = record(frame, record == 0 ? t - records + 1 : -1, override);
      }
      return new State(frame, t, records, second, last, position);
    }

    /** @param override the action that replaces the record's (-2 for none) */
    private Frame record(Frame previous, int firstStep, int override) {
      object = -1;
      Frame.Builder b = Frame.builder(schema).previous(previous);
      if (firstStep >= 0) {
        b.step(firstStep);
      }
      int action = next("action");
      if (action < -1 || action >= schema.actions().size()) {
        throw fault(position - 1, "action", "expected -1 (none) or an action index 0 to " + (schema.actions().size() - 1)
            + " (" + String.join(", ", schema.actions()) + "), got " + action);
      }
      b.action(override == -2 ? action : override);
      int n = next("the object count n");
      if (n < 0 || n > (ints.length - position) / ROW_START) {
        throw fault(position - 1, "the object count n", "expected 0 to " + (ints.length - position) / ROW_START
            + " (the rows the integers left can hold), got " + n);
      }
      int[] ids = new int[n];
      for (object = 0; object < n; object++) {
        int id = next("id");
        for (int j = 0; j < object; j++) {
          if (ids[j] == id) {
            throw fault(position - 1, "id", "duplicate id " + id + " (objects[" + j + "] has it too)");
          }
        }
        ids[object] = id;
        int typeIndex = next("type");
        if (typeIndex < 0 || typeIndex >= schema.types().size()) {
          throw fault(position - 1, "type", "expected a type index 0 to " + (schema.types().size() - 1)
              + " (" + typeNames + "), got " + typeIndex);
        }
        EntityType type = schema.type(typeIndex);
        int[] slots = new int[type.slotCount()];
        slots[Slots.X] = next("x");
        slots[Slots.Y] = next("y");
        slots[Slots.W] = size("w");
        slots[Slots.H] = size("h");
        for (int e = 0; e < type.extras().size(); e++) {
          slots[Slots.FIRST_EXTRA + e] = extra(type, type.extras().get(e));
        }
        b.add(id, typeIndex, slots);
      }
      object = -1;
      return b.build();
    }

    private int size(String name) {
      int v = next(name);
      if (v < 0) {
        throw fault(position - 1, name, "expected a non-negative integer, got " + v);
      }
      return v;
    }

    private int extra(EntityType type, AttributeSpec spec) {
      int v = next(spec.name());
      boolean ok = switch (spec.kind()) {
        case INT -> v >= spec.min() && v <= spec.max();
        case BOOL -> v == 0 || v == 1;
        case SYMBOL -> v >= 0 && v < spec.symbols().size();
      };
      if (!ok) {
        String expected = switch (spec.kind()) {
          case INT -> "an integer in " + spec.min() + ".." + spec.max();
          case BOOL -> "0 or 1 (false or true)";
          case SYMBOL -> "a symbol index 0 to " + (spec.symbols().size() - 1) + " (" + String.join(", ", spec.symbols()) + ")";
        };
        throw fault(position - 1, spec.name(), "type " + type.name() + " declares " + spec.name() + " as " + expected + ", got " + v);
      }
      return v;
    }

    private int next(String what) {
      if (position >= ints.length) {
        throw RpcError.invalidParam(field, "ends inside " + where() + " (" + ints.length + " integers), where "
            + name(what) + " was expected");
      }
      return ints[position++];
    }

    /** Where the reader is: the state, and the record once in one. */
    private String where() {
      return "state " + state + (record >= 0 ? ", record " + record : "");
    }

    /** The name of a value: a field of the object being read, or a value of the record or state. */
    private String name(String what) {
      return object >= 0 ? "objects[" + object + "]." + what : what;
    }

    private RpcError fault(int at, String what, String problem) {
      return RpcError.invalidParam(field, "integer " + at + " (" + where() + ", " + name(what) + "): " + problem);
    }
  }
}
