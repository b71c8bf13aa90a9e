package dev.nomos.compiler.meaning;

import dev.nomos.compiler.Parser;
import dev.nomos.compiler.check.LawChecker;
import dev.nomos.grammar.NomosLexer;
import dev.nomos.runtime.Frame;
import dev.nomos.runtime.model.ModelOptions;
import dev.nomos.stdlib.Side;
import dev.nomos.stdlib.Stdlib;
import dev.nomos.stdlib.StdlibFunction;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.antlr.v4.runtime.Vocabulary;

/**
 * What the language itself defines, for every tool that explains or checks it: the checker, the
 * language server, the learner's prompt and the docs generator read it here rather than keeping
 * copies. Built-in attributes with their types, docs and writability; the world's own targets; the
 * type of every type; the sides; stdlib functions and the other forms; keywords with their docs;
 * the reserved words (the lexer's vocabulary itself); and the limits the checker enforces.
 */
public final class LanguageDescriptor {
  /** A built-in attribute: its value type, its doc, and whether laws may read and write it. */
  public record Attribute(String name, String type, String doc, boolean readable, boolean writable) {}

  /** A form of the language that is not a stdlib function ({@code on contact(...)}, {@code next(...)}). */
  public record Form(String name, String signature, String doc) {}

  /** An option of a relation or of the world, and what it means. */
  public record Option(String name, String doc) {}

  /** The limits the checker and the fitter enforce. */
  public record Limits(double maxWeight, int maxHistory, int maxBoundObjects, int maxSourceChars) {}

  /** The type name that ranges over objects of every type. */
  public static final String ANY_TYPE = "Object";
  /** The form that reads the next frame in a constraint's guard, {@code next(c)}. */
  public static final String NEXT = "next";
  /** The largest law weight, as the language writes it ({@code 10}). */
  public static final String MAX_WEIGHT_TEXT = KeywordDocs.MAX_WEIGHT_TEXT;

  private static final LanguageDescriptor INSTANCE = new LanguageDescriptor();

  private final List<Attribute> attributes = List.of(
      new Attribute("x", "int", "Left edge in pixels. As a target: the absolute next x.", true, true),
      new Attribute("y", "int", "Top edge in pixels (y grows downwards). As a target: the absolute next y.", true, true),
      new Attribute("w", "int", "Width in pixels (not a target).", true, false),
      new Attribute("h", "int", "Height in pixels (not a target).", true, false),
      new Attribute("vx", "int", "Derived: x(t) - x(t-1). As a target it predicts x(t+1) = x(t) + vx.", true, true),
      new Attribute("vy", "int", "Derived: y(t) - y(t-1). As a target it predicts y(t+1) = y(t) + vy.", true, true),
      new Attribute("left", "int", "Derived, read-only: x.", true, false),
      new Attribute("right", "int", "Derived, read-only: x + w.", true, false),
      new Attribute("top", "int", "Derived, read-only: y.", true, false),
      new Attribute("bottom", "int", "Derived, read-only: y + h.", true, false),
      new Attribute("cx", "int", "Derived, read-only: x + w / 2.", true, false),
      new Attribute("cy", "int", "Derived, read-only: y + h / 2.", true, false),
      new Attribute("alive", "bool", "Presence at t+1; `destroy o` is `o.alive := false`. A target only.", false,
          true));

  private final List<Attribute> worldTargets = List.of(
      new Attribute("reward", "int",
          "The world's reward for this step (what the action at t earns). Written bare: `reward := 1`.", false, true),
      new Attribute("end", "bool",
          "Whether the episode ends at t+1 (a termination, not a cut). Written bare: `end := true`.", false, true));

  private final List<Form> forms = List.of(
      new Form("contact", "on contact(a: A, b: B, side: S, cover: f)",
          "Pairs of distinct objects touching at t (boxes within the world's contact_gap). `side`: the side of a that"
              + " b touches; `cover`: the minimum fraction of that side covered."),
      new Form(NEXT, "next(cond)", KeywordDocs.DOCS.get(NEXT)));

  private final List<Option> relationOptions = List.of(
      new Option("side", "The side of the first object that the second touches: TOP, BOTTOM, LEFT or RIGHT."),
      new Option("cover", "The minimum fraction (0..1) of the touched side that the second object covers."));

  private final List<Option> worldOptions = List.of(new Option("contact_gap",
      "World option: the largest gap in pixels that still counts as contact (1 by default; 0 for grids)."));

  private final Set<String> reserved = reservedWords(NomosLexer.VOCABULARY);

  private final Limits limits = new Limits(ModelOptions.MAX_WEIGHT, Frame.MAX_HISTORY, LawChecker.MAX_BOUND_OBJECTS,
      Parser.MAX_SOURCE_CHARS);

  private LanguageDescriptor() {}

  /** The one descriptor of the language this compiler implements. */
  public static LanguageDescriptor get() {
    return INSTANCE;
  }

  /** The attributes every object has, in the order the language reference lists them. */
  public List<Attribute> attributes() { return attributes; }

  public Optional<Attribute> attribute(String name) {
    return attributes.stream().filter(a -> a.name().equals(name)).findFirst();
  }

  /** The world's own targets ({@code reward}, {@code end}), written bare on the left of an effect. */
  public List<Attribute> worldTargets() { return worldTargets; }

  public Optional<Attribute> worldTarget(String name) {
    return worldTargets.stream().filter(a -> a.name().equals(name)).findFirst();
  }

  /** What {@code Object} means where a type is expected. */
  public String anyTypeDoc() {
    return "Any entity type: binds objects of every type.";
  }

  /** The values of {@code side(a, b)} and of a contact's {@code side:}. */
  public List<String> sides() { return Side.NAMES; }

  public String sideDoc() {
    return "A side of a box: TOP, BOTTOM, LEFT, RIGHT, or NONE when not touching.";
  }

  /** The stdlib functions, as the registry declares them. */
  public List<StdlibFunction> functions() { return Stdlib.all(); }

  public Optional<StdlibFunction> function(String name) { return Stdlib.lookup(name); }

  /** Forms that look like calls but are the language's: the contact relation and {@code next}. */
  public List<Form> forms() { return forms; }

  public Optional<Form> form(String name) {
    return forms.stream().filter(f -> f.name().equals(name)).findFirst();
  }

  /** The relations an {@code on} clause may name. */
  public List<String> relations() { return List.of("contact"); }

  /** The options of {@code on contact(...)}. */
  public List<Option> relationOptions() { return relationOptions; }

  /** The numeric options a world may declare. */
  public List<Option> worldOptions() { return worldOptions; }

  /** The doc of a relation or world option, or empty. */
  public Optional<String> optionDoc(String name) {
    return java.util.stream.Stream.concat(relationOptions.stream(), worldOptions.stream())
        .filter(o -> o.name().equals(name)).findFirst().map(Option::doc);
  }

  /** Keywords and contextual words with a one-line explanation each. */
  public Map<String, String> keywordDocs() { return KeywordDocs.DOCS; }

  /** Every word the lexer reserves, in the order the lexer declares them: a name may not be one of them. */
  public Set<String> reservedWords() { return reserved; }

  public Limits limits() { return limits; }

  /**
   * The declaration of a name the language defines: a built-in attribute or world target,
   * {@code Object}, a side, a stdlib function, a form, an option or a keyword; empty for anything
   * else (the sources declare the rest).
   */
  public Optional<Declaration> builtIn(Declaration.Kind kind, String name) {
    String owner = Declaration.BUILT_IN;
    return switch (kind) {
      case ATTRIBUTE -> attribute(name).map(a -> Declaration.builtIn(kind, name, owner, a.type(), a.doc()));
      case WORLD_TARGET -> worldTarget(name).map(a -> Declaration.builtIn(kind, name, owner, a.type(), a.doc()));
      case ENTITY -> name.equals(ANY_TYPE) ? Optional.of(Declaration.builtIn(kind, name, "", "", anyTypeDoc()))
          : Optional.empty();
      case SYMBOL -> sides().contains(name) ? Optional.of(Declaration.builtIn(kind, name, "Side", "Side", sideDoc()))
          : Optional.empty();
      case FUNCTION -> function(name).map(f -> Declaration.builtIn(kind, name, "", f.signature(), f.doc()));
      case FORM -> form(name).map(f -> Declaration.builtIn(kind, name, "", f.signature(), f.doc()));
      case OPTION -> optionDoc(name).map(doc -> Declaration.builtIn(kind, name, owner, null, doc));
      case KEYWORD -> Optional.ofNullable(KeywordDocs.DOCS.get(name))
          .map(doc -> Declaration.builtIn(kind, name, owner, null, doc));
      default -> Optional.empty();
    };
  }

  /** The literal names of the lexer's vocabulary that are words ({@code 'law'}, not {@code ':='}). */
  static Set<String> reservedWords(Vocabulary vocabulary) {
    Set<String> words = new java.util.LinkedHashSet<>();
    for (int type = 1; type <= vocabulary.getMaxTokenType(); type++) {
      String literal = vocabulary.getLiteralName(type);
      if (literal != null && literal.length() > 2 && literal.startsWith("'") && literal.endsWith("'")) {
        String word = literal.substring(1, literal.length() - 1);
        if (word.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '_')) {
          words.add(word);
        }
      }
    }
    return java.util.Collections.unmodifiableSet(words);
  }
}
