package dev.nomos.learn.internal;

import dev.nomos.compiler.ast.LawDecl;
import dev.nomos.compiler.ast.SourceUnit;
import dev.nomos.compiler.diag.Diagnostic;
import dev.nomos.learn.CandidateChecker;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a checked source into the laws that checked clean and the diagnostics of the rest: a law
 * is clean when no error lies inside its span. Errors outside every law (for example a stray
 * token between laws) are reported but spoil no law.
 */
public final class SpanChecker {
  private SpanChecker() {}

  public static CandidateChecker.Result split(SourceUnit unit, List<Diagnostic> diagnostics) {
    String text = unit.source().text();
    List<String> clean = new ArrayList<>();
    List<Diagnostic> errors = diagnostics.stream().filter(Diagnostic::isError).toList();
    for (LawDecl law : unit.laws()) {
      boolean bad = errors.stream().anyMatch(d -> d.span().start() >= law.span().start()
          && d.span().start() <= law.span().end());
      if (!bad && law.span().end() <= text.length() && law.span().start() < law.span().end()) {
        clean.add(text.substring(law.span().start(), law.span().end()));
      }
    }
    return new CandidateChecker.Result(clean, DiagnosticText.render(errors));
  }
}
