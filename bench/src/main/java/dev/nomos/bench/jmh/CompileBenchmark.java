package dev.nomos.bench.jmh;

import dev.nomos.bench.BenchModels;
import dev.nomos.bench.Workloads;
import dev.nomos.compiler.Compilation;
import dev.nomos.compiler.codegen.CompiledLaws;
import dev.nomos.runtime.Law;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Seconds to parse, check, generate and load 1,000 laws. Single-shot: the first iteration of each
 * fork is the cold figure a user's first command sees; later ones are warm.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 5)
@Fork(3)
public class CompileBenchmark {
  private String source;

  @Setup
  public void setUp() {
    source = Workloads.manyLaws(1_000);
  }

  @Benchmark
  public List<Law> compileThousandLaws() {
    Compilation c = BenchModels.compileSource("many.law", source);
    return CompiledLaws.compile(c.plans());
  }
}
