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
  /** A bidirectional-text control character, which can make the shown text differ from the parsed text. */
  public static final String BIDI_CONTROL = "N005";

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
  /**
   * {@code (e)@-k} where e is not a quantifier over objects: only {@code exists}, {@code count ...
   * where} and {@code count(T)} are read at an earlier frame as a whole.
   */
  public static final String NO_EARLIER_FORM = "N310";
  /** A floor declaration with an unknown or repeated channel or a value not below 1, or a second floor. */
  public static final String BAD_FLOOR = "N311";
  /** A {@code choose} whose alternatives assign targets of more than one object. */
  public static final String JOINT_OBJECTS = "N312";
  /** One alternative of a {@code choose} assigns the same target twice (x and vx are one target). */
  public static final String JOINT_TARGET_TWICE = "N313";
  /** Some alternatives of a {@code choose} have a weight and others do not. */
  public static final String JOINT_WEIGHTS_MIXED = "N314";
  /** A {@code choose} assigns presence ({@code alive}), which is not chosen jointly. */
  public static final String JOINT_PRESENCE = "N315";
  /** A {@code choose} in which no alternative assigns anything. */
  public static final String JOINT_NO_TARGET = "N316";
  /** An alternative of a {@code choose} that is a word other than {@code stay}. */
  public static final String JOINT_BAD_WORD = "N317";
  /** A {@code choose} that assigns the world's reward or end, which are not chosen jointly. */
  public static final String JOINT_WORLD = "N318";
  /** A creation's probability (written, or the start of a fitted one) not strictly between 0 and 1. */
  public static final String BAD_PROBABILITY = "N320";
  /** A place of {@code weighted(...)} places whose weight is not positive. */
  public static final String BAD_PLACE_WEIGHT = "N321";
  /** {@code range((x0, y0), (x1, y1))} of places with a literal corner after the other: no place. */
  public static final String EMPTY_PLACES = "N322";

  /** A weight on a constraint: constraints always hold and carry none. */
  public static final String CONSTRAINT_WEIGHT = "N330";
  /** A constraint whose requirements on one target exclude each other, so it can never be met. */
  public static final String CONSTRAINT_NEVER_MET = "N331";
  /** A constraint in candidate text: the learner proposes laws, constraints belong to the model. */
  public static final String CONSTRAINT_IN_CANDIDATE = "N332";
  /** {@code next(...)} outside the guard of a constraint, nested in another, or around a non-bool. */
  public static final String BAD_NEXT = "N333";

  /** An attribute declared with a symbol type ({@code color: Color}) the world declares no {@code enum} of. */
  public static final String UNKNOWN_SYMBOL_TYPE = "N340";
  /** A definition that uses itself, directly or through other definitions. */
  public static final String DEFINITION_CYCLE = "N341";
  /** A definition whose name or parameter cannot be declared (a function's name, an unknown parameter type). */
  public static final String BAD_DEFINITION = "N342";
  /** A definition used the wrong way: without its arguments, or read at an earlier frame. */
  public static final String BAD_DEFINITION_USE = "N343";
  /** A law with cases that cannot be expanded: a repeated parameter or value, weights not one per case. */
  public static final String BAD_LAW_CASES = "N344";

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
  /** Two alternatives of a {@code choose} that are written the same. */
  public static final String JOINT_DUPLICATE_ALTERNATIVE = "N405";

  /** Every code, in order. docs/diagnostics.md has a section for each (a test keeps them in sync). */
  public static final List<String> ALL = List.of(
      SYNTAX, SOURCE_TOO_LARGE, NESTING_TOO_DEEP, UNREADABLE_FILE, BIDI_CONTROL,
      UNKNOWN_TYPE, UNKNOWN_ATTRIBUTE, UNKNOWN_ACTION, UNKNOWN_SYMBOL, UNKNOWN_FUNCTION, UNKNOWN_VARIABLE,
      UNKNOWN_RELATION, UNKNOWN_RELATION_OPTION, UNKNOWN_WORLD_OPTION, DUPLICATE_DECLARATION, WORLD_COUNT,
      BAD_USE,
      TYPE_MISMATCH, ARITY,
      NOT_WRITABLE, TOO_MANY_BINDINGS, HISTORY_TOO_DEEP, LITERAL_OUT_OF_RANGE, HOLE_NOT_ALLOWED,
      BAD_WORLD_ITEM, BAD_WEIGHT, EMPTY_RANGE, NO_EARLIER_VALUE, NO_EARLIER_FORM, BAD_FLOOR,
      JOINT_OBJECTS, JOINT_TARGET_TWICE, JOINT_WEIGHTS_MIXED, JOINT_PRESENCE, JOINT_NO_TARGET, JOINT_BAD_WORD,
      JOINT_WORLD,
      BAD_PROBABILITY, BAD_PLACE_WEIGHT, EMPTY_PLACES,
      CONSTRAINT_WEIGHT, CONSTRAINT_NEVER_MET, CONSTRAINT_IN_CANDIDATE, BAD_NEXT,
      UNKNOWN_SYMBOL_TYPE, DEFINITION_CYCLE, BAD_DEFINITION, BAD_DEFINITION_USE, BAD_LAW_CASES,
      UNKNOWN_WORLD_TARGET,
      GUARD_NEVER_TRUE, UNUSED_BINDING, DUPLICATE_EFFECT, PRESENT_NOW, JOINT_DUPLICATE_ALTERNATIVE);

  private Codes() {}
}
