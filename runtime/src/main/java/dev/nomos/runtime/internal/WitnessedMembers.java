package dev.nomos.runtime.internal;

import dev.nomos.runtime.Frame;
import dev.nomos.runtime.Law;
import dev.nomos.runtime.LawScope;
import dev.nomos.runtime.OneLoopLaw;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The members of a fused step of one-loop laws ({@link OneLoopLaw}) whose witnesses all read one
 * attribute of the loop's type, by the value each asks for: on a binding, only the members asking
 * for the value its object shows can pass their guards, so only they run ({@link OneLoopLaw#applyAllTo}).
 * A step of keep-your-velocity laws, one per velocity, then runs one law per object instead of testing
 * them all on each. Immutable.
 */
public final class WitnessedMembers {
  /** The witness of the first member: its type and attribute are every member's. */
  private final LawScope.Witness read;
  /** The values some member asks for, and per value (by its position there) its members in model order. */
  private final ValueSlots values;
  private final int[][] members;

  private WitnessedMembers(LawScope.Witness read, int[] values, int[][] members) {
    this.read = read;
    this.values = new ValueSlots(values);
    this.members = members;
  }

  /**
   * The index of {@code step} (model indexes, ascending), or null where it does not apply: a step of
   * one law, a law that is not a {@link OneLoopLaw}, a law without a witness, or witnesses of
   * different types or attributes.
   */
  static WitnessedMembers of(int[] step, Law[] laws) {
    if (step.length < 2) {
      return null;
    }
    LawScope.Witness first = null;
    TreeMap<Integer, List<Integer>> byValue = new TreeMap<>();
    for (int law : step) {
      LawScope.Witness w = laws[law].scope().witness();
      if (!(laws[law] instanceof OneLoopLaw) || w == null
          || (first != null && (w.type() != first.type() || w.read() != first.read()))) {
        return null;
      }
      first = first == null ? w : first;
      byValue.computeIfAbsent(w.value(), v -> new ArrayList<>()).add(law);
    }
    int[] values = byValue.keySet().stream().mapToInt(Integer::intValue).toArray();
    int[][] members = byValue.values().stream().map(l -> l.stream().mapToInt(Integer::intValue).toArray())
        .toArray(int[][]::new);
    return new WitnessedMembers(first, values, members);
  }

  /** The entity type the step's loop binds. */
  int type() {
    return read.type();
  }

  /** The members whose guards {@code object} of {@code frame} can pass, in model order, or null for none. */
  int[] membersFor(Frame frame, int object) {
    int at = values.positionOf(read.readOf(frame, object));
    return at < 0 ? null : members[at];
  }
}
