package dev.nomos.runtime.model;

import dev.nomos.runtime.Frame;
import dev.nomos.runtime.WorldSchema;
import dev.nomos.runtime.internal.ExactSum;
import dev.nomos.runtime.trajectory.Episode;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The counts and sums behind an {@link Evaluation}, for a run of transitions (a shard). Tallies of
 * consecutive shards are merged in data order ({@link #absorb}); counts are whole numbers and the
 * log-likelihoods exact sums, so the evaluation is the same to the last bit however the data was
 * cut (threads, a cluster's partitions). Serializable for the latter.
 */
public final class EvaluationTally implements Serializable {
  private static final long serialVersionUID = 1L;

  private final int types;
  private final ExactSum logLikelihood = new ExactSum();
  private final ExactSum[] typeLogLikelihood;
  private final long[] typeOccurs;
  private final long[] typeExact;
  private final ArrayList<Map<String, AttributeScore>> typeAttributes = new ArrayList<>();
  private final HashMap<String, AttributeScore> attributes = new HashMap<>();
  private final UndeclaredTally undeclared;
  private final OutcomeEvaluation.Tally outcomes = new OutcomeEvaluation.Tally();
  private long transitions;
  private long exact;
  /** Firings of the transitions absorbed from other tallies, laws then constraints. */
  private long[] absorbedFirings;
  /** Firings counted by this tally's own inference so far, laws then constraints. */
  private long[] ownFirings;
  private transient WorldModel model;
  private transient Inference inference;
  // Scratch space of add(), per transition.
  private transient double[] typeLl;
  private transient boolean[] occurs;
  private transient boolean[] wrong;

  public EvaluationTally(WorldModel model) {
    WorldSchema schema = model.schema();
    this.model = model;
    this.types = schema.types().size();
    this.typeLogLikelihood = new ExactSum[types];
    this.typeOccurs = new long[types];
    this.typeExact = new long[types];
    for (int k = 0; k < types; k++) {
      typeLogLikelihood[k] = new ExactSum();
      typeAttributes.add(new HashMap<>());
    }
    this.undeclared = new UndeclaredTally(schema);
    int laws = model.laws().size() + model.constraints().size();
    this.absorbedFirings = new long[laws];
    this.ownFirings = new long[laws];
  }

  /** Number of transitions counted. */
  public long transitions() {
    return transitions;
  }

  /**
   * Scores transitions {@code from} (inclusive) to {@code to} (exclusive) of an episode.
   *
   * @throws LawException naming the record where a law failed
   */
  public void add(Episode episode, int from, int to) {
    if (inference == null) {
      inference = model.newInference();
      typeLl = new double[types];
      occurs = new boolean[types];
      wrong = new boolean[types];
    }
    WorldSchema schema = model.schema();
    List<Frame> frames = episode.frames();
    for (int k = from; k < to; k++) {
      Frame t = frames.get(k);
      Frame next = frames.get(k + 1);
      Frame predicted;
      Arrays.fill(typeLl, 0);
      try {
        logLikelihood.add(inference.logLikelihood(t, next, typeLl));
        predicted = inference.mostLikelyNext(t, -1);
        outcomes.add(inference, t, next);
      } catch (LawException e) {
        throw e.at(episode.location(k));
      }
      for (int type = 0; type < types; type++) {
        if (typeLl[type] != 0) {
          typeLogLikelihood[type].add(typeLl[type]);
        }
      }
      Arrays.fill(occurs, false);
      Arrays.fill(wrong, false);
      Metrics.compare(schema, t, next, predicted, occurs, wrong, attributes, typeAttributes);
      boolean allRight = !undeclared.add(t, next);
      for (int type = 0; type < types; type++) {
        if (occurs[type]) {
          typeOccurs[type]++;
          if (!wrong[type]) {
            typeExact[type]++;
          }
        }
        allRight &= !wrong[type];
      }
      if (allRight) {
        exact++;
      }
      transitions++;
    }
  }

  /** Copies the firings this tally's inference counted (cumulative) into {@link #ownFirings}. */
  private void snapshotFirings() {
    if (inference != null) {
      long[] laws = inference.firings();
      long[] required = inference.constraintFirings();
      System.arraycopy(laws, 0, ownFirings, 0, laws.length);
      System.arraycopy(required, 0, ownFirings, laws.length, required.length);
    }
  }

  private void writeObject(java.io.ObjectOutputStream out) throws java.io.IOException {
    snapshotFirings();
    out.defaultWriteObject();
  }

  /** Adds the tally of the transitions that follow these in the data. */
  public void absorb(EvaluationTally next) {
    if (next.types != types || next.ownFirings.length != ownFirings.length) {
      throw new IllegalArgumentException("the tallies were made for other laws or another world");
    }
    next.snapshotFirings();
    transitions += next.transitions;
    exact += next.exact;
    logLikelihood.add(next.logLikelihood);
    for (int type = 0; type < types; type++) {
      typeLogLikelihood[type].add(next.typeLogLikelihood[type]);
      typeOccurs[type] += next.typeOccurs[type];
      typeExact[type] += next.typeExact[type];
      Map<String, AttributeScore> mine = typeAttributes.get(type);
      next.typeAttributes.get(type).forEach((name, s) -> mine.merge(name, s, EvaluationTally::add));
    }
    next.attributes.forEach((name, s) -> attributes.merge(name, s, EvaluationTally::add));
    undeclared.absorb(next.undeclared);
    outcomes.absorb(next.outcomes);
    for (int i = 0; i < absorbedFirings.length; i++) {
      absorbedFirings[i] += next.absorbedFirings[i] + next.ownFirings[i];
    }
  }

  private static AttributeScore add(AttributeScore a, AttributeScore b) {
    return new AttributeScore(a.correct() + b.correct(), a.total() + b.total());
  }

  /** The evaluation of everything counted, for the model the tally was made with (same laws). */
  public Evaluation result(WorldModel model) {
    snapshotFirings();
    WorldSchema schema = model.schema();
    Map<String, TypeEvaluation> perType = new HashMap<>();
    for (int type = 0; type < types; type++) {
      perType.put(schema.type(type).name(), new TypeEvaluation(
          transitions == 0 ? Double.NaN : -typeLogLikelihood[type].value() / transitions,
          typeOccurs[type] == 0 ? Double.NaN : (double) typeExact[type] / typeOccurs[type],
          typeOccurs[type], typeAttributes.get(type)));
    }
    undeclared.addTo(perType, transitions);
    Map<String, Long> firings = new HashMap<>();
    int laws = model.laws().size();
    for (int i = 0; i < laws; i++) {
      firings.put(model.lawNames().get(i), absorbedFirings[i] + ownFirings[i]);
    }
    for (int i = 0; i < model.constraints().size(); i++) {
      firings.put(model.constraints().get(i).name(), absorbedFirings[laws + i] + ownFirings[laws + i]);
    }
    return new Evaluation(transitions,
        transitions == 0 ? Double.NaN : -logLikelihood.value() / transitions,
        transitions == 0 ? Double.NaN : (double) exact / transitions,
        attributes, perType, firings, outcomes.result());
  }
}
