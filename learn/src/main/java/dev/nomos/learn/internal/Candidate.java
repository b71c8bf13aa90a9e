package dev.nomos.learn.internal;

/**
 * One mined law (without the {@code law name} header) and its counts. A candidate the templates
 * find ({@link Miner}) is only counted while mining: its text and name are written when first
 * asked for, since most of the thousands mined in a round are never ranked high enough to be
 * read.
 */
public final class Candidate {
  /** The law as the miner built it, or null until asked where {@link #sighting} says it. */
  private LawDraft draft;
  /** {@link #body()}, written once on the first ask. */
  private String body;
  private String nameHint;
  /** The type and target the candidate speaks to ({@code Ball.vy}), for spreading picks over targets. */
  public final String group;
  private String contextKey;
  /**
   * Whether it speaks of where an object faces (the object in front, a step ahead) rather than
   * of a fixed side or constant: the same statement for every heading, so it reaches situations
   * the data shows for one heading only.
   */
  public final boolean headingRelative;
  /** How many conditions it states; see {@link #conditions()}. */
  private final int conditions;
  public int correct;
  /** Right where the current model's most likely prediction is wrong: what would fix errors. */
  public int correctWhereWrong;
  public int applicable;
  /**
   * The numbers of the context and target whose count is its applicability, where the miner
   * counted them ({@link #contextKey()} names the same); -1 for candidates that carry their own.
   */
  int countedContext = -1;
  int countedTarget = -1;
  /** Of a candidate the templates found, how it was first seen; null for the others. */
  private final Sighting sighting;
  private final String effect;
  private final String created;

  Candidate(LawDraft draft, String nameHint, String group, String contextKey, Facing facing, boolean steps) {
    this.draft = draft;
    this.nameHint = nameHint;
    this.group = group;
    this.contextKey = contextKey;
    this.headingRelative = facing != Facing.NONE || steps;
    this.conditions = draft.conditions() - (facing == Facing.IN_FRONT ? 1 : 0);
    this.sighting = null;
    this.effect = draft.effect();
    this.created = draft.created();
  }

  /** A candidate first seen as {@code s} says. */
  Candidate(Sighting s) {
    this.sighting = s;
    this.effect = s.effectText;
    this.created = s.created;
    this.group = s.group;
    this.headingRelative = s.facing != Facing.NONE || s.stepsAhead;
    this.conditions = (s.binder.contact() ? 1 : 0) + s.guard.size() - (s.facing == Facing.IN_FRONT ? 1 : 0);
    this.countedContext = s.counted;
    this.countedTarget = s.targetNumber;
  }

  /** The law as the miner built it: binder, guard and effect. */
  LawDraft draft() {
    if (draft == null) {
      draft = sighting.draft();
    }
    return draft;
  }

  /** The law body as the compiler reads it, printed once from {@link #draft()}. */
  public String body() {
    if (body == null) {
      body = sighting != null ? sighting.body() : draft().body();
    }
    return body;
  }

  /** A name for the law, from its type, value and context ({@code ball_vy_flips_touching_wall_top}). */
  public String nameHint() {
    if (nameHint == null) {
      nameHint = sighting.nameHint();
    }
    return nameHint;
  }

  /** The key of the context and target its applicability is counted under ({@code binder|guard|vx}). */
  String contextKey() {
    if (contextKey == null) {
      contextKey = sighting.countedKey + "|" + sighting.target;
    }
    return contextKey;
  }

  /** The type it creates where creating it is all the law does, or null. */
  String created() {
    return created;
  }

  /**
   * How many conditions it states ({@link LawDraft#conditions()}); "u is in front of o" counts
   * as the contact it refines, as {@code side: LEFT} does.
   */
  public int conditions() {
    return conditions;
  }

  /** What it says after {@code then}: candidates saying the same thing are variants of one statement. */
  public String effect() {
    return draft != null ? draft.outcome() : effect;
  }

  public double precision() {
    return applicable == 0 ? 0 : (double) correct / applicable;
  }

  /**
   * Support weighted by precision: many right predictions and few wrong ones; a target the model
   * now gets wrong counts ten times one it already gets right.
   */
  public double score() {
    double p = precision();
    return (correct + 9.0 * correctWhereWrong) * p * p;
  }
}
