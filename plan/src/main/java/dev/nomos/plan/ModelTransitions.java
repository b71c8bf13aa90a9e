package dev.nomos.plan;

import dev.nomos.runtime.Frame;
import dev.nomos.runtime.WorldSchema;
import dev.nomos.runtime.model.Inference;
import dev.nomos.runtime.model.WorldModel;
import java.util.random.RandomGenerator;

/**
 * A {@link WorldModel} as a {@link TransitionModel}: {@code mostLikelyNext} and {@code sampleNext}
 * of one {@link Inference} (so not thread-safe), each predicted frame scored with
 * {@code frameLogProbability}: the probability of the frame's objects. The step's reward is the
 * model's most likely reward for it ({@code mostLikelyReward}: 0 for a model without reward laws),
 * for drawn frames too: a drawn reward carries the floor's background (a fitted model gives it a few
 * percent, spread uniformly over the reward's values), and in a rollout of tens of steps those
 * spurious points outweigh the one a planner looks for. The reward is read from the frame and action
 * before the step, so the frame's draw does not change it. The step's end is the predicted frame's {@code terminated()} (which
 * {@code mostLikelyNext} and {@code sampleNext} set from the end laws). The laws run once per
 * (frame, action): the inference keeps the analysis of the frame it last saw. Frames with a long
 * history are predicted from with the last steps of it only ({@link HistoryWindow}).
 */
public final class ModelTransitions implements TransitionModel {
  private final WorldModel model;
  private final Inference inference;
  private long predictions;
  private Frame lastAsked;
  private Frame lastShortened;

  public ModelTransitions(WorldModel model) {
    this.model = model;
    this.inference = model.newInference();
  }

  @Override
  public WorldSchema schema() {
    return model.schema();
  }

  /** The frame predictions start from: the same one for every action, history cut once. */
  private Frame from(Frame frame) {
    if (frame != lastAsked) {
      lastAsked = frame;
      lastShortened = HistoryWindow.shortened(frame);
    }
    return lastShortened;
  }

  @Override
  public Outcome mostLikely(Frame frame, int action) {
    Frame acted = from(frame).withAction(action);
    Frame next = inference.mostLikelyNext(acted, -1);
    predictions++;
    return new Outcome(next, inference.frameLogProbability(acted, next), inference.mostLikelyReward(acted));
  }

  @Override
  public Frame mostLikelyFrame(Frame frame, int action) {
    predictions++;
    return inference.mostLikelyNext(from(frame).withAction(action), -1);
  }

  @Override
  public Outcome sample(Frame frame, int action, RandomGenerator random) {
    Frame acted = from(frame).withAction(action);
    Frame next = inference.sampleNext(acted, -1, random);
    predictions++;
    return new Outcome(next, inference.frameLogProbability(acted, next), inference.mostLikelyReward(acted));
  }

  /** How many next frames this instance has predicted. */
  public long predictions() {
    return predictions;
  }
}
