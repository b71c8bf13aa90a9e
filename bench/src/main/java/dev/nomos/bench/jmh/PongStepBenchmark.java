package dev.nomos.bench.jmh;

import dev.nomos.bench.Workload;
import dev.nomos.bench.Workloads;
import org.openjdk.jmh.annotations.Param;

/** Predict-and-score steps per second on the Pong-scale model (400 laws, 7 objects). */
public class PongStepBenchmark extends StepBenchmark {
  @Param({"interpreted", "compiled", "handwritten"})
  public String engine;

  @Override protected Workload workload() {
    return Workloads.pong();
  }

  @Override protected String engine() {
    return engine;
  }
}
