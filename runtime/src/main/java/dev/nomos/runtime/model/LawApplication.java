package dev.nomos.runtime.model;

import dev.nomos.runtime.Frame;
import dev.nomos.runtime.internal.OpinionCollector;

/**
 * Every law of a model applied to a frame into the runtime's opinion collector, nothing scored:
 * the "predict" half of a step, the part in which the two engines differ. For benchmarks.
 */
public final class LawApplication {
  private final WorldModel model;
  private final OpinionCollector collector;

  public LawApplication(WorldModel model) {
    this.model = model;
    this.collector = new OpinionCollector(model.schema(), model.lawNames().toArray(String[]::new),
        model.options().nu());
  }

  /** Applies every law to {@code frame}; returns how many object targets the frame has. */
  public int apply(Frame frame) {
    collector.run(frame, model.laws());
    return collector.totalTargets();
  }
}
