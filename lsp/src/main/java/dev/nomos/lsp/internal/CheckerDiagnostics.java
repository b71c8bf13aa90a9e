package dev.nomos.lsp.internal;

import dev.nomos.compiler.diag.Diagnostic;
import dev.nomos.compiler.source.SourceFile;
import java.util.List;

/**
 * The checker's diagnostics for one open file, from the analysis's one compilation of it with
 * every file it {@code use}s; only the diagnostics of the file itself are kept (a used world
 * reports its own when it is opened).
 */
public final class CheckerDiagnostics implements DiagnosticProvider {

  @Override
  public List<Diagnostic> diagnose(Analysis analysis) {
    SourceFile root = analysis.source();
    return analysis.compilation().diagnostics().stream().filter(d -> d.file().equals(root.name())).toList();
  }
}
