package dev.nomos.learn.internal;

import dev.nomos.learn.Transition;
import dev.nomos.runtime.Frame;
import dev.nomos.runtime.Law;
import dev.nomos.runtime.OpinionSink;
import dev.nomos.runtime.Slots;
import java.util.List;

/**
 * How often a law's opinions are right on observed transitions: an opinion is right when it allows
 * the value the target took at t+1 (presence 1 or 0; for spawns, an object of that type new at t+1
 * at that place). A creation with a probability below 1 is right where an object appears at one of
 * its places and not counted where none does (it said that may not happen). The hole filler and the
 * candidate filter use this cheap count, not the fit.
 */
public final class OpinionCheck implements OpinionSink {
  private Frame before;
  private Frame after;
  private int right;
  private int wrong;
  private int choiceObject;
  private int choiceSlot;
  private boolean choiceHit;
  private int jointObject;
  private boolean jointGone;
  private boolean jointHit;
  private boolean altPositive;
  private boolean altMatches;
  private boolean creationCertain;
  private boolean creationHit;
  private int creationType;

  /** Right and wrong opinions of {@code law} over {@code transitions}; a law that throws counts as all wrong. */
  public static int[] count(Law law, List<Transition> transitions) {
    OpinionCheck check = new OpinionCheck();
    for (Transition t : transitions) {
      check.before = t.before();
      check.after = t.after();
      try {
        law.apply(t.before(), check);
      } catch (RuntimeException e) {
        return new int[] {0, Integer.MAX_VALUE / 2};
      }
    }
    return new int[] {check.right, check.wrong};
  }

  /** The observed value at t+1 of a target of frame t's object, or MIN_VALUE when it has none. */
  private int observed(int object, int slot) {
    int j = after.indexOfId(before.id(object));
    if (slot == Slots.ALIVE) {
      return j >= 0 ? 1 : 0;
    }
    if (j < 0) {
      return Integer.MIN_VALUE;
    }
    return after.get(j, slot);
  }

  private void score(boolean ok) {
    if (ok) {
      right++;
    } else {
      wrong++;
    }
  }

  @Override
  public void exact(int object, int slot, int value) {
    int v = observed(object, slot);
    if (v != Integer.MIN_VALUE) {
      score(v == value);
    }
  }

  @Override
  public void range(int object, int slot, int lo, int hi) {
    int v = observed(object, slot);
    if (v != Integer.MIN_VALUE) {
      score(v >= lo && v <= hi);
    }
  }

  @Override
  public void beginChoice(int object, int slot) {
    choiceObject = object;
    choiceSlot = slot;
    choiceHit = false;
  }

  @Override
  public void choice(int value, double weight) {
    if (weight > 0 && observed(choiceObject, choiceSlot) == value) {
      choiceHit = true;
    }
  }

  @Override
  public void endChoice() {
    if (observed(choiceObject, choiceSlot) != Integer.MIN_VALUE) {
      score(choiceHit);
    }
  }

  /** A joint choice is right when the object's values at t+1 are one of its allowed alternatives. */
  @Override
  public void beginJoint(int object) {
    jointObject = object;
    jointGone = observed(object, Slots.ALIVE) == 0;
    jointHit = false;
    altPositive = false;
  }

  @Override
  public void jointAlternative(double weight) {
    closeAlternative();
    altPositive = weight > 0;
    altMatches = true;
  }

  @Override
  public void jointValue(int slot, int value) {
    if (!jointGone && observed(jointObject, slot) != value) {
      altMatches = false;
    }
  }

  @Override
  public void endJoint() {
    closeAlternative();
    if (!jointGone) {
      score(jointHit);
    }
  }

  private void closeAlternative() {
    jointHit |= altPositive && altMatches;
    altPositive = false;
  }

  @Override
  public void spawn(int type, int x, int y) {
    score(appeared(type, x, y));
  }

  private boolean appeared(int type, int x, int y) {
    for (int j : after.ofType(type)) {
      if (before.indexOfId(after.id(j)) < 0 && after.x(j) == x && after.y(j) == y) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void beginSpawn(int type, double probability, int chance) {
    creationType = type;
    creationCertain = probability >= 1;
    creationHit = false;
  }

  @Override
  public void place(int x, int y, double weight) {
    creationHit |= weight > 0 && appeared(creationType, x, y);
  }

  @Override
  public void placeRange(int x0, int y0, int x1, int y1) {
    for (int j : after.ofType(creationType)) {
      if (before.indexOfId(after.id(j)) < 0 && after.x(j) >= x0 && after.x(j) <= x1 && after.y(j) >= y0
          && after.y(j) <= y1) {
        creationHit = true;
      }
    }
  }

  @Override
  public void endSpawn() {
    if (creationHit || creationCertain) {
      score(creationHit);
    }
  }
}
