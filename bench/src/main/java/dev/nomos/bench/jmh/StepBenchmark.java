package dev.nomos.bench.jmh;

import dev.nomos.bench.Workload;
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
 * Predict-and-score steps per second of one workload's model; each subclass names the workload and,
 * as a JMH {@code @Param}, the engines to compare on it.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public abstract class StepBenchmark {
  private StepState state;

  /** The workload to step through. */
  protected abstract Workload workload();

  /** The engine of this run, the subclass's {@code @Param}. */
  protected abstract String engine();

  @Setup
  public void setUp() {
    state = new StepState(workload(), engine());
  }

  @Benchmark
  public double step() {
    return state.step();
  }
}
