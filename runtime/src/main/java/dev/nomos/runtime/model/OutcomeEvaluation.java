package dev.nomos.runtime.model;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.nomos.runtime.Frame;
import java.io.IOException;

/**
 * How well a model predicts the world's reward and the episode's end on recorded transitions (part
 * of {@link Evaluation}). Rewards are sparse, so "always 0" is scored apart: the accuracy and NLL on
 * the steps whose recorded reward is not 0. A transition's end is the next record's termination (a
 * cut is not an end). NLLs are natural-log, per transition (or per non-zero-reward step), with the
 * floor; a model that says nothing about the reward predicts 0 (see {@link Inference#rewardLogProbability}).
 *
 * @param transitions transitions scored
 * @param rewardLogLikelihood sum of log p(recorded reward)
 * @param rewardCorrect transitions whose most likely reward is the recorded one
 * @param nonZero transitions whose recorded reward is not 0
 * @param nonZeroCorrect those of them predicted right
 * @param nonZeroLogLikelihood sum of log p(recorded reward) over them
 * @param endLogLikelihood sum of log p(recorded end)
 * @param endTruePositive ends predicted and recorded
 * @param endFalsePositive ends predicted, not recorded
 * @param endFalseNegative ends recorded, not predicted
 */
public record OutcomeEvaluation(long transitions, double rewardLogLikelihood, long rewardCorrect, long nonZero,
    long nonZeroCorrect, double nonZeroLogLikelihood, double endLogLikelihood, long endTruePositive,
    long endFalsePositive, long endFalseNegative) {

  public double rewardNll() {
    return transitions == 0 ? Double.NaN : -rewardLogLikelihood / transitions;
  }

  public double rewardAccuracy() {
    return transitions == 0 ? Double.NaN : (double) rewardCorrect / transitions;
  }

  /** NaN when no recorded reward is non-zero. */
  public double nonZeroRewardAccuracy() {
    return nonZero == 0 ? Double.NaN : (double) nonZeroCorrect / nonZero;
  }

  public double nonZeroRewardNll() {
    return nonZero == 0 ? Double.NaN : -nonZeroLogLikelihood / nonZero;
  }

  public double endNll() {
    return transitions == 0 ? Double.NaN : -endLogLikelihood / transitions;
  }

  public double endAccuracy() {
    return transitions == 0 ? Double.NaN
        : (double) (transitions - endFalsePositive - endFalseNegative) / transitions;
  }

  /** Of the predicted ends, the share that were recorded; NaN when the model predicted none. */
  public double endPrecision() {
    long predicted = endTruePositive + endFalsePositive;
    return predicted == 0 ? Double.NaN : (double) endTruePositive / predicted;
  }

  /** Of the recorded ends, the share the model predicted; NaN when the data has none. */
  public double endRecall() {
    long recorded = endTruePositive + endFalseNegative;
    return recorded == 0 ? Double.NaN : (double) endTruePositive / recorded;
  }

  public long endsRecorded() {
    return endTruePositive + endFalseNegative;
  }

  public long endsPredicted() {
    return endTruePositive + endFalsePositive;
  }

  /** Writes the fields {@code reward} and {@code end} into an open JSON object. */
  void writeJson(JsonGenerator g) throws IOException {
    g.writeObjectFieldStart("reward");
    number(g, "nll_per_transition", rewardNll());
    number(g, "accuracy", rewardAccuracy());
    g.writeNumberField("nonzero_steps", nonZero);
    number(g, "nonzero_accuracy", nonZeroRewardAccuracy());
    number(g, "nonzero_nll", nonZeroRewardNll());
    g.writeEndObject();
    g.writeObjectFieldStart("end");
    number(g, "nll_per_transition", endNll());
    number(g, "accuracy", endAccuracy());
    number(g, "precision", endPrecision());
    number(g, "recall", endRecall());
    g.writeNumberField("recorded", endsRecorded());
    g.writeNumberField("predicted", endsPredicted());
    g.writeEndObject();
  }

  private static void number(JsonGenerator g, String name, double v) throws IOException {
    if (Double.isFinite(v)) {
      g.writeNumberField(name, v);
    } else {
      g.writeNullField(name);
    }
  }

  /** Accumulates one pass over data. */
  /** The counts and sums of a run of transitions; exact sums, so shards merged in order give the numbers of one pass. */
  static final class Tally implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    private long transitions;
    private final dev.nomos.runtime.internal.ExactSum rewardLogLikelihood = new dev.nomos.runtime.internal.ExactSum();
    private long rewardCorrect;
    private long nonZero;
    private long nonZeroCorrect;
    private final dev.nomos.runtime.internal.ExactSum nonZeroLogLikelihood = new dev.nomos.runtime.internal.ExactSum();
    private final dev.nomos.runtime.internal.ExactSum endLogLikelihood = new dev.nomos.runtime.internal.ExactSum();
    private long tp;
    private long fp;
    private long fn;

    /** Adds the tally of the transitions that follow these in the data. */
    void absorb(Tally next) {
      transitions += next.transitions;
      rewardLogLikelihood.add(next.rewardLogLikelihood);
      rewardCorrect += next.rewardCorrect;
      nonZero += next.nonZero;
      nonZeroCorrect += next.nonZeroCorrect;
      nonZeroLogLikelihood.add(next.nonZeroLogLikelihood);
      endLogLikelihood.add(next.endLogLikelihood);
      tp += next.tp;
      fp += next.fp;
      fn += next.fn;
    }

    /** Scores the reward recorded on t and the end recorded on next against the model's predictions. */
    void add(Inference inference, Frame t, Frame next) {
      transitions++;
      double reward = t.reward();
      double lp = inference.rewardLogProbability(t, reward);
      boolean right = inference.mostLikelyReward(t) == reward;
      rewardLogLikelihood.add(lp);
      rewardCorrect += right ? 1 : 0;
      if (reward != 0) {
        nonZero++;
        nonZeroCorrect += right ? 1 : 0;
        nonZeroLogLikelihood.add(lp);
      }
      boolean ends = next.terminated();
      boolean predicted = inference.mostLikelyEnd(t);
      endLogLikelihood.add(inference.endLogProbability(t, ends));
      tp += ends && predicted ? 1 : 0;
      fp += !ends && predicted ? 1 : 0;
      fn += ends && !predicted ? 1 : 0;
    }

    OutcomeEvaluation result() {
      return new OutcomeEvaluation(transitions, rewardLogLikelihood.value(), rewardCorrect, nonZero, nonZeroCorrect,
          nonZeroLogLikelihood.value(), endLogLikelihood.value(), tp, fp, fn);
    }
  }
}
