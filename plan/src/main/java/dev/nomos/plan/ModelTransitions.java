package dev.nomos.plan;

import dev.nomos.runtime.Frame;
import dev.nomos.runtime.WorldSchema;
import dev.nomos.runtime.model.Inference;
import dev.nomos.runtime.model.WorldModel;
import java.util.random.RandomGenerator;

/**
 * A {@link WorldModel} as a {@link TransitionModel}: {@code mostLikelyNext} and {@code sampleNext}
 * of one {@link Inference} (so not thread-safe), each predicted frame scored with
 * {@code frameLogProbability}: the probability of the frame's objects (a predicted frame carries no
 * recorded reward, so the world's reward and end are not part of it). The laws run once per (frame, action): the inference keeps the analysis of
 * the frame it last saw.
 */
public final class ModelTransitions implements TransitionModel {
  private final WorldModel model;
  private final Inference inference;
  private long predictions;

  public ModelTransitions(WorldModel model) {
    this.model = model;
    this.inference = model.newInference();
  }

  @Override
  public WorldSchema schema() {
    return model.schema();
  }

  @Override
  public Outcome mostLikely(Frame frame, int action) {
    Frame acted = frame.withAction(action);
    Frame next = inference.mostLikelyNext(acted, -1);
    predictions++;
    return new Outcome(next, inference.frameLogProbability(acted, next));
  }

  @Override
  public Frame mostLikelyFrame(Frame frame, int action) {
    predictions++;
    return inference.mostLikelyNext(frame.withAction(action), -1);
  }

  @Override
  public Outcome sample(Frame frame, int action, RandomGenerator random) {
    Frame acted = frame.withAction(action);
    Frame next = inference.sampleNext(acted, -1, random);
    predictions++;
    return new Outcome(next, inference.frameLogProbability(acted, next));
  }

  /** How many next frames this instance has predicted. */
  public long predictions() {
    return predictions;
  }
}
