package dev.nomos.learn.internal;

import dev.nomos.compiler.ParseResult;
import dev.nomos.compiler.Parser;
import dev.nomos.compiler.source.SourceFile;
import dev.nomos.learn.CandidateChecker;

/** Checks syntax only: for proposers used without a world to check against (tests, tools). */
public final class ParseOnlyChecker implements CandidateChecker {
  private final String fileName;

  public ParseOnlyChecker(String fileName) {
    this.fileName = fileName;
  }

  @Override
  public Result check(String source) {
    ParseResult parsed = Parser.parse(new SourceFile(fileName, source));
    return SpanChecker.split(parsed.unit(), parsed.diagnostics());
  }
}
