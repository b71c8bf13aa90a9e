package dev.nomos.bench.jmh;

import dev.nomos.bench.Workload;
import dev.nomos.bench.Workloads;
import org.openjdk.jmh.annotations.Param;

/** Predict-and-score steps per second on the Montezuma-scale model (450 laws, 58 objects). */
public class MontezumaStepBenchmark extends StepBenchmark {
  @Param({"interpreted", "compiled"})
  public String engine;

  @Override protected Workload workload() {
    return Workloads.montezuma();
  }

  @Override protected String engine() {
    return engine;
  }
}
