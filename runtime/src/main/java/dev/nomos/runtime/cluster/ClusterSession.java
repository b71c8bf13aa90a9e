package dev.nomos.runtime.cluster;

import dev.nomos.runtime.fit.FitData;
import dev.nomos.runtime.fit.PartialSums;
import dev.nomos.runtime.model.Evaluation;
import dev.nomos.runtime.model.WorldModel;
import java.util.List;
import java.util.function.Consumer;

/**
 * A session on a cluster. Trajectory files are the shards of the data: each is read whole by one
 * worker, so an episode must not be split across files. The results equal those of this machine
 * ({@link FitData#precompute}, {@link dev.nomos.runtime.model.Metrics#evaluate}) to the last bit.
 * Errors in the data or the laws come back as the exceptions the local passes throw.
 */
public interface ClusterSession extends AutoCloseable {

  /**
   * The precomputed law scores of {@code files} (paths or file system URIs the cluster can read) for
   * {@code model}, which {@code recipe} builds on the workers; read warnings of an open read
   * ({@code strict} false) go to {@code warnings}, each once.
   */
  FitData precompute(ModelRecipe recipe, WorldModel model, List<String> files, boolean strict,
      Consumer<String> warnings);

  /** Sums of the fitting objective computed on the cluster ({@link dev.nomos.runtime.fit.Fitter#summingWith}). */
  PartialSums sums();

  /** The evaluation of {@code model} on {@code files}, as {@link #precompute} reads them. */
  Evaluation evaluate(ModelRecipe recipe, WorldModel model, List<String> files, boolean strict,
      Consumer<String> warnings);

  /**
   * The precomputed law scores of the transitions of {@code slices} for {@code model}, which
   * {@code recipe} builds on the workers: the data {@link FitData#precompute} gives for the episodes the
   * slices name, in their order. The learner's candidate scoring ({@code nomos learn --spark}).
   */
  FitData precompute(ModelRecipe recipe, WorldModel model, List<TransitionSlice> slices, boolean strict);

  /**
   * The log-likelihood of every transition of {@code slices} under the model {@code recipe} builds,
   * one array per slice in their order: what {@link dev.nomos.runtime.model.Metrics#scoreTransitions}
   * gives for the episodes the slices name.
   */
  List<double[]> logLikelihoods(ModelRecipe recipe, List<TransitionSlice> slices, boolean strict);

  @Override
  void close();
}
