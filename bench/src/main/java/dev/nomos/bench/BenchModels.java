package dev.nomos.bench;

import dev.nomos.compiler.Compilation;
import dev.nomos.compiler.NomosCompiler;
import dev.nomos.compiler.SourceResolver;
import dev.nomos.compiler.source.SourceFile;
import java.util.List;

/** Compiles workload sources with the real front end (parse, check, lower). */
public final class BenchModels {
  private BenchModels() {}

  /** The workload's compilation; a workload that does not check is a bug in the workload. */
  public static Compilation compile(Workload w) {
    return compileSource(w.name() + ".law", w.source());
  }

  public static Compilation compileSource(String name, String source) {
    Compilation c = NomosCompiler.compile(List.of(new SourceFile(name, source)), SourceResolver.none());
    if (c.hasErrors()) {
      throw new IllegalStateException("workload " + name + " does not check: " + c.errors().get(0));
    }
    return c;
  }
}
