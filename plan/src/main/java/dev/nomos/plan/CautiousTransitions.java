package dev.nomos.plan;

import dev.nomos.runtime.Frame;
import dev.nomos.runtime.WorldSchema;
import java.util.random.RandomGenerator;

/**
 * A transition model that plans only on steps it is sure of: {@link #sureFrame} answers the most
 * likely frame when the model gives it at least {@code minProbability}, and null otherwise, so A* and
 * BFS go around a step whose outcome the model is unsure of (where its laws disagree, typically a
 * situation the training data rarely showed) instead of staking the plan on it. A planner then either
 * finds a plan made of sure steps or reports the goal unreachable under the model; it does not
 * guess. Everything else is the underlying model's.
 */
public final class CautiousTransitions implements TransitionModel {
  private final TransitionModel model;
  private final double minLogProbability;

  /** @param minProbability in (0, 1]: a step whose most likely frame is less likely is not taken */
  public CautiousTransitions(TransitionModel model, double minProbability) {
    if (!(minProbability > 0 && minProbability <= 1)) {
      throw new IllegalArgumentException("the least step probability must be in (0, 1], got " + minProbability);
    }
    this.model = model;
    this.minLogProbability = Math.log(minProbability);
  }

  @Override
  public WorldSchema schema() {
    return model.schema();
  }

  @Override
  public Outcome mostLikely(Frame frame, int action) {
    return model.mostLikely(frame, action);
  }

  @Override
  public Frame mostLikelyFrame(Frame frame, int action) {
    return model.mostLikelyFrame(frame, action);
  }

  @Override
  public Frame sureFrame(Frame frame, int action) {
    Outcome step = model.mostLikely(frame, action);
    return step.logProbability() >= minLogProbability ? step.next() : null;
  }

  @Override
  public Outcome sample(Frame frame, int action, RandomGenerator random) {
    return model.sample(frame, action, random);
  }
}
