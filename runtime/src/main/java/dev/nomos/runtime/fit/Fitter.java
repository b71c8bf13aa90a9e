package dev.nomos.runtime.fit;

import dev.nomos.runtime.Deadline;
import dev.nomos.runtime.Parallelism;
import dev.nomos.runtime.fit.internal.BoundedLbfgs;
import dev.nomos.runtime.model.Floor;
import dev.nomos.runtime.model.ModelOptions;
import dev.nomos.runtime.model.ProgressListener;
import dev.nomos.runtime.model.WorldModel;
import dev.nomos.runtime.trajectory.Episode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.ToIntFunction;

/**
 * Fits the weights of a model's laws to data (design brief §1): θ ∈ [0, maxWeight] maximising the
 * mean log-likelihood per transition minus {@code λ ‖θ‖₁}, by bounded L-BFGS over scores
 * precomputed once ({@link FitData}). It starts from the model's current weights (a warm start),
 * and prunes the laws whose weight ends at or below the model's prune threshold. With the model's
 * floor enabled, each floor channel's ε is fitted with the weights, in
 * {@code [1 / (n + 2), }{@link Floor#MAX_FITTED}{@code ]} for a channel with n training targets (a
 * channel without any keeps its value). Deterministic.
 *
 * <p>No evidence is not evidence against: a law that never speaks to a target the data shows is
 * held at its starting weight and left out of the penalty (the penalty would otherwise be the only
 * force on it and drive it to 0), so what it says about cases the data never showed survives the
 * fit. Only the data's disagreement with a law lowers its weight.
 *
 * <p>A fitted creation probability is fitted with the weights (through its logit). A law whose only
 * opinions on the data are creations with fitted probabilities keeps its starting weight: weight
 * and probability would say the same thing twice, and the penalty on weights would trade one for
 * the other until the law is pruned. Such a law is pruned instead when all its probabilities end at
 * the least value ({@code MIN_CHANCE}): the data says it never creates.
 *
 * <p>A fitter made with {@link #mergingIdenticalLaws()} also merges laws whose opinions are
 * identical on the data ({@link FitData#identicalLaws()}): one of each group is kept and starts
 * from the group's summed weight (the same model), the others end at 0 and are pruned. The one
 * kept is the first, or with {@link #mergingIdenticalLaws(ToIntFunction)} the least narrow (the
 * first of those): laws the data cannot tell apart can differ on data it does not show, and the
 * one stating less reaches more of it.
 *
 * <pre>{@code
 * FitResult r = new Fitter().fit(model, trainEpisodes);
 * WorldModel fitted = r.model();
 * }</pre>
 */
public final class Fitter {
  /** Fitted creation probabilities stay in {@code [MIN_CHANCE, 1 - MIN_CHANCE]}. */
  static final double MIN_CHANCE = 1e-6;
  private final BoundedLbfgs optimiser;
  private final boolean mergeIdentical;
  private final ToIntFunction<String> narrowness;
  private final PartialSums sums;

  public Fitter() {
    this(2000);
  }

  /** A fitter that stops after {@code maxIterations} optimiser iterations at the latest. */
  public Fitter(int maxIterations) {
    // A longer memory than the usual 10 roughly halves the iterations on real law sets, whose many
    // near-redundant laws make the objective badly conditioned.
    this(new BoundedLbfgs(20, maxIterations, 1e-7, 1e-10), false, name -> 0, PartialSums.on(Parallelism.SERIAL));
  }

  private Fitter(BoundedLbfgs optimiser, boolean mergeIdentical, ToIntFunction<String> narrowness, PartialSums sums) {
    this.optimiser = optimiser;
    this.mergeIdentical = mergeIdentical;
    this.narrowness = narrowness;
    this.sums = sums;
  }

  /** This fitter, summing the objective on up to {@code threads} threads (the weights are the same for any number). */
  public Fitter parallel(Parallelism threads) {
    return summingWith(PartialSums.on(threads));
  }

  /** This fitter, summing the objective's chunks with {@code sums} (the weights are the same wherever they run). */
  public Fitter summingWith(PartialSums sums) {
    return new Fitter(optimiser, mergeIdentical, narrowness, Objects.requireNonNull(sums, "sums"));
  }

  /** This fitter, also merging laws whose opinions are identical on the data (the first of each group is kept). */
  public Fitter mergingIdenticalLaws() {
    return mergingIdenticalLaws(name -> 0);
  }

  /**
   * This fitter, also merging laws whose opinions are identical on the data; of each group the law
   * with the least {@code narrowness} (by law name) is kept, the first of those on a tie.
   */
  public Fitter mergingIdenticalLaws(ToIntFunction<String> narrowness) {
    return new Fitter(optimiser, true, Objects.requireNonNull(narrowness, "narrowness"), sums);
  }

  /** Precomputes the law scores of {@code episodes} and fits. */
  public FitResult fit(WorldModel model, List<Episode> episodes) {
    return fit(model, FitData.precompute(model, episodes, ProgressListener.NONE));
  }

  /** Fits starting from the model's weights over data precomputed for the same laws. */
  public FitResult fit(WorldModel model, FitData data) {
    return fit(model, data, model.weights());
  }

  /** Fits from the given starting weights (clipped into the box). */
  public FitResult fit(WorldModel model, FitData data, double[] start) {
    return fit(model, data, start, Deadline.none());
  }

  /**
   * Fits from the given starting weights, stopping at the deadline with the best weights found so
   * far (each optimiser step improves the objective, so an early stop is a worse fit, never a wrong
   * one).
   */
  public FitResult fit(WorldModel model, FitData data, double[] start, Deadline deadline) {
    if (!data.lawNames().equals(model.lawNames())) {
      throw new IllegalArgumentException("the data was precomputed for other laws");
    }
    ModelOptions options = model.options();
    List<String> names = model.lawNames();
    int n = model.laws().size();
    if (start.length != n) {
      throw new IllegalArgumentException(n + " laws but " + start.length + " starting weights");
    }
    Floor floor = model.floor();
    double[] epsilon = floor.epsilons(model.schema());
    boolean fitFloor = floor.enabled();
    Objective objective = new Objective(data, options.lambda(), epsilon, fitFloor, sums);
    int dim = objective.dimension();
    double[] lower = new double[dim];
    double[] upper = new double[dim];
    Arrays.fill(upper, 0, n, options.maxWeight());
    double[] x0 = new double[dim];
    for (int i = 0; i < n; i++) {
      x0[i] = Math.max(0, Math.min(options.maxWeight(), start[i]));
    }
    long[] channelTargets = data.channelTargets;
    for (int c = 0; c < objective.chanceBase() - n; c++) {
      if (channelTargets[c] == 0) {
        // No target of this channel to learn from: it keeps the value it had.
        lower[n + c] = epsilon[c];
        upper[n + c] = epsilon[c];
      } else {
        lower[n + c] = laplaceFloor(channelTargets[c]);
        upper[n + c] = Math.max(lower[n + c], Floor.MAX_FITTED);
      }
      x0[n + c] = Math.max(lower[n + c], Math.min(upper[n + c], epsilon[c]));
    }
    int chanceBase = objective.chanceBase();
    for (int g = 0; g < dim - chanceBase; g++) {
      // The optimiser moves a fitted probability's logit (Objective).
      lower[chanceBase + g] = Objective.logit(MIN_CHANCE);
      upper[chanceBase + g] = Objective.logit(1 - MIN_CHANCE);
      x0[chanceBase + g] = Objective.logit(Math.max(MIN_CHANCE, Math.min(1 - MIN_CHANCE, data.chanceStart[g])));
    }
    List<String> unevidenced = new ArrayList<>();
    long[] firings = data.firings();
    boolean[] probabilityOnly = data.onlyFittedCreations();
    for (int i = 0; i < n; i++) {
      if (probabilityOnly[i]) {
        // Its fitted probability is what moves (FitData#onlyFittedCreations). Held at weight 0 it
        // would say nothing and its probability could never be fitted: it stands at 1 instead.
        if (x0[i] == 0) {
          x0[i] = Math.min(1, options.maxWeight());
        }
        lower[i] = x0[i];
        upper[i] = x0[i];
      }
      if (firings[i] == 0) {
        // A fixed variable: the bounded optimiser never moves it, whatever the penalty says.
        lower[i] = x0[i];
        upper[i] = x0[i];
        unevidenced.add(names.get(i));
      }
    }
    double startNll = -objective.meanLogLikelihood(x0, null);
    Map<String, String> merged = new LinkedHashMap<>();
    if (mergeIdentical) {
      for (int[] group : data.identicalLaws()) {
        int kept = group[0];
        for (int member : group) {
          if (narrowness.applyAsInt(names.get(member)) < narrowness.applyAsInt(names.get(kept))) {
            kept = member;
          }
        }
        for (int other : group) {
          if (other == kept) {
            continue;
          }
          // Identical opinions: θ_a s + θ_b s = (θ_a + θ_b) s, so the merged start is the same model.
          x0[kept] = Math.min(options.maxWeight(), x0[kept] + x0[other]);
          x0[other] = 0;
          lower[other] = 0;
          upper[other] = 0;
          merged.put(names.get(other), names.get(kept));
        }
      }
    }
    BoundedLbfgs.Result r = optimiser.minimize(objective, x0, lower, upper, deadline::passed);
    double[] theta = Arrays.copyOf(r.x(), n);
    List<String> pruned = new ArrayList<>();
    boolean[] removed = new boolean[n];
    double[] kept = r.x().clone();
    boolean[] neverCreates = neverCreates(data, r.x(), chanceBase, probabilityOnly);
    for (int i = 0; i < n; i++) {
      if (theta[i] <= options.pruneThreshold() || neverCreates[i]) {
        pruned.add(names.get(i));
        removed[i] = true;
        kept[i] = 0;
      }
    }
    // The NLL of the model returned, which leaves the pruned laws out.
    double trainNll = -objective.meanLogLikelihood(kept, null, removed);
    Floor fitted = floor;
    if (fitFloor) {
      Map<String, Double> values = new LinkedHashMap<>(floor.values());
      for (int c = 0; c < chanceBase - n; c++) {
        if (channelTargets[c] > 0) {
          values.put(data.channels.get(c), r.x()[n + c]);
        }
      }
      fitted = Floor.of(values);
    }
    WorldModel result = model.withWeights(theta).withFloor(fitted).withChances(fittedChances(model, data, r.x(), chanceBase))
        .without(new HashSet<>(pruned));
    return new FitResult(result, model.lawNames(), theta, pruned, trainNll, startNll, r.value(), r.iterations(),
        r.converged(), fitted, unevidenced, merged);
  }

  /**
   * The laws that only create with fitted probabilities, every one of which ended at the least
   * value: the data says they never create, so they are pruned as a law at weight 0 would be.
   */
  private static boolean[] neverCreates(FitData data, double[] x, int base, boolean[] probabilityOnly) {
    boolean[] never = probabilityOnly.clone();
    for (int g = 0; g < data.chanceLaw.length; g++) {
      if (Objective.chance(x[base + g]) > 2 * MIN_CHANCE) {
        never[data.chanceLaw[g]] = false;
      }
    }
    return never;
  }

  /**
   * The model's fitted probabilities with those the data showed replaced by their fitted values
   * (ordinals the data never showed stay as they were, NaN when never fitted: the law's own value).
   */
  private static Map<String, double[]> fittedChances(WorldModel model, FitData data, double[] x, int base) {
    Map<String, double[]> chances = model.chances();
    for (int g = 0; g < data.chanceLaw.length; g++) {
      String law = model.lawNames().get(data.chanceLaw[g]);
      int ordinal = data.chanceOrdinal[g];
      double[] row = chances.getOrDefault(law, new double[0]);
      if (row.length <= ordinal) {
        int old = row.length;
        row = Arrays.copyOf(row, ordinal + 1);
        Arrays.fill(row, old, row.length, Double.NaN);
      }
      row[ordinal] = Objective.chance(x[base + g]);
      chances.put(law, row);
    }
    return chances;
  }

  /**
   * The least ε fitting may choose for a channel observed {@code targets} times: Laplace's rule of
   * succession, {@code 1 / (n + 2)}, the chance of a surprise after n targets without one. So a
   * value never seen in training costs about {@code log N + log(n + 2)} nats, never unbounded.
   */
  static double laplaceFloor(long targets) {
    return 1.0 / (targets + 2.0);
  }
}
