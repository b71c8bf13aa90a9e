package dev.nomos.serve;

/**
 * Which of the world's targets a model predicts: {@code reward} when some law of the model speaks to
 * the reward, {@code terminated} when some law speaks to the episode's end. A served prediction
 * carries a field only when the model predicts it, so that no client reads a reward of 0 nobody
 * predicted.
 */
public record Predicts(boolean reward, boolean terminated) {
  /** A model of frames only: no reward or end law. */
  public static final Predicts NOTHING = new Predicts(false, false);
}
