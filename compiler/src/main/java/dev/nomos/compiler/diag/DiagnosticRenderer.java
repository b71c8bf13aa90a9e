package dev.nomos.compiler.diag;

import dev.nomos.compiler.source.Span;
import java.util.List;

/**
 * Renders diagnostics for people (and LLMs repairing their own output):
 * <pre>
 * pong.law:12:10: error[N101]: unknown type `Bal`
 *    12 |   for b: Bal
 *       |          ^~~
 *   = hint: did you mean `Ball`?
 * </pre>
 * The caret line underlines the span on its first line. Very long lines are cut to a window
 * around the span so a minified or generated file cannot flood the terminal.
 */
public final class DiagnosticRenderer {
  /** Longest source excerpt shown. */
  static final int MAX_EXCERPT = 160;

  private DiagnosticRenderer() {}

  public static String render(List<Diagnostic> diagnostics) {
    StringBuilder sb = new StringBuilder();
    for (Diagnostic d : diagnostics) {
      sb.append(render(d));
    }
    return sb.toString();
  }

  /** One diagnostic, ending with a newline. */
  public static String render(Diagnostic d) {
    StringBuilder sb = new StringBuilder();
    Span span = d.span();
    sb.append(d.file());
    if (span.line() > 0) {
      sb.append(':').append(span.line()).append(':').append(span.column());
    }
    sb.append(": ").append(d.severity().label()).append('[').append(d.code()).append("]: ")
        .append(visible(d.message())).append('\n');
    if (span.line() > 0) {
      excerpt(sb, d);
    }
    if (d.hint() != null) {
      sb.append("  = hint: ").append(visible(d.hint())).append('\n');
    }
    return sb.toString();
  }

  /**
   * The text (an excerpt, or a message quoting a `use` path) with each control or format character (an escape, a bidirectional override) shown
   * as U+FFFD: one character for one, so the caret still lines up, and nothing reaches the terminal
   * that could rewrite what it shows.
   */
  private static String visible(String text) {
    StringBuilder sb = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      int type = Character.getType(c);
      sb.append(c != '\t' && c != '\n' && (type == Character.CONTROL || type == Character.FORMAT) ? '\uFFFD' : c);
    }
    return sb.toString();
  }

  private static void excerpt(StringBuilder sb, Diagnostic d) {
    Span span = d.span();
    String line = d.source().lineText(span.line());
    if (line.isEmpty() && d.source().text().isEmpty()) {
      return;
    }
    int from = span.column() - 1;
    int to = span.endLine() == span.line() ? span.endColumn() - 1 : line.length();
    from = Math.max(0, Math.min(from, line.length()));
    to = Math.max(from + 1, Math.min(to, Math.max(line.length(), from + 1)));
    // Cut very long lines to a window that starts a little before the span.
    int windowStart = 0;
    String prefix = "";
    if (line.length() > MAX_EXCERPT && from > MAX_EXCERPT / 2) {
      windowStart = from - 20;
      prefix = "...";
    }
    int windowEnd = Math.min(line.length(), windowStart + MAX_EXCERPT);
    String suffix = windowEnd < line.length() ? "..." : "";
    String shown = prefix + visible(line.substring(windowStart, windowEnd)) + suffix;
    int caretFrom = prefix.length() + (from - windowStart);
    int caretTo = Math.min(prefix.length() + (to - windowStart), shown.length() + 1);
    caretTo = Math.max(caretTo, caretFrom + 1);

    String number = String.valueOf(span.line());
    String gutter = " ".repeat(Math.max(4, number.length()) - number.length() + 1);
    String blank = " ".repeat(Math.max(4, number.length()) + 1);
    sb.append(gutter).append(number).append(" | ").append(shown.stripTrailing()).append('\n');
    sb.append(blank).append(" | ");
    for (int i = 0; i < caretFrom; i++) {
      // Keep tabs so the caret lines up with the text above it in any terminal.
      sb.append(i < shown.length() && shown.charAt(i) == '\t' ? '\t' : ' ');
    }
    sb.append('^');
    sb.append("~".repeat(caretTo - caretFrom - 1));
    sb.append('\n');
  }
}
