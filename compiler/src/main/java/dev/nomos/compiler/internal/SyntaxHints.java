package dev.nomos.compiler.internal;

/**
 * Hints for the syntax slips that people and LLMs bring from other languages (`=`, `&&`, `||`,
 * `!`, `for x in T`), keyed on the token the parser stopped at.
 */
final class SyntaxHints {
  private SyntaxHints() {}

  /** A hint for an unexpected token, or null when there is nothing specific to say. */
  static String forToken(String text) {
    if (text.length() > 1 && text.startsWith("\"")) {
      return "symbols and actions are bare names: write `UP`, not `\"UP\"`";
    }
    return switch (text) {
      case "=" -> "effects assign with `:=` (`b.vy := 0`) and guards compare with `==`";
      case "&", "&&" -> "write `and`";
      case "|", "||" -> "write `or`";
      case "!" -> "write `not` for negation (`!=` is inequality)";
      case "in" -> "bind objects with a colon: `for b: Ball`";
      case "'" -> "strings use double quotes: `use \"world.law\"`";
      case "[", "]" -> "sets are written with braces: `action in {UP, DOWN}`";
      case "+=", "-=" -> "write the new value: `p.x := p.x + 1`";
      default -> null;
    };
  }
}
