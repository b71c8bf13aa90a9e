package dev.nomos.plan;

import dev.nomos.runtime.Frame;
import dev.nomos.runtime.WorldSchema;
import java.util.random.RandomGenerator;

/**
 * {@link GridModel}'s moves (deterministic) with predicted rewards and episode ends: every step earns
 * {@code stepReward}, a step onto a mark earns {@code markReward} more, and a step onto an
 * {@code ends} cell ends the episode.
 */
final class RewardGridModel implements TransitionModel {
  private final double stepReward;
  private final double markReward;
  private final GridModel.Cells ends;

  RewardGridModel(double stepReward, double markReward, GridModel.Cells ends) {
    this.stepReward = stepReward;
    this.markReward = markReward;
    this.ends = ends;
  }

  @Override
  public WorldSchema schema() {
    return GridModel.SCHEMA;
  }

  @Override
  public Outcome mostLikely(Frame frame, int action) {
    Frame next = GridModel.move(frame, action, true, ends);
    return new Outcome(next, 0, stepReward + (GridModel.onMark().reached(next) ? markReward : 0));
  }

  @Override
  public Outcome sample(Frame frame, int action, RandomGenerator random) {
    return mostLikely(frame, action);
  }
}
