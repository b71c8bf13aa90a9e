package dev.nomos.runtime;

import java.util.Arrays;
import java.util.Objects;

/**
 * What a frame must show for a law to have any opinion on it, known before the law runs: the actions
 * its guard can hold under, the entity types its loops bind and, for a law whose guard requires a
 * bound object's attribute to equal a constant, that some object of the type holds that value (its
 * {@link Witness}). The runtime indexes a model's laws by their scopes once and skips, frame by
 * frame, the laws that cannot fire ({@code LawIndex}); a law outside its scope must emit nothing, so
 * a scope may be wider than the truth, never narrower.
 *
 * @param actions the sorted action indexes under which the law can fire, or null for every action
 *     (including none and actions the world does not declare)
 * @param types the entity types of which the frame must hold at least one object each (the types
 *     of the law's loops; {@code Object} loops are not listed)
 * @param witness a value some object of the frame must hold for the law to fire, or null
 */
public record LawScope(int[] actions, int[] types, Witness witness) {
  /** A law that may fire on any frame. */
  public static final LawScope ANY = new LawScope(null, new int[0]);

  /**
   * The frame must hold an object of entity type {@code type} whose current {@code read} equals
   * {@code value}: {@code read} is an attribute slot ({@code Frame.get}, {@code >= 0}) or
   * {@link #VX} / {@link #VY} for the velocity ({@code Frame.vx}, {@code Frame.vy}).
   */
  public record Witness(int type, int read, int value) {
    /** {@link #read} of the horizontal velocity. */
    public static final int VX = -100;
    /** {@link #read} of the vertical velocity. */
    public static final int VY = -101;

    public Witness {
      if (type < 0) {
        throw new IllegalArgumentException("entity type indexes are >= 0, got " + type);
      }
      if (read < 0 && read != VX && read != VY) {
        throw new IllegalArgumentException("a witness reads a slot >= 0, VX or VY, got " + read);
      }
    }

    /** The value {@code object} of {@code frame} shows for {@link #read}. */
    public int readOf(Frame frame, int object) {
      return read == VX ? frame.vx(object) : read == VY ? frame.vy(object) : frame.get(object, read);
    }

    /** Whether some object of {@link #type} in {@code frame} shows {@link #value}. */
    public boolean heldIn(Frame frame) {
      if (type >= frame.schema().types().size()) {
        return false;
      }
      for (int object : frame.ofType(type)) {
        if (readOf(frame, object) == value) {
          return true;
        }
      }
      return false;
    }
  }

  /** A scope without a witness. */
  public LawScope(int[] actions, int[] types) {
    this(actions, types, null);
  }

  public LawScope {
    actions = actions == null ? null : Arrays.stream(actions).sorted().distinct().toArray();
    types = Arrays.stream(types).sorted().distinct().toArray();
    if (actions != null && actions.length > 0 && actions[0] < 0) {
      throw new IllegalArgumentException("action indexes are >= 0, got " + actions[0]);
    }
    if (types.length > 0 && types[0] < 0) {
      throw new IllegalArgumentException("entity type indexes are >= 0, got " + types[0]);
    }
  }

  @Override public int[] actions() { return actions == null ? null : actions.clone(); }

  @Override public int[] types() { return types.clone(); }

  /** Whether the law may fire under {@code action} (-1 for none). */
  public boolean allows(int action) {
    return actions == null || (action >= 0 && Arrays.binarySearch(actions, action) >= 0);
  }

  /**
   * Whether {@code frame} holds an object of every type the law binds, an action it may fire under
   * and, if the scope has one, its witness.
   */
  public boolean admits(Frame frame) {
    if (!allows(frame.action())) {
      return false;
    }
    for (int type : types) {
      if (type >= frame.schema().types().size() || frame.ofType(type).length == 0) {
        return false;
      }
    }
    return witness == null || witness.heldIn(frame);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LawScope s && Arrays.equals(actions, s.actions) && Arrays.equals(types, s.types)
        && Objects.equals(witness, s.witness);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * Arrays.hashCode(actions) + Arrays.hashCode(types)) + Objects.hashCode(witness);
  }

  @Override
  public String toString() {
    return "LawScope[actions=" + (actions == null ? "any" : Arrays.toString(actions)) + ", types="
        + Arrays.toString(types) + (witness == null ? "" : ", witness=" + witness) + "]";
  }
}
