package dev.nomos.runtime.fit;

import dev.nomos.runtime.Parallelism;
import java.util.List;

/**
 * Where the chunks of the fitting objective are summed: on this machine's threads ({@link #on}) or
 * elsewhere (the Spark module sends them to a cluster). Every implementation returns each chunk's
 * sums ({@link LikelihoodTerms#chunk}) in chunk order, and the fitter adds them in that order, so
 * the weights are the same wherever the chunks ran.
 */
@FunctionalInterface
public interface PartialSums {

  /** {@code terms.chunk(c, x, gradient)} for every chunk c, in chunk order. */
  List<double[]> evaluate(LikelihoodTerms terms, double[] x, boolean gradient);

  /** The chunks summed on up to {@code threads} threads of this machine. */
  static PartialSums on(Parallelism threads) {
    return (terms, x, gradient) -> threads.map(terms.chunks(), c -> terms.chunk(c, x, gradient));
  }
}
