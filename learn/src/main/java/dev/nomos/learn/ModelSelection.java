package dev.nomos.learn;

import java.util.List;

/**
 * How the learner chooses its model without looking at test data: it holds out a part of the
 * training data spread over the recording (every k-th episode or block: {@code ValidationSplit}),
 * runs the loop on the rest once per L1 penalty of the grid, chooses the round (and penalty) whose
 * model predicts the held-out part best, removes the laws the held-out part is better off without,
 * then refits the remaining laws' weights on all the training data.
 *
 * @param validationFraction the share of training transitions held out (0 turns selection off)
 * @param lambdas the L1 penalties to try; empty means only the model options' own penalty
 */
public record ModelSelection(double validationFraction, List<Double> lambdas) {

  /** No held-out part: the loop runs on all the training data and its last round is the model. */
  public static final ModelSelection OFF = new ModelSelection(0, List.of());

  public ModelSelection {
    if (!(validationFraction >= 0 && validationFraction < 1)) {
      throw new IllegalArgumentException("the validation fraction must be in [0, 1), got " + validationFraction);
    }
    lambdas = List.copyOf(lambdas);
    for (double l : lambdas) {
      if (!(l >= 0) || Double.isInfinite(l)) {
        throw new IllegalArgumentException("lambda must be non-negative and finite, got " + l);
      }
    }
  }

  /** The offline default: a fifth held out, penalties 0.0005, 0.001 and 0.003. */
  public static ModelSelection defaults() {
    return new ModelSelection(0.2, List.of(0.0005, 0.001, 0.003));
  }

  public boolean enabled() {
    return validationFraction > 0;
  }
}
