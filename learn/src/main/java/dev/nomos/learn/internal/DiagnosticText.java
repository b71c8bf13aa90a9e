package dev.nomos.learn.internal;

import dev.nomos.compiler.diag.Diagnostic;
import java.util.List;

/**
 * Renders diagnostics the way an LLM (or a person) can act on them: code, position, message,
 * the source line and a caret run under the span, then the hint.
 */
public final class DiagnosticText {
  private DiagnosticText() {}

  public static String render(List<Diagnostic> diagnostics) {
    StringBuilder out = new StringBuilder();
    for (Diagnostic d : diagnostics) {
      render(d, out);
    }
    return out.toString();
  }

  public static void render(Diagnostic d, StringBuilder out) {
    out.append(d.file()).append(':').append(d.line()).append(':').append(d.column()).append(": ")
        .append(d.severity().label()).append(' ').append(d.code())
        .append(": ").append(d.message()).append('\n');
    String line = d.source().lineText(d.line());
    out.append("  ").append(line).append('\n');
    int start = Math.max(1, d.column());
    int end = d.span().endLine() == d.line() ? Math.max(start + 1, d.span().endColumn()) : line.length() + 1;
    out.append("  ").append(" ".repeat(start - 1)).append("^".repeat(Math.max(1, end - start))).append('\n');
    if (d.hint() != null && !d.hint().isEmpty()) {
      out.append("  hint: ").append(d.hint()).append('\n');
    }
  }
}
