package dev.nomos.learn.internal;

import java.util.List;

/**
 * The guard of a mined law as the conditions it joins with {@code and}, each one condition however
 * it is written (a disjunction over headings is one statement for every heading): what a law states
 * is counted on this list, never on its text.
 */
final class Guard {
  static final Guard NONE = new Guard(List.of());

  private final List<Condition> conditions;
  /** Its text, written once: the miner reads it for every context it counts. */
  private String text;

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

  /** Its hash, worked out once (0 until then): guards key the miner's tables of observations. */
  private int hash;

  Guard(List<Condition> conditions) {
    this.conditions = List.copyOf(conditions);
  }

  private Guard(Condition[] conditions) {
    this.conditions = List.of(conditions);
  }

  List<Condition> conditions() {
    return conditions;
  }

  static Guard of(Condition... conditions) {
    return new Guard(List.of(conditions));
  }

  Guard and(Condition c) {
    Condition[] out = conditions.toArray(new Condition[conditions.size() + 1]);
    out[out.length - 1] = c;
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
    if (text == null) {
      StringBuilder out = new StringBuilder();
      for (Condition c : conditions) {
        out.append(out.length() == 0 ? "" : " and ").append(c.text());
      }
      text = out.toString();
    }
    return text;
  }

  @Override
  public boolean equals(Object o) {
    return o == this || o instanceof Guard g && hashCode() == g.hashCode() && conditions.equals(g.conditions);
  }

  @Override
  public int hashCode() {
    if (hash == 0) {
      hash = conditions.hashCode();
    }
    return hash;
  }

  @Override
  public String toString() {
    return text();
  }
}
