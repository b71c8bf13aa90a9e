package dev.nomos.compiler;

import dev.nomos.compiler.ast.SourceUnit;
import dev.nomos.compiler.diag.Diagnostic;
import java.util.List;

/**
 * The outcome of parsing one file. {@code unit} is always present: on syntax errors it holds the
 * declarations that could still be built (editors keep working on a half-typed file).
 */
public record ParseResult(SourceUnit unit, List<Diagnostic> diagnostics) {

  public ParseResult {
    diagnostics = List.copyOf(diagnostics);
  }

  public boolean hasErrors() {
    return diagnostics.stream().anyMatch(Diagnostic::isError);
  }
}
