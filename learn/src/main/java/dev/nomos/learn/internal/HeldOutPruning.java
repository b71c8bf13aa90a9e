package dev.nomos.learn.internal;

import dev.nomos.runtime.fit.LawAblation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Backward elimination on held-out data (reduced-error pruning): the laws whose removal makes the
 * model more likely on transitions it was not fitted to. A law fitted to a coincidence of the
 * training data (a monster that happened to step away from another one) is paid for by the
 * transitions where the coincidence does not hold; the penalty on weights cannot see that, the
 * held-out data can. Only a strict gain removes a law: a law the held-out data never calls on (a
 * rare event, a death, a door) is kept.
 *
 * <p>Laws are tried in the order of what removing each alone would gain, best first, and each is
 * removed when removing it on top of those already removed still gains; sweeps repeat until one
 * removes nothing (a law can start to hurt once a partner that compensated for it is gone).
 */
public final class HeldOutPruning {
  /** The least gain in mean log-likelihood per transition that removes a law: a strict one, not rounding. */
  static final double MIN_GAIN = 1e-9;
  private static final int MAX_SWEEPS = 4;

  private HeldOutPruning() {}

  /** The laws of {@code ablation}'s model to remove, marked by index. */
  public static boolean[] removals(LawAblation ablation) {
    return removals(ablation.laws(), ablation::meanLogLikelihoodWithout);
  }

  /**
   * The laws to remove of a model of {@code n} laws whose held-out mean log-likelihood with the
   * marked laws left out is {@code likelihoodWithout}.
   */
  static boolean[] removals(int n, ToDoubleFunction<boolean[]> likelihoodWithout) {
    boolean[] removed = new boolean[n];
    double current = likelihoodWithout.applyAsDouble(removed);
    for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
      List<double[]> gains = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        if (removed[i]) {
          continue;
        }
        removed[i] = true;
        double gain = likelihoodWithout.applyAsDouble(removed) - current;
        removed[i] = false;
        if (gain > MIN_GAIN) {
          gains.add(new double[] {i, gain});
        }
      }
      if (gains.isEmpty()) {
        break;
      }
      gains.sort(Comparator.comparingDouble((double[] g) -> -g[1]).thenComparingDouble(g -> g[0]));
      boolean any = false;
      for (double[] g : gains) {
        int i = (int) g[0];
        removed[i] = true;
        double without = likelihoodWithout.applyAsDouble(removed);
        if (without - current > MIN_GAIN) {
          current = without;
          any = true;
        } else {
          removed[i] = false;
        }
      }
      if (!any) {
        break;
      }
    }
    return removed;
  }
}
