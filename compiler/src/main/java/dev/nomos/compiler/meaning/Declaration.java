package dev.nomos.compiler.meaning;

import dev.nomos.compiler.source.SourceFile;
import dev.nomos.compiler.source.Span;

/**
 * A thing a name can stand for, as the checker resolved it: its kind, name and owner, where it is
 * declared ({@code source} null and {@code span} {@link Span#NONE} for what the language defines),
 * {@code detail} (an attribute's type as written, a binder's type, a definition's signature) and
 * its {@code ///} doc. A {@linkplain #local() local} name has a {@code scope}: the text where it is
 * visible, from the end of its declaring name to the end of what declares it (the law for a binder
 * or a case parameter, the quantifier for {@code exists}/{@code count ... where} and a step
 * variable, the definition for a parameter); every other declaration has {@link Span#NONE}.
 *
 * <p>{@code owner} scopes the name: the entity of an attribute ({@link #BUILT_IN} for x, y, vx...),
 * the symbol set of a symbol ("Door.state", "Color", "Side", "action"); empty otherwise.
 */
public record Declaration(Kind kind, String name, String owner, SourceFile source, Span span, String detail,
    String doc, Span scope) {

  /** The owner of the attributes every object has and of the world's own targets. */
  public static final String BUILT_IN = "*";

  public enum Kind {
    WORLD, ENTITY, ATTRIBUTE,
    /** {@code reward} or {@code end}, written bare on the left of an effect. */
    WORLD_TARGET,
    /** A shared symbol type of the world ({@code enum Color {...}}). */
    SYMBOL_TYPE, SYMBOL, ACTION,
    /** A world option ({@code contact_gap}) or a contact option ({@code side}, {@code cover}). */
    OPTION,
    LAW, CONSTRAINT,
    /** A {@code def}: a named expression of the model. */
    DEFINITION,
    /** An object variable: of a binder clause, {@code exists}/{@code count ... where}, or a definition's object parameter. */
    BINDER,
    /** A definition's parameter of an int, bool or symbol type. */
    VALUE_PARAMETER,
    /** The step variable of {@code all|any|count k in lo..hi}. */
    STEP,
    /** A parameter of a law with cases ({@code law stays for T in {Wall, Door}}). */
    CASE_PARAMETER,
    /** A stdlib function. */
    FUNCTION,
    /** A form of the language that reads like a call: the contact relation, {@code next}. */
    FORM,
    /** A contextual word where it opens a declaration ({@code def}, {@code enum}). */
    KEYWORD
  }

  /** A declaration visible wherever its owner is ({@code scope} {@link Span#NONE}). */
  public Declaration(Kind kind, String name, String owner, SourceFile source, Span span, String detail, String doc) {
    this(kind, name, owner, source, span, detail, doc, Span.NONE);
  }

  /** Whether the language defines it (built-in attributes, {@code Object}, sides, stdlib...). */
  public boolean builtIn() {
    return source == null;
  }

  /** Whether the name is visible only inside one law or definition. */
  public boolean local() {
    return kind == Kind.BINDER || kind == Kind.VALUE_PARAMETER || kind == Kind.STEP || kind == Kind.CASE_PARAMETER;
  }

  /**
   * The identity of this declaration across compilations (each compilation reads the world file
   * anew): kind, owner and name, plus the file and offset of local names and the file of laws.
   */
  public Key key() {
    String place = "";
    if (source != null && (local() || kind == Kind.LAW || kind == Kind.CONSTRAINT)) {
      place = source.name() + (local() ? "@" + span.start() : "");
    }
    return new Key(kind, owner, name, place);
  }

  /** See {@link #key()}. */
  public record Key(Kind kind, String owner, String name, String place) {}

  /** A declaration of the language itself (no source). */
  public static Declaration builtIn(Kind kind, String name, String owner, String detail, String doc) {
    return new Declaration(kind, name, owner, null, Span.NONE, detail, doc);
  }
}
