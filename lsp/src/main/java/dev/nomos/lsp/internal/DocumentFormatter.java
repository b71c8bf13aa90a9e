package dev.nomos.lsp.internal;

import java.util.List;
import org.eclipse.lsp4j.TextEdit;

/** Formats a whole document; edits are empty when the text has syntax errors or is already formatted. */
@FunctionalInterface
public interface DocumentFormatter {
  List<TextEdit> format(Analysis analysis);
}
