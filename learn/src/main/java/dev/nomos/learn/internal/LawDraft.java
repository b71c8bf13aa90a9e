package dev.nomos.learn.internal;

/**
 * A mined law before it has a name: binder, guard and effect as the miner built them, printed once
 * into law text ({@link #body()}). Everything the proposer asks of a candidate (what it speaks of,
 * how many conditions it states, what it creates) is read here, not off the text.
 *
 * @param effect the effect (or effects, one per line) as written after {@code then}
 * @param created the type of the object the law creates where creating it is all the law does
 *     (not an object that takes the place of one destroyed), or null
 * @param fittedProbability whether the creation happens {@code with probability fitted}
 */
record LawDraft(DraftBinder binder, Guard guard, String effect, String created, boolean fittedProbability) {

  LawDraft(DraftBinder binder, Guard guard, String effect) {
    this(binder, guard, effect, null, false);
  }

  /** The same creation, happening with a probability the fit finds. */
  LawDraft withFittedProbability() {
    return new LawDraft(binder, guard, effect, created, true);
  }

  /**
   * The conditions it states: its binder's contact and each condition of its guard. Among laws the
   * data cannot tell apart, the one stating fewer holds in more situations the data does not show.
   */
  int conditions() {
    return (binder.contact() ? 1 : 0) + guard.size();
  }

  /** What it says after {@code then}, with the chance of a creation. */
  String outcome() {
    return effect + (fittedProbability ? " with probability fitted" : "");
  }

  /** The law body, from {@code {} to {@code }}: the text the compiler checks. */
  String body() {
    return "{\n  " + binder.text() + (guard.isEmpty() ? "" : "\n  when " + guard.text()) + "\n  then " + outcome() + "\n}";
  }
}
