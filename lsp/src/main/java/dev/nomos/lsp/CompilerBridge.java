package dev.nomos.lsp;

import dev.nomos.lsp.internal.DiagnosticProvider;
import dev.nomos.lsp.internal.DocumentFormatter;
import dev.nomos.lsp.internal.ParserDiagnostics;

/** Which parts of the compiler the server uses for diagnostics and formatting. */
final class CompilerBridge {
  private CompilerBridge() {}

  static DiagnosticProvider diagnostics() {
    return new ParserDiagnostics();
  }

  static DocumentFormatter formatter() {
    return null;
  }
}
