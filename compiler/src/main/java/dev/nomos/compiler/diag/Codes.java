package dev.nomos.compiler.diag;

import java.util.List;

/**
 * The stable diagnostic codes. A code never changes meaning once released: tools, tests and LLM
 * repair prompts key on it. docs/diagnostics.md describes each one. N0xx: reading and parsing;
 * N1xx: names; N2xx: types; N3xx: law and world rules; N4xx: warnings.
 */
public final class Codes {
  /** The text does not follow the grammar. */
  public static final String SYNTAX = "N001";
  /** The source is larger than the compiler accepts. */
  public static final String SOURCE_TOO_LARGE = "N002";
  /** Expressions or blocks are nested deeper than the compiler accepts. */
  public static final String NESTING_TOO_DEEP = "N003";
  /** A file named by {@code use} or on the command line cannot be read. */
  public static final String UNREADABLE_FILE = "N004";

  /** An entity type that the world does not declare. */
  public static final String UNKNOWN_TYPE = "N101";
  /** An attribute the object's type does not have (or that cannot be read). */
  public static final String UNKNOWN_ATTRIBUTE = "N102";
  /** An action the world does not declare. */
  public static final String UNKNOWN_ACTION = "N103";
  /** A symbol that is not in the expected symbol set (a side, an attribute's symbols). */
  public static final String UNKNOWN_SYMBOL = "N104";
  /** A function that is not in the standard library. */
  public static final String UNKNOWN_FUNCTION = "N105";
  /** A name that is no bound object, step variable or symbol in scope. */
  public static final String UNKNOWN_VARIABLE = "N106";
  /** A relation other than {@code contact} in an {@code on} clause. */
  public static final String UNKNOWN_RELATION = "N107";
  /** A relation option other than {@code side} and {@code cover}. */
  public static final String UNKNOWN_RELATION_OPTION = "N108";
  /** A numeric world option the compiler does not know. */
  public static final String UNKNOWN_WORLD_OPTION = "N109";
  /** A name declared twice where names must be unique. */
  public static final String DUPLICATE_DECLARATION = "N110";
  /** Laws without a world, or more than one world in one model. */
  public static final String WORLD_COUNT = "N111";
  /** A {@code use} that cannot do its job (empty path, file without a world, in candidate text). */
  public static final String BAD_USE = "N112";

  /** A value of the wrong type. */
  public static final String TYPE_MISMATCH = "N201";
  /** A call with the wrong number of arguments. */
  public static final String ARITY = "N202";

  /** A write to something that is not a target (w, h, derived attributes). */
  public static final String NOT_WRITABLE = "N301";
  /** More than three objects bound by the binder clauses of one law. */
  public static final String TOO_MANY_BINDINGS = "N302";
  /** A history read deeper than 16 steps, or whose depth is not bounded by constants. */
  public static final String HISTORY_TOO_DEEP = "N303";
  /** An int literal outside the range its target or option allows. */
  public static final String LITERAL_OUT_OF_RANGE = "N304";
  /** A hole {@code ?} in a program that is not a learner candidate. */
  public static final String HOLE_NOT_ALLOWED = "N305";
  /** A world item that is malformed or missing. */
  public static final String BAD_WORLD_ITEM = "N306";
  /** A law weight outside [0, 10], or a weighted alternative whose weight is not positive. */
  public static final String BAD_WEIGHT = "N307";
  /** An empty range: a history aggregate or {@code range(lo, hi)} with {@code lo > hi}. */
  public static final String EMPTY_RANGE = "N308";
  /** {@code @-k} on something that has no value at an earlier frame (a function of ints only). */
  public static final String NO_EARLIER_VALUE = "N309";
  /** The trigger of {@code seq(...) after c} reads something that cannot be looked up k steps back. */
  public static final String TRIGGER_WITHOUT_HISTORY = "N310";
  /** A floor declaration with an unknown or repeated channel or a value not below 1, or a second floor. */
  public static final String BAD_FLOOR = "N311";
  /** A bare name on the left of an effect that is not one of the world's targets ({@code reward}, {@code end}). */
  public static final String UNKNOWN_WORLD_TARGET = "N360";

  /** A guard that can never be true. */
  public static final String GUARD_NEVER_TRUE = "N401";
  /** A bound variable the law never uses. */
  public static final String UNUSED_BINDING = "N402";
  /** Two effects of one law on the same target. */
  public static final String DUPLICATE_EFFECT = "N403";
  /** {@code present(o)} read at frame t, where every bound object is present: always true. */
  public static final String PRESENT_NOW = "N404";

  /** Every code, in order. docs/diagnostics.md has a section for each (a test keeps them in sync). */
  public static final List<String> ALL = List.of(
      SYNTAX, SOURCE_TOO_LARGE, NESTING_TOO_DEEP, UNREADABLE_FILE,
      UNKNOWN_TYPE, UNKNOWN_ATTRIBUTE, UNKNOWN_ACTION, UNKNOWN_SYMBOL, UNKNOWN_FUNCTION, UNKNOWN_VARIABLE,
      UNKNOWN_RELATION, UNKNOWN_RELATION_OPTION, UNKNOWN_WORLD_OPTION, DUPLICATE_DECLARATION, WORLD_COUNT,
      BAD_USE,
      TYPE_MISMATCH, ARITY,
      NOT_WRITABLE, TOO_MANY_BINDINGS, HISTORY_TOO_DEEP, LITERAL_OUT_OF_RANGE, HOLE_NOT_ALLOWED,
      BAD_WORLD_ITEM, BAD_WEIGHT, EMPTY_RANGE, NO_EARLIER_VALUE, TRIGGER_WITHOUT_HISTORY, BAD_FLOOR,
      UNKNOWN_WORLD_TARGET,
      GUARD_NEVER_TRUE, UNUSED_BINDING, DUPLICATE_EFFECT, PRESENT_NOW);

  private Codes() {}
}
