package dev.nomos.learn.internal;

/** One guard condition that holds for an object at t, with a name fragment. */
record Atom(Guard.Condition condition, String name) {
  Atom(String condition, String name) {
    this(Guard.Condition.of(condition), name);
  }

  /** A condition that nothing of some kind is there ({@link Guard.Condition#absence}). */
  static Atom absence(String condition, String name) {
    return new Atom(Guard.Condition.absent(condition), name);
  }
}
