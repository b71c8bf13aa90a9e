package dev.nomos.lsp.internal;

import dev.nomos.stdlib.Side;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Names the language itself defines: built-in attributes, sides, keywords, the type of every type. */
public final class Builtins {
  /** A built-in attribute and what hover says about it. */
  public record Attribute(String name, String type, String doc) {}

  public static final Map<String, Attribute> ATTRIBUTES = new LinkedHashMap<>();

  static {
    add("x", "int", "Left edge in pixels. As a target: the absolute next x.");
    add("y", "int", "Top edge in pixels (y grows downwards). As a target: the absolute next y.");
    add("w", "int", "Width in pixels (not a target).");
    add("h", "int", "Height in pixels (not a target).");
    add("vx", "int", "Derived: x(t) - x(t-1). As a target it predicts x(t+1) = x(t) + vx.");
    add("vy", "int", "Derived: y(t) - y(t-1). As a target it predicts y(t+1) = y(t) + vy.");
    add("left", "int", "Derived, read-only: x.");
    add("right", "int", "Derived, read-only: x + w.");
    add("top", "int", "Derived, read-only: y.");
    add("bottom", "int", "Derived, read-only: y + h.");
    add("cx", "int", "Derived, read-only: x + w / 2.");
    add("cy", "int", "Derived, read-only: y + h / 2.");
    add("alive", "bool", "Presence at t+1; `destroy o` is `o.alive := false`.");
  }

  /** The world's own targets, written bare on the left of an effect, and what hover says about them. */
  public static final Map<String, Attribute> WORLD_TARGETS = new LinkedHashMap<>();

  /** The owner shown for the world's targets. */
  public static final String WORLD = "world";

  static {
    WORLD_TARGETS.put("reward", new Attribute("reward", "int",
        "The world's reward for this step (what the action at t earns). Written bare: `reward := 1`."));
    WORLD_TARGETS.put("end", new Attribute("end", "bool",
        "Whether the episode ends at t+1 (a termination, not a cut). Written bare: `end := true`."));
  }

  /** The type binders use to range over objects of every type. */
  public static final String OBJECT = "Object";

  public static final List<String> SIDES = Side.NAMES;

  /** Options of {@code on contact(...)}. */
  public static final List<String> RELATION_OPTIONS = List.of("side", "cover");

  /** Numeric world options the language defines. */
  public static final List<String> WORLD_OPTIONS = List.of("contact_gap");

  public static final List<String> WORLD_KEYWORDS = List.of("screen", "velocity", "actions", "entity", "enum");

  /** Words that start a top-level line; {@code floor} is contextual (not reserved), the rest are keywords. */
  public static final List<String> TOP_KEYWORDS = List.of("use", "world", "law", "constraint", "floor", "def");

  public static final List<String> LAW_KEYWORDS = List.of("for", "on", "when", "then", "weight");

  public static final List<String> EXPRESSION_KEYWORDS = List.of("and", "or", "not", "in", "if", "then", "else",
      "exists", "count", "all", "any", "where", "true", "false", "action", "step");

  public static final List<String> EFFECT_KEYWORDS = List.of("destroy", "spawn", "at", "one_of", "range", "weighted",
      "seq", "after", "choose", "stay", "with");

  /** Every reserved word of the lexer (a rename may not produce one). */
  public static final Set<String> RESERVED = Set.of("use", "world", "screen", "velocity", "actions", "entity", "law",
      "weight", "constraint", "for", "on", "when", "then", "destroy", "spawn", "at", "if", "else", "and", "or", "not",
      "in", "exists", "count", "all", "any", "where", "true", "false", "action", "int", "bool", "one_of", "range",
      "weighted", "step", "seq", "after", "choose");

  private Builtins() {}

  private static void add(String name, String type, String doc) {
    ATTRIBUTES.put(name, new Attribute(name, type, doc));
  }
}
