package dev.nomos.runtime.model;

import java.util.Map;

/**
 * The metrics restricted to one entity type.
 *
 * @param nllPerTransition the type's share of the negative log-likelihood, per transition of the
 *     whole data set (so the shares of all types add up to the total)
 * @param exactFrameAccuracy fraction of the transitions in which the type occurs (at t, at t+1 or in
 *     the prediction) where every object of the type is predicted right
 * @param transitionsWithType the denominator of {@code exactFrameAccuracy}
 * @param attributes accuracy on moving objects, per attribute name
 */
public record TypeEvaluation(double nllPerTransition, double exactFrameAccuracy, long transitionsWithType,
    Map<String, AttributeScore> attributes) {

  public TypeEvaluation {
    attributes = Map.copyOf(attributes);
  }
}
