package dev.nomos.learn;

import dev.nomos.compiler.ast.LawDecl;
import dev.nomos.compiler.check.Hole;
import dev.nomos.runtime.Law;
import java.util.List;

/**
 * The learner's view of the compiler: law source text in, against the world being learned, a
 * runnable law (or the diagnostics) out, with the law's canonical text for deduplication.
 */
public interface LawCompiler extends CandidateChecker {

  /**
   * Compiles one law declaration.
   *
   * @return the law, its syntax tree and canonical text; or, for a law that checks but leaves holes
   *     open, its holes as the checker lists them; or the rendered diagnostics
   */
  Compiled compile(String lawSource);

  /**
   * The outcome of compiling one law: {@code law} is null exactly when {@code diagnostics} is
   * non-empty; {@code decl} is the law's syntax tree where it checked (holes or not), else null;
   * {@code holes} are its {@code ?} in source order (empty for a runnable law).
   */
  record Compiled(Law law, LawDecl decl, String canonical, List<Hole> holes, String diagnostics) {
    public Compiled {
      holes = List.copyOf(holes);
    }

    static Compiled failed(String diagnostics) {
      return new Compiled(null, null, null, List.of(), diagnostics);
    }

    public boolean ok() {
      return law != null;
    }
  }
}
