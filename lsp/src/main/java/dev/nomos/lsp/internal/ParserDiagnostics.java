package dev.nomos.lsp.internal;

import dev.nomos.compiler.diag.Codes;
import dev.nomos.compiler.diag.Diagnostic;
import java.util.ArrayList;
import java.util.List;

/**
 * Diagnostics the front end can give on its own: syntax errors and {@code use}s that cannot be
 * followed. The server uses it when no checker is plugged in.
 */
public final class ParserDiagnostics implements DiagnosticProvider {
  @Override
  public List<Diagnostic> diagnose(Analysis analysis) {
    List<Diagnostic> result = new ArrayList<>(analysis.parse().diagnostics());
    for (Analysis.BrokenUse use : analysis.brokenUses()) {
      result.add(Diagnostic.error(Codes.UNREADABLE_FILE, analysis.source(), use.span(),
          "cannot use \"" + use.path() + "\": " + use.reason())
          .withHint("the path is relative to this file"));
    }
    return result;
  }
}
