package dev.nomos.learn.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The guard of a mined law as the conditions it joins with {@code and}, each one condition however
 * it is written (a disjunction over headings is one statement for every heading): what a law states
 * is counted on this list, never on its text.
 */
record Guard(List<Condition> conditions) {
  static final Guard NONE = new Guard(List.of());

  /**
   * One condition. {@code absence} marks one that says nothing of some kind is there ("no object on
   * the left"): a context of what is missing, which the miner does not refine by the object's own
   * velocity.
   */
  record Condition(String text, boolean absence) {
    static Condition of(String text) {
      return new Condition(text, false);
    }

    static Condition absent(String text) {
      return new Condition(text, true);
    }
  }

  Guard {
    conditions = List.copyOf(conditions);
  }

  static Guard of(Condition... conditions) {
    return new Guard(List.of(conditions));
  }

  Guard and(Condition c) {
    List<Condition> out = new ArrayList<>(conditions);
    out.add(c);
    return new Guard(out);
  }

  boolean isEmpty() {
    return conditions.isEmpty();
  }

  int size() {
    return conditions.size();
  }

  /** Whether its first condition is an absence ({@link Condition#absence}). */
  boolean opensWithAbsence() {
    return !conditions.isEmpty() && conditions.get(0).absence();
  }

  String text() {
    StringBuilder out = new StringBuilder();
    for (Condition c : conditions) {
      out.append(out.length() == 0 ? "" : " and ").append(c.text());
    }
    return out.toString();
  }

  @Override
  public String toString() {
    return text();
  }
}
