package dev.nomos.lsp.internal;

import dev.nomos.compiler.source.Span;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;

/**
 * Conversions between LSP positions (0-based line, UTF-16 column) and offsets. Java strings are
 * UTF-16, so a column is a char count; the compiler's spans are 1-based in the same units.
 */
public final class Texts {
  private Texts() {}

  public static Range range(Span span) {
    return new Range(new Position(Math.max(0, span.line() - 1), Math.max(0, span.column() - 1)),
        new Position(Math.max(0, span.endLine() - 1), Math.max(0, span.endColumn() - 1)));
  }

  /** The offset of a position; positions past a line's end clamp to it, past the text to its end. */
  public static int offset(String text, Position p) {
    int line = 0;
    int i = 0;
    while (line < p.getLine() && i < text.length()) {
      if (text.charAt(i) == '\n') {
        line++;
      }
      i++;
    }
    if (line < p.getLine()) {
      return text.length();
    }
    int end = text.indexOf('\n', i);
    if (end < 0) {
      end = text.length();
    }
    return Math.min(end, i + Math.max(0, p.getCharacter()));
  }

  public static Position position(String text, int offset) {
    int line = 0;
    int lineStart = 0;
    int end = Math.min(offset, text.length());
    for (int i = 0; i < end; i++) {
      if (text.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return new Position(line, end - lineStart);
  }

  /** Applies an edit of {@code range} (or the whole text when null) to {@code text}. */
  public static String apply(String text, Range range, String replacement) {
    if (range == null) {
      return replacement;
    }
    int start = offset(text, range.getStart());
    int end = Math.max(start, offset(text, range.getEnd()));
    return text.substring(0, start) + replacement + text.substring(end);
  }

  public static boolean isIdentifier(String s) {
    return s != null && s.matches("[A-Za-z_][A-Za-z_0-9]*");
  }
}
