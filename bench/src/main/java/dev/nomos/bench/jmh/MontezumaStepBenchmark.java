package dev.nomos.bench.jmh;

import dev.nomos.bench.Workloads;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Predict-and-score steps per second on the Montezuma-scale model (450 laws, 58 objects). */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class MontezumaStepBenchmark {
  @Param({"interpreted", "compiled"})
  public String engine;

  private StepState state;

  @Setup
  public void setUp() {
    state = new StepState(Workloads.montezuma(), engine);
  }

  @Benchmark
  public double step() {
    return state.step();
  }
}
