package dev.nomos.compiler;

import dev.nomos.compiler.ast.LawDecl;
import dev.nomos.compiler.plan.LawPlan;
import dev.nomos.compiler.source.SourceFile;

/**
 * One law of a compilation. {@code plan} is null when the law has errors or (in candidate mode)
 * holes; {@code weight} is the weight written in the source, or null.
 */
public record CompiledLaw(String name, String doc, LawDecl decl, SourceFile source, LawPlan plan, Double weight,
    int holes) {

  public boolean hasPlan() {
    return plan != null;
  }
}
