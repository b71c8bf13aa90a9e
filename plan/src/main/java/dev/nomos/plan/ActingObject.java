package dev.nomos.plan;

import dev.nomos.runtime.Frame;
import java.util.HashSet;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Finds the object the actions move (the player of a grid game), from the model alone: it predicts
 * the successors of a few frames breadth-first from the start and returns the id of the one object
 * that changes (position, size or attributes) in every predicted step in which anything changes,
 * and alone in at least one. Worlds where other objects also move on their own (a ball), or where
 * no single object is moved by every effective action, have none; macro search then falls back to
 * plain search. The answer only decides what macro search explores inside a node: any choice keeps
 * the search complete.
 */
final class ActingObject {
  /** Frames whose successors are looked at. */
  static final int FRAMES = 32;

  private ActingObject() {}

  static OptionalInt find(TransitionModel model, Frame start) {
    Set<Integer> candidates = new HashSet<>();
    boolean[] anyChange = {false};
    boolean[] aloneSeen = {false};
    PredictedSteps.visit(model, start, FRAMES, (frame, action, next) -> {
      Set<Integer> changed = changedIds(frame, next);
      if (changed.isEmpty()) {
        return true;
      }
      if (!anyChange[0]) {
        candidates.addAll(changed);
        anyChange[0] = true;
      } else {
        candidates.retainAll(changed);
      }
      aloneSeen[0] |= changed.size() == 1;
      return !candidates.isEmpty();
    });
    if (candidates.size() != 1 || !aloneSeen[0]) {
      return OptionalInt.empty();
    }
    return OptionalInt.of(candidates.iterator().next());
  }

  /** Ids of the objects whose slots differ between the frames, or that one of them lacks. */
  static Set<Integer> changedIds(Frame from, Frame to) {
    Set<Integer> changed = new HashSet<>();
    for (int o = 0; o < to.size(); o++) {
      int before = from.indexOfId(to.id(o));
      if (before < 0 || !sameSlots(from, before, to, o)) {
        changed.add(to.id(o));
      }
    }
    for (int o = 0; o < from.size(); o++) {
      if (to.indexOfId(from.id(o)) < 0) {
        changed.add(from.id(o));
      }
    }
    return changed;
  }

  static boolean sameSlots(Frame a, int oa, Frame b, int ob) {
    if (a.type(oa) != b.type(ob)) {
      return false;
    }
    int slots = a.schema().type(a.type(oa)).slotCount();
    for (int s = 0; s < slots; s++) {
      if (a.get(oa, s) != b.get(ob, s)) {
        return false;
      }
    }
    return true;
  }
}
