package dev.nomos.compiler.format;

import dev.nomos.compiler.ast.LawDecl;
import dev.nomos.compiler.source.Span;

/** Makes a parsed law look synthesised (as a proposer builds it): spans gone, structure kept. */
final class RandomProgramsSpans {
  private RandomProgramsSpans() {}

  static LawDecl strip(LawDecl law) {
    return new LawDecl(new dev.nomos.compiler.ast.Name(law.name().text(), Span.NONE), law.doc(), law.weight(),
        law.weightText(), law.binders(), law.guard(), law.effects(), Span.NONE, law.cases());
  }
}
