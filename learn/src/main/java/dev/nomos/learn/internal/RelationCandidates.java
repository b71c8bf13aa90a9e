package dev.nomos.learn.internal;

import dev.nomos.runtime.WorldSchema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The miner's candidates of relations ({@link RelationKey}): the target's next velocity as a
 * constant, or as the offset to a partner plus a constant (closing a gap), while that offset lies in
 * a range. Adds up the events the mined transitions recorded, then writes the candidates whose range
 * tells something.
 */
final class RelationCandidates {
  private final Map<RelationKey, RelationEvents> relations = new HashMap<>();
  /** {@link #relations}' events by the number of their key ({@link MiningMemory#relationKeys}), null until seen. */
  private final List<RelationEvents> byKey = new ArrayList<>();
  /** The objects whose relations were added up: tells one target's relation events from another's. */
  private int owners;

  /**
   * Adds one mined transition's relation events ({@link MinedTransition#relations}: key number,
   * offset, next value, the target whose model prediction {@code wrongAt} tells, owner), which
   * covered {@code transitionOwners} objects.
   */
  void add(int[] events, int transitionOwners, boolean[] wrongAt, Numbering<RelationKey> keys) {
    for (int k = 0; k < events.length; k += 5) {
      events(events[k], keys).add(events[k + 1], events[k + 2], wrongAt[events[k + 3]] ? 1 : 0, owners + events[k + 4]);
    }
    owners += transitionOwners;
  }

  /** The events of relation key number {@code key}, in {@link #relations} from its first event on. */
  private RelationEvents events(int key, Numbering<RelationKey> keys) {
    while (byKey.size() <= key) {
      byKey.add(null);
    }
    RelationEvents events = byKey.get(key);
    if (events == null) {
      events = new RelationEvents();
      byKey.set(key, events);
      relations.put(keys.get(key), events);
    }
    return events;
  }

  /**
   * Writes into {@code others} (by body; a body already there keeps its first counts) the candidates
   * of every relation whose range tells something, for the velocities the world declares.
   */
  void write(WorldSchema schema, Map<String, Candidate> others) {
    for (Map.Entry<RelationKey, RelationEvents> e : relations.entrySet()) {
      RelationKey k = e.getKey();
      RelationEvents events = e.getValue().sealed();
      Spans byValue = new Spans();
      Spans byGap = new Spans();
      for (int ev = 0; ev < events.value.length; ev++) {
        int value = events.value[ev];
        if (value < schema.velocityMin() || value > schema.velocityMax()) {
          continue;
        }
        byValue.widen(value, events.offset[ev]);
        byGap.widen(value - events.offset[ev], events.offset[ev]);
      }
      String offset = "u." + k.axis() + " - o." + k.axis();
      String name = k.type().toLowerCase() + "_" + k.attr();
      String suffix = "_near_" + k.partner().toLowerCase() + (k.guard() == null ? "" : "_" + k.guard().name());
      for (int value : byValue.keys()) {
        candidate(others, k, events, byValue.of(value), offset, false, value,
            () -> "o." + k.attr() + " := " + value, () -> name + "_is_" + Miner.num(value) + suffix);
      }
      for (int c : byGap.keys()) {
        int[] span = byGap.of(c);
        if (span[0] == span[1]) {
          // Seen at one offset only: the gap is a constant there, no evidence of following.
          continue;
        }
        candidate(others, k, events, span, offset, true, c,
            () -> "o." + k.attr() + " := " + offset + (c == 0 ? "" : c > 0 ? " + " + c : " - " + (-c)),
            () -> name + "_closes_gap" + suffix);
      }
    }
  }

  /**
   * The observations of one relation as columns, read once per candidate of it: (offset on the
   * target's axis, next value, whether the model was wrong there, the target's running number),
   * and how many targets they cover (the events of one target are consecutive).
   */
  private static final class RelationEvents {
    private final IntColumn offsets = new IntColumn();
    private final IntColumn values = new IntColumn();
    private final IntColumn wrongs = new IntColumn();
    private final IntColumn owners = new IntColumn();
    /** The columns as arrays, once {@link #sealed}. */
    int[] offset;
    int[] value;
    int[] wrong;
    int[] target;
    int targets;
    private int lastTarget;

    void add(int offset, int value, int wrong, int target) {
      if (owners.size() == 0 || target != lastTarget) {
        targets++;
        lastTarget = target;
      }
      offsets.add(offset);
      values.add(value);
      wrongs.add(wrong);
      owners.add(target);
    }

    /** This, with the events added as the arrays read. */
    RelationEvents sealed() {
      offset = offsets.toArray();
      value = values.toArray();
      wrong = wrongs.toArray();
      target = owners.toArray();
      return this;
    }
  }

  /** Per key (a next value, or a gap), the span of offsets it was seen at: least, greatest, and how many. */
  private static final class Spans {
    private final LongTable<int[]> spans = new LongTable<>();
    private final IntColumn keys = new IntColumn();

    void widen(int key, int offset) {
      int[] s = spans.get(key);
      if (s == null) {
        s = new int[] {Integer.MAX_VALUE, Integer.MIN_VALUE, 0};
        spans.put(key, s);
        keys.add(key);
      }
      s[0] = Math.min(s[0], offset);
      s[1] = Math.max(s[1], offset);
      s[2]++;
    }

    /** The keys seen, in ascending order. */
    int[] keys() {
      int[] out = keys.toArray();
      java.util.Arrays.sort(out);
      return out;
    }

    int[] of(int key) {
      return spans.get(key);
    }
  }

  /** Share of what the base rate leaves that a relation's range must add to its value's rate. */
  private static final double MIN_LIFT = 0.5;

  /**
   * The candidate "the target's next value is {@code constant} (or the offset plus it, where
   * {@code gap}) while the offset lies in {@code span}", kept where the range tells something. Its
   * text and name are written only then.
   */
  private static void candidate(Map<String, Candidate> others, RelationKey k, RelationEvents events, int[] span,
      String offset, boolean gap,
      int constant, java.util.function.Supplier<String> effect, java.util.function.Supplier<String> name) {
    if (span[2] < 2) {
      return;
    }
    // Counted per target (object and transition), as other candidates are, however many partners
    // the object has: the events of one target are consecutive.
    int applicable = 0;
    int correct = 0;
    int correctWhereWrong = 0;
    int applicableAt = -1;
    int rightAt = -1;
    int rightAnywhere = 0;
    int rightAnywhereAt = -1;
    int lo = span[0];
    int hi = span[1];
    for (int e = 0; e < events.target.length; e++) {
      int at = events.target[e];
      boolean right = (gap ? events.value[e] - events.offset[e] : events.value[e]) == constant;
      if (right && at != rightAnywhereAt) {
        rightAnywhereAt = at;
        rightAnywhere++;
      }
      if (events.offset[e] >= lo && events.offset[e] <= hi) {
        if (at != applicableAt) {
          applicableAt = at;
          applicable++;
        }
        if (right && at != rightAt) {
          rightAt = at;
          correct++;
          correctWhereWrong += events.wrong[e];
        }
      }
    }
    // The range must tell something: the value far more often inside it than anywhere. A range
    // around the partner that only repeats what the target mostly does (a monster that mostly
    // stands, "standing near the key") is a coincidence of one level's layout.
    double base = (double) rightAnywhere / events.targets;
    double precision = applicable == 0 ? 0 : (double) correct / applicable;
    if (precision < base + MIN_LIFT * (1 - base)) {
      return;
    }
    Guard.Condition range = Guard.Condition.of(offset + " in " + lo + ".." + hi);
    Guard guard = k.guard() == null ? Guard.of(range) : Guard.of(k.guard().condition(), range);
    LawDraft draft = new LawDraft(k.binder(), guard, effect.get());
    String body = draft.body();
    if (others.containsKey(body)) {
      return;
    }
    Candidate c = new Candidate(draft, name.get(), k.type() + "." + k.attr(), body, Facing.NONE, false);
    c.applicable = applicable;
    c.correct = correct;
    c.correctWhereWrong = correctWhereWrong;
    others.put(body, c);
  }
}
