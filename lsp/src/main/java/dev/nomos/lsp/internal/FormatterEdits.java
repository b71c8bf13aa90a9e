package dev.nomos.lsp.internal;

import dev.nomos.compiler.format.Formatter;
import java.util.List;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;

/**
 * Formatting through the Nomos formatter ({@code nomos fmt}). A file with syntax errors is left
 * alone. The edit covers only the text between the first and last changed characters, so the
 * editor keeps the cursor and folding where nothing moved.
 */
public final class FormatterEdits implements DocumentFormatter {
  @Override
  public List<TextEdit> format(Analysis analysis) {
    if (analysis.parse().hasErrors()) {
      return List.of();
    }
    String original = analysis.text();
    String formatted;
    try {
      formatted = Formatter.format(analysis.unit());
    } catch (RuntimeException cannotFormat) {
      return List.of();
    }
    if (formatted.equals(original)) {
      return List.of();
    }
    int prefix = 0;
    int max = Math.min(original.length(), formatted.length());
    while (prefix < max && original.charAt(prefix) == formatted.charAt(prefix)) {
      prefix++;
    }
    int suffix = 0;
    while (suffix < max - prefix
        && original.charAt(original.length() - 1 - suffix) == formatted.charAt(formatted.length() - 1 - suffix)) {
      suffix++;
    }
    Range range = new Range(Texts.position(original, prefix), Texts.position(original, original.length() - suffix));
    return List.of(new TextEdit(range, formatted.substring(prefix, formatted.length() - suffix)));
  }
}
