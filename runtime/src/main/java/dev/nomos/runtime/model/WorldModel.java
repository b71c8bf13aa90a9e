package dev.nomos.runtime.model;

import dev.nomos.runtime.Frame;
import dev.nomos.runtime.Law;
import dev.nomos.runtime.WorldSchema;
import dev.nomos.runtime.internal.LawIndex;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * A stochastic world model: the product of experts of weighted laws over a world schema (design
 * brief §1). For every target of frame t+1 (an object's presence, x, y and declared attributes, and
 * the spawn channel) {@code p(v) ∝ exp(Σ_i θ_i s_i(v))}, where {@code s_i(v)} is 0 where law i allows
 * v, {@code log q_i(v) - log max q_i} for its weighted choices, {@code -nu} elsewhere, and 0 for every
 * v when law i has no opinion on the target, mixed with a uniform background of weight ε per target
 * ({@link Floor}). See {@code docs/runtime.md} for the exact rules.
 *
 * <p>Immutable and thread-safe; the convenience methods here create a fresh {@link Inference} per
 * call. For passes over many frames, use one {@link #newInference()} per thread.
 */
public final class WorldModel {
  private final WorldSchema schema;
  private final List<Law> laws;
  private final LawIndex lawIndex;
  private final double[] weights;
  private final ModelOptions options;
  private final Floor floor;
  private final List<String> lawNames;
  private final Map<String, double[]> chances;
  private final List<Law> constraints;

  /** With the default {@link Floor}. */
  public WorldModel(WorldSchema schema, List<Law> laws, double[] weights, ModelOptions options) {
    this(schema, laws, weights, options, Floor.defaults());
  }

  /**
   * @param weights one weight per law, each in [-options.maxWeight(), options.maxWeight()]
   * @param floor the background mixed into every target (see {@link Floor})
   */
  public WorldModel(WorldSchema schema, List<Law> laws, double[] weights, ModelOptions options, Floor floor) {
    this(schema, laws, weights, options, floor, Map.of());
  }

  /**
   * @param chances per law name, the values of its fitted creation probabilities by ordinal (in
   *     (0, 1)), replacing the values its creations state; laws not named, and NaN entries, keep theirs
   */
  public WorldModel(WorldSchema schema, List<Law> laws, double[] weights, ModelOptions options, Floor floor,
      Map<String, double[]> chances) {
    this(schema, laws, weights, options, floor, chances, List.of());
  }

  private WorldModel(WorldSchema schema, List<Law> laws, double[] weights, ModelOptions options, Floor floor,
      Map<String, double[]> chances, List<Law> constraints) {
    this.constraints = List.copyOf(constraints);
    this.schema = Objects.requireNonNull(schema, "schema");
    this.floor = Objects.requireNonNull(floor, "floor");
    this.laws = List.copyOf(laws);
    this.options = Objects.requireNonNull(options, "options");
    if (weights.length != this.laws.size()) {
      throw new IllegalArgumentException(this.laws.size() + " laws but " + weights.length + " weights");
    }
    this.weights = weights.clone();
    List<String> names = new ArrayList<>(this.laws.size());
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < this.laws.size(); i++) {
      String name = this.laws.get(i).name();
      if (!seen.add(name)) {
        throw new IllegalArgumentException("two laws are named " + name);
      }
      names.add(name);
      double w = this.weights[i];
      if (!(Math.abs(w) <= options.maxWeight())) {
        throw new IllegalArgumentException("law " + name + ": weight " + w + " is outside [" + -options.maxWeight()
            + ", " + options.maxWeight() + "]");
      }
    }
    for (Law c : this.constraints) {
      if (!seen.add(c.name())) {
        throw new IllegalArgumentException("two laws or constraints are named " + c.name());
      }
    }
    this.lawNames = List.copyOf(names);
    Map<String, double[]> copy = new LinkedHashMap<>();
    for (Map.Entry<String, double[]> e : chances.entrySet()) {
      if (seen.contains(e.getKey())) {
        for (double p : e.getValue()) {
          if (!Double.isNaN(p) && !(p > 0 && p < 1)) {
            throw new IllegalArgumentException("law " + e.getKey() + ": fitted probability " + p + " is outside (0, 1)");
          }
        }
        copy.put(e.getKey(), e.getValue().clone());
      }
    }
    this.chances = Collections.unmodifiableMap(copy);
    this.lawIndex = LawIndex.of(this.laws, schema.actions().size(), schema.types().size());
  }

  /** Every law at weight 1, default options. */
  public static WorldModel of(WorldSchema schema, List<Law> laws) {
    double[] w = new double[laws.size()];
    Arrays.fill(w, 1.0);
    return new WorldModel(schema, laws, w, ModelOptions.defaults());
  }

  public WorldSchema schema() { return schema; }

  public List<Law> laws() { return laws; }

  public List<String> lawNames() { return lawNames; }

  /** A copy of the weights, in law order. */
  public double[] weights() { return weights.clone(); }

  public double weight(int law) { return weights[law]; }

  public ModelOptions options() { return options; }

  public Floor floor() { return floor; }

  double[] weightsArray() { return weights; }

  /** Per law name, the fitted values of its creation probabilities by ordinal (laws without any are absent). */
  public Map<String, double[]> chances() {
    Map<String, double[]> copy = new LinkedHashMap<>();
    chances.forEach((k, v) -> copy.put(k, v.clone()));
    return copy;
  }

  /** The fitted probabilities per law index, for the collectors (null rows where none). */
  public double[][] chancesByLaw() {
    double[][] rows = new double[laws.size()][];
    for (int i = 0; i < rows.length; i++) {
      double[] row = chances.get(lawNames.get(i));
      rows[i] = row == null ? null : row.clone();
    }
    return rows;
  }

  /** The same laws with other fitted creation probabilities. */
  public WorldModel withChances(Map<String, double[]> newChances) {
    return new WorldModel(schema, laws, weights, options, floor, newChances, constraints);
  }

  /**
   * The constraints: hard requirements on frame t+1, without weight, that every prediction meets and
   * that scoring renormalises over (docs/runtime.md, "Constraints").
   */
  public List<Law> constraints() { return constraints; }

  /** The same laws, weights, options and floor, with these constraints (replacing any it had). */
  public WorldModel withConstraints(List<Law> newConstraints) {
    return new WorldModel(schema, laws, weights, options, floor, chances, newConstraints);
  }

  /** The same laws with other weights. */
  public WorldModel withWeights(double[] newWeights) {
    return new WorldModel(schema, laws, newWeights, options, floor, chances, constraints);
  }

  public WorldModel withOptions(ModelOptions newOptions) {
    return new WorldModel(schema, laws, weights, newOptions, floor, chances, constraints);
  }

  /** The same laws and weights with another background. */
  public WorldModel withFloor(Floor newFloor) {
    return new WorldModel(schema, laws, weights, options, newFloor, chances, constraints);
  }

  /** The model without the named laws (the remaining laws keep order and weight). */
  public WorldModel without(Set<String> names) {
    List<Law> kept = new ArrayList<>();
    List<Double> w = new ArrayList<>();
    for (int i = 0; i < laws.size(); i++) {
      if (!names.contains(lawNames.get(i))) {
        kept.add(laws.get(i));
        w.add(weights[i]);
      }
    }
    return new WorldModel(schema, kept, w.stream().mapToDouble(Double::doubleValue).toArray(), options, floor, chances, constraints);
  }

  /** A single-threaded inference engine that reuses its buffers. */
  public Inference newInference() {
    return new Inference(this, true);
  }

  /**
   * An inference that runs every law on every frame, skipping none by its {@link dev.nomos.runtime.LawScope}:
   * the engine as it was before the law index. Its results are identical to {@link #newInference()}'s;
   * it is only slower, and is kept so that benchmarks measure the index against it side by side.
   */
  public Inference newInferenceWithoutLawIndex() {
    return new Inference(this, false);
  }

  /** The laws indexed by action and bound types, built once for this model. */
  LawIndex lawIndex() {
    return lawIndex;
  }

  /** The most likely frame t+1, with {@code nextAction} as its action (-1 for none). */
  public Frame mostLikelyNext(Frame t, int nextAction) {
    return newInference().mostLikelyNext(t, nextAction);
  }

  /** A sampled frame t+1. */
  public Frame sampleNext(Frame t, int nextAction, RandomGenerator random) {
    return newInference().sampleNext(t, nextAction, random);
  }

  /** log p(next | t) under the model. */
  public double logLikelihood(Frame t, Frame next) {
    return newInference().logLikelihood(t, next);
  }

  /**
   * Rolls the model forward from {@code start}: the action of step k is {@code actions[k]} (the
   * first replaces the action recorded in {@code start}). Returns the {@code actions.length}
   * predicted frames; each carries the next action (the last carries -1).
   *
   * @param sample draw each step (seeded by {@code seed}) instead of taking the most likely frame
   */
  public List<Frame> rollout(Frame start, int[] actions, boolean sample, long seed) {
    return rollout(start, actions, sample, seed, unmet -> {});
  }

  /** As {@link #rollout(Frame, int[], boolean, long)}, telling {@code unmet} of every target left unconstrained. */
  public List<Frame> rollout(Frame start, int[] actions, boolean sample, long seed,
      java.util.function.Consumer<UnmetRequirement> unmet) {
    Inference inference = newInference();
    RandomGenerator random = sample ? new SplittableRandom(seed) : null;
    List<Frame> out = new ArrayList<>(actions.length);
    if (actions.length == 0) {
      return out;
    }
    Frame current = Frames.withAction(start, actions[0]);
    for (int k = 0; k < actions.length; k++) {
      int nextAction = k + 1 < actions.length ? actions[k + 1] : -1;
      Frame next = sample ? inference.sampleNext(current, nextAction, random)
          : inference.mostLikelyNext(current, nextAction);
      inference.unmetRequirements(k).forEach(unmet);
      out.add(next);
      current = next;
    }
    return out;
  }

  @Override
  public String toString() {
    return "model of " + schema.name() + " with " + laws.size() + " laws"
        + (constraints.isEmpty() ? "" : " and " + constraints.size() + " constraints");
  }
}
