package dev.nomos.runtime;

import java.util.Arrays;

/**
 * What a frame must show for a law to have any opinion on it, known before the law runs: the actions
 * its guard can hold under and the entity types its loops bind. The runtime indexes a model's laws
 * by their scopes once and skips, frame by frame, the laws that cannot fire ({@code LawIndex}); a
 * law outside its scope must emit nothing, so a scope may be wider than the truth, never narrower.
 *
 * @param actions the sorted action indexes under which the law can fire, or null for every action
 *     (including none and actions the world does not declare)
 * @param types the entity types of which the frame must hold at least one object each (the types
 *     of the law's loops; {@code Object} loops are not listed)
 */
public record LawScope(int[] actions, int[] types) {
  /** A law that may fire on any frame. */
  public static final LawScope ANY = new LawScope(null, new int[0]);

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

  /** Whether {@code frame} holds an object of every type the law binds and an action it may fire under. */
  public boolean admits(Frame frame) {
    if (!allows(frame.action())) {
      return false;
    }
    for (int type : types) {
      if (type >= frame.schema().types().size() || frame.ofType(type).length == 0) {
        return false;
      }
    }
    return true;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LawScope s && Arrays.equals(actions, s.actions) && Arrays.equals(types, s.types);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(actions) + Arrays.hashCode(types);
  }

  @Override
  public String toString() {
    return "LawScope[actions=" + (actions == null ? "any" : Arrays.toString(actions)) + ", types="
        + Arrays.toString(types) + "]";
  }
}
