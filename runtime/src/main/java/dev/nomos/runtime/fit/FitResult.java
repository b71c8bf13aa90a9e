package dev.nomos.runtime.fit;

import dev.nomos.runtime.model.Floor;
import dev.nomos.runtime.model.WorldModel;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of fitting.
 *
 * @param model the fitted model without the pruned laws
 * @param lawNames every law of the input model, in its order
 * @param weights the fitted weight of every law of the input, in the same order (pruned ones included)
 * @param pruned names of the laws whose weight ended at or below the prune threshold
 * @param trainNll mean negative log-likelihood per training transition of {@code model}: at the
 *     fitted weights, with the pruned laws left out (a spawn law at weight 0 would still name its
 *     places)
 * @param startNll the same at the starting weights
 * @param objective the minimised objective {@code NLL + λ Σ θ} (before pruning)
 * @param iterations optimiser iterations
 * @param converged whether the optimiser met its tolerance (rather than its iteration limit or a
 *     deadline)
 * @param floor the fitted floor (the model's own when it has none enabled)
 * @param unevidenced laws that never spoke to a target the data shows, held at their starting weight
 * @param merged laws whose opinions on the data were identical to an earlier law's, each mapped to
 *     that law (the one kept); they end at weight 0 and are among the pruned
 */
public record FitResult(WorldModel model, List<String> lawNames, double[] weights, List<String> pruned,
    double trainNll, double startNll, double objective, int iterations, boolean converged, Floor floor,
    List<String> unevidenced, Map<String, String> merged) {

  public FitResult {
    lawNames = List.copyOf(lawNames);
    weights = weights.clone();
    pruned = List.copyOf(pruned);
    unevidenced = List.copyOf(unevidenced);
    merged = Collections.unmodifiableMap(new LinkedHashMap<>(merged));
  }

  @Override
  public double[] weights() {
    return weights.clone();
  }

  /**
   * The fitted creation probabilities per law name, by the ordinal of the creation that states them
   * (NaN for one the data never showed: it keeps the value the law writes).
   */
  public Map<String, double[]> chances() {
    return model.chances();
  }

  /** The fitted weight of a law by name (0 for a pruned law's final value when it was exactly 0). */
  public double weightOf(String law) {
    int i = lawNames.indexOf(law);
    if (i < 0) {
      throw new IllegalArgumentException("no law named " + law);
    }
    return weights[i];
  }
}
