package dev.nomos.bench;

import dev.nomos.bench.handwritten.HandWrittenPong;
import dev.nomos.compiler.Compilation;
import dev.nomos.compiler.NomosCompiler;
import dev.nomos.compiler.SourceResolver;
import dev.nomos.compiler.codegen.Engine;
import dev.nomos.compiler.codegen.LawFactory;
import dev.nomos.compiler.source.SourceFile;
import dev.nomos.runtime.Law;
import java.util.List;

/**
 * Compiles workload sources with the real front end (parse, check, lower) and makes their laws
 * under each engine the benchmarks compare.
 */
public final class BenchModels {
  private BenchModels() {}

  /** The workload's compilation; a workload that does not check is a bug in the workload. */
  public static Compilation compile(Workload w) {
    return compileSource(w.name() + ".law", w.source());
  }

  /** The compilation of one source file named {@code name}; a source that does not check is a bug. */
  public static Compilation compileSource(String name, String source) {
    Compilation c = NomosCompiler.compile(List.of(new SourceFile(name, source)), SourceResolver.none());
    if (c.hasErrors()) {
      throw new IllegalStateException("workload " + name + " does not check: " + c.errors().get(0));
    }
    return c;
  }

  /** The engines {@code w} can run under: interpreted and compiled, and for Pong the hand-written model. */
  public static List<String> engines(Workload w) {
    return w.name().equals("pong") ? List.of("interpreted", "compiled", "handwritten")
        : List.of("interpreted", "compiled");
  }

  /** The laws of {@code w} (compiled as {@code c}) under one of its {@link #engines}. */
  public static List<Law> laws(Workload w, Compilation c, String engine) {
    return switch (engine) {
      case "interpreted" -> LawFactory.createAll(c.plans(), Engine.INTERPRETED);
      case "compiled" -> LawFactory.createAll(c.plans(), Engine.COMPILED);
      case "handwritten" -> {
        if (!w.name().equals("pong")) {
          throw new IllegalArgumentException("the hand-written model exists for pong only");
        }
        yield HandWrittenPong.laws(PongLaws.specs(Workloads.PONG_LAWS));
      }
      default -> throw new IllegalArgumentException("unknown engine " + engine);
    };
  }
}
