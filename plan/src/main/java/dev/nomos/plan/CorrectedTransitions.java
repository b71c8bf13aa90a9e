package dev.nomos.plan;

import dev.nomos.runtime.Frame;
import dev.nomos.runtime.WorldSchema;
import java.util.HashMap;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * A transition model that remembers what the true world showed where the model was wrong: after
 * {@link #observed} reports that an action in a state led to a frame other than the model's most
 * likely one, {@link #mostLikely} (and {@link #sample}) answer with the observed frame for that state
 * and action (states compared as {@link StateKeys} do, velocities included unless positions-only), with
 * probability 1;
 * the step's reward stays the model's (a frame records the reward of the step that leaves it, not
 * of the one that reached it).
 * Without it an agent whose model predicts a move the world refuses would plan the same move again
 * after every replan. Everything else comes from the underlying model; nothing is learned beyond the
 * transitions actually seen.
 */
public final class CorrectedTransitions implements TransitionModel {
  private final TransitionModel model;
  private final Map<Long, Map<StateKeys.Key, Frame>> corrections = new HashMap<>();
  private final boolean positionsOnly;
  private StateKeys keys;

  public CorrectedTransitions(TransitionModel model) {
    this(model, false);
  }

  /**
   * @param positionsOnly key corrections by the objects' positions alone, as a planner with
   *     positions-only states sees them (sound only for models that read no history): a correction
   *     then also holds when the same state is reached with other velocities, instead of the model's
   *     wrong step being tried once more from there
   */
  public CorrectedTransitions(TransitionModel model, boolean positionsOnly) {
    this.model = model;
    this.positionsOnly = positionsOnly;
  }

  @Override
  public WorldSchema schema() {
    return model.schema();
  }

  /** Reports a transition of the true world; remembered when the model's most likely frame differs. */
  public void observed(Frame from, int action, Frame to) {
    if (StateKeys.sameState(model.mostLikelyFrame(from, action), to)) {
      return;
    }
    if (keys == null) {
      keys = new StateKeys(from, positionsOnly);
    }
    corrections.computeIfAbsent((long) action, a -> new HashMap<>()).put(keys.of(from), to);
  }

  /** How many (state, action) pairs the model got wrong and this remembers. */
  public int size() {
    return corrections.values().stream().mapToInt(Map::size).sum();
  }

  private Frame correction(Frame frame, int action) {
    if (keys == null) {
      return null;
    }
    Map<StateKeys.Key, Frame> byState = corrections.get((long) action);
    return byState == null ? null : byState.get(keys.of(frame));
  }

  @Override
  public Outcome mostLikely(Frame frame, int action) {
    Frame seen = correction(frame, action);
    Outcome predicted = model.mostLikely(frame, action);
    return seen != null ? new Outcome(seen, 0, predicted.reward()) : predicted;
  }

  @Override
  public Frame mostLikelyFrame(Frame frame, int action) {
    Frame seen = correction(frame, action);
    return seen != null ? seen : model.mostLikelyFrame(frame, action);
  }

  /** A step the true world showed is sure; any other is as sure as the model says. */
  @Override
  public Frame sureFrame(Frame frame, int action) {
    Frame seen = correction(frame, action);
    return seen != null ? seen : model.sureFrame(frame, action);
  }

  @Override
  public Outcome sample(Frame frame, int action, RandomGenerator random) {
    Frame seen = correction(frame, action);
    Outcome drawn = model.sample(frame, action, random);
    return seen != null ? new Outcome(seen, 0, drawn.reward()) : drawn;
  }
}
