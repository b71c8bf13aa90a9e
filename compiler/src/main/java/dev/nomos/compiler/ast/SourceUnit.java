package dev.nomos.compiler.ast;

import dev.nomos.compiler.source.SourceFile;
import dev.nomos.compiler.source.Span;
import java.util.List;

/**
 * One parsed file: its {@code use} imports, and its worlds and laws in source order. A file may
 * declare a world, laws, or both.
 */
public record SourceUnit(SourceFile source, List<UseDecl> uses, List<TopDecl> decls, Span span) implements Node {

  public SourceUnit {
    uses = List.copyOf(uses);
    decls = List.copyOf(decls);
  }

  public List<WorldDecl> worlds() {
    return decls.stream().filter(WorldDecl.class::isInstance).map(WorldDecl.class::cast).toList();
  }

  public List<LawDecl> laws() {
    return decls.stream().filter(LawDecl.class::isInstance).map(LawDecl.class::cast).toList();
  }

  public List<ConstraintDecl> constraints() {
    return decls.stream().filter(ConstraintDecl.class::isInstance).map(ConstraintDecl.class::cast).toList();
  }
}
