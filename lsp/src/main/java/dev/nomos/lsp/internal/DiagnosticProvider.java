package dev.nomos.lsp.internal;

import dev.nomos.compiler.diag.Diagnostic;
import java.util.List;

/** Where the diagnostics of an analysed file come from (the parser today, the whole checker when present). */
@FunctionalInterface
public interface DiagnosticProvider {
  List<Diagnostic> diagnose(Analysis analysis);
}
