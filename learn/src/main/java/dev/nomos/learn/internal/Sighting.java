package dev.nomos.learn.internal;

/**
 * How a candidate of the templates was first seen in a transition ({@link Miner}): the number of
 * its context and effect ({@link MiningMemory#candidates}), its context (binder, guard, name, how
 * it speaks of a heading), its effect, the type it creates, the name of its value, its group, and the context and
 * target its applicability is counted under (by number, and the context's key).
 */
final class Sighting {
  final int candidate;
  final DraftBinder binder;
  final Guard guard;
  final String name;
  final Facing facing;
  final String effectText;
  final String created;
  final String valueName;
  final String group;
  final int counted;
  final String countedKey;
  final String target;
  final int targetNumber;
  final boolean stepsAhead;
  /**
   * The law's body and name hint, written when first asked for: a sighting is shared by the
   * rounds and runs that mine its transitions, and the ranking of each round reads the bodies of
   * its ties. (Threads that race to write one write the same text.)
   */
  private String body;
  private String nameHint;

  Sighting(int candidate, DraftBinder binder, Guard guard, String name, Facing facing, String effectText,
      String created, String valueName, String group, int counted, String countedKey, String target,
      int targetNumber, boolean stepsAhead) {
    this.candidate = candidate;
    this.binder = binder;
    this.guard = guard;
    this.name = name;
    this.facing = facing;
    this.effectText = effectText;
    this.created = created;
    this.valueName = valueName;
    this.group = group;
    this.counted = counted;
    this.countedKey = countedKey;
    this.target = target;
    this.targetNumber = targetNumber;
    this.stepsAhead = stepsAhead;
  }

  LawDraft draft() {
    return new LawDraft(binder, guard, effectText, created, false);
  }

  String body() {
    String b = body;
    if (b == null) {
      b = draft().body();
      body = b;
    }
    return b;
  }

  String nameHint() {
    String n = nameHint;
    if (n == null) {
      n = binder.subject().toLowerCase() + "_" + valueName + (name.isEmpty() ? "" : "_" + name);
      nameHint = n;
    }
    return n;
  }
}
