package dev.nomos.compiler;

import dev.nomos.compiler.ast.LawDecl;
import dev.nomos.compiler.check.Hole;
import dev.nomos.compiler.plan.LawPlan;
import dev.nomos.compiler.source.SourceFile;

import java.util.List;

/**
 * One law of a compilation as the checker left it: its syntax tree and its plan, which an engine
 * then runs (the interpreter) or turns into bytecode ({@code codegen.CompiledLaws}). {@code plan} is null when the law has errors or (in candidate mode)
 * holes; {@code weight} is the weight written in the source, or null; {@code holes} lists the
 * {@code ?} of a candidate law in source order.
 */
public record CheckedLaw(String name, String doc, LawDecl decl, SourceFile source, LawPlan plan, Double weight,
    List<Hole> holes) {

  public CheckedLaw {
    holes = List.copyOf(holes);
  }

  public boolean hasHoles() {
    return !holes.isEmpty();
  }
}
