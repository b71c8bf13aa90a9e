package dev.nomos.bench.jmh;

import dev.nomos.bench.BenchModels;
import dev.nomos.bench.Workload;
import dev.nomos.compiler.Compilation;
import dev.nomos.runtime.Frame;
import dev.nomos.runtime.Law;
import dev.nomos.runtime.model.Inference;
import dev.nomos.runtime.model.WorldModel;
import java.util.List;

/** A workload's model under one engine and its episode, cycled one predict-and-score step per call. */
final class StepState {
  private final Inference inference;
  private final List<Frame> frames;
  private int next;

  StepState(Workload workload, String engine) {
    Compilation c = BenchModels.compile(workload);
    List<Law> laws = BenchModels.laws(workload, c, engine);
    this.inference = WorldModel.of(c.schema(), laws).newInference();
    this.frames = workload.frames(c.schema(), 2_000, 42);
  }

  /** One predict-and-score step: run every law on frame t, score the observed frame t+1. */
  double step() {
    int k = next;
    next = k + 2 == frames.size() ? 0 : k + 1;
    return inference.logLikelihood(frames.get(k), frames.get(k + 1));
  }
}
