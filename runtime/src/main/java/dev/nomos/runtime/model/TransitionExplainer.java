package dev.nomos.runtime.model;

import dev.nomos.runtime.AttributeKind;
import dev.nomos.runtime.AttributeSpec;
import dev.nomos.runtime.EntityType;
import dev.nomos.runtime.Frame;
import dev.nomos.runtime.WorldSchema;
import dev.nomos.runtime.internal.CreationScore;
import dev.nomos.runtime.internal.Creations;
import dev.nomos.runtime.internal.JointBlocks;
import dev.nomos.runtime.internal.Observations;
import dev.nomos.runtime.internal.OpinionCollector;
import dev.nomos.runtime.internal.OpinionText;
import dev.nomos.runtime.internal.Partitions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Builds a {@link TransitionExplanation} from the state an {@link Inference} holds after analysing
 * frame t: it walks the targets as {@link Observations} matches them (objects by id, new objects to
 * creation targets), compares each with the most likely next frame and, for the targets listed,
 * splits the log-odds of the observed value against its rival into one term per law (the logits are
 * sums {@code Σ θ_law f_law}, so the terms add up to the PoE's log-odds exactly).
 */
final class TransitionExplainer {
  private static final String UNMENTIONED = "(unmentioned)";

  private final Inference inference;
  private final WorldSchema schema;
  private final List<String> lawNames;
  private final double[] theta;
  private final double unlikely;
  private Frame t;
  private OpinionCollector collector;
  private Partitions partitions;
  private JointBlocks blocks;
  private final List<TargetExplanation> out = new ArrayList<>();

  TransitionExplainer(Inference inference, double unlikely) {
    this.inference = inference;
    this.schema = inference.model().schema();
    this.lawNames = inference.model().lawNames();
    this.theta = inference.model().weightsArray();
    this.unlikely = unlikely;
  }

  TransitionExplanation explain(Frame from, Frame next) {
    double logLikelihood = inference.logLikelihood(from, next);
    Frame predicted = inference.mostLikelyNext(from, -1);
    t = from;
    collector = inference.collector();
    partitions = inference.partitions();
    blocks = inference.blocks();
    out.clear();
    int reward = Observations.rewardValue(from.reward());
    world(OpinionCollector.REWARD_TARGET, "reward", reward, inference.mostLikelyReward(from), rewardText(from.reward()));
    world(OpinionCollector.END_TARGET, "end", next.terminated() ? 1 : 0, predicted.terminated() ? 1 : 0, null);
    for (int o : from.all()) {
      object(o, next, predicted);
    }
    creations(next, predicted);
    return new TransitionExplanation(logLikelihood, out);
  }

  private void world(int target, String name, int observed, int predicted, String observedText) {
    int part = partitions.partOf(target);
    if (part < 0) {
      return;  // not modelled in this step: left out of the likelihood
    }
    String obs = observedText != null ? observedText : worldValue(target, observed);
    attribute(target, part, -1, "world", name, observed, predicted, obs, v -> worldValue(target, v));
  }

  private String worldValue(int target, int value) {
    return target == OpinionCollector.END_TARGET ? (value == 1 ? "true" : "false") : Integer.toString(value);
  }

  private static String rewardText(double reward) {
    return reward == Math.rint(reward) && Math.abs(reward) < 1e15 ? Long.toString((long) reward) : Double.toString(reward);
  }

  private void object(int o, Frame next, Frame predicted) {
    int id = t.id(o);
    int type = t.type(o);
    EntityType et = schema.type(type);
    int n = next.indexOfId(id);
    boolean present = n >= 0 && next.type(n) == type;
    int p = predicted.indexOfId(id);
    int base = collector.objectBase(o);
    target(base, id, et, 0, present ? 1 : 0, p >= 0 ? 1 : 0, 1, 0, 1);
    if (!present || p < 0) {
      return;  // the presence entry says it all; the other targets were not observed or not predicted
    }
    Set<Integer> blocksDone = new HashSet<>();
    int targets = 3 + et.extras().size();
    for (int k = 1; k < targets; k++) {
      int block = blocks.blockOf(base + k);
      if (block >= 0) {
        if (blocksDone.add(block)) {
          joint(block, id, et, next, n, predicted, p, o);
        }
        continue;
      }
      int slot = OpinionCollector.slotOfOffset(k);
      int now = t.get(o, slot);
      int lo;
      int hi;
      if (k <= 2) {
        lo = now + schema.velocityMin();
        hi = now + schema.velocityMax();
      } else {
        AttributeSpec spec = et.extras().get(k - 3);
        lo = spec.min();
        hi = spec.max();
      }
      target(base + k, id, et, k, next.get(n, slot), predicted.get(p, slot), now, lo, hi);
    }
  }

  /** An object's target outside any joint block; {@code lo..hi} is its support when no law spoke to it. */
  private void target(int target, int id, EntityType et, int offset, int observed, int predicted, int now, int lo, int hi) {
    int part = partitions.partOf(target);
    String name = attributeName(et, offset);
    if (part >= 0) {
      attribute(target, part, id, et.name(), name, observed, predicted, value(et, offset, observed), v -> value(et, offset, v));
      return;
    }
    // No law spoke: uniform over the support (one more value when the observation lies outside it),
    // so the predicted value, the value at t kept inside the support, is as likely as any.
    double p = 1.0 / ((double) hi - lo + 1 + (observed < lo || observed > hi ? 1 : 0));
    if (observed != predicted || p < unlikely) {
      out.add(new TargetExplanation(id, et.name(), name, value(et, offset, observed), value(et, offset, predicted),
          value(et, offset, predicted), p, p, List.of()));
    }
  }

  private void attribute(int target, int part, int id, String type, String name, int observed, int predicted,
      String observedText, java.util.function.IntFunction<String> names) {
    double pObs = Math.exp(inference.targetLogProbability(part, observed));
    if (observed == predicted && pObs >= unlikely) {
      return;
    }
    int rivalSeg;
    String rival;
    if (observed != predicted) {
      rivalSeg = partitions.segmentOf(part, predicted);
      rival = names.apply(predicted);
    } else {
      rivalSeg = runnerUp(part, observed);
      rival = rivalSeg < 0 ? UNMENTIONED : rivalValue(rivalSeg, observed, names);
    }
    int obsSeg = partitions.segmentOf(part, observed);
    List<LawVoice> voices = new ArrayList<>();
    TreeSet<Integer> laws = OpinionText.lawsOn(collector, target);
    double[] terms = new double[laws.size()];
    int i = 0;
    for (int law : laws) {
      terms[i++] = theta[law] * (segmentFeature(obsSeg, law) - segmentFeature(rivalSeg, law));
    }
    double mass = absoluteSum(terms);
    i = 0;
    for (int law : laws) {
      voices.add(new LawVoice(lawNames.get(law), theta[law], OpinionText.describe(collector, law, target, names),
          terms[i], mass == 0 ? Double.NaN : terms[i] / mass));
      i++;
    }
    sortByWeightOfVoice(voices);
    out.add(new TargetExplanation(id, type, name, observedText, names.apply(predicted), rival, pObs,
        Math.exp(inference.targetLogProbability(part, predicted)), voices));
  }

  private String rivalValue(int seg, int observed, java.util.function.IntFunction<String> names) {
    int lo = partitions.segLo(seg);
    int hi = partitions.segHi(seg);
    if (observed >= lo && observed <= hi) {
      return names.apply(observed == lo ? lo + 1 : lo);
    }
    return names.apply(Math.max(lo, Math.min(hi, observed)));
  }

  /**
   * The segment holding the likeliest value other than {@code observed}, or -1 when that is a value no
   * law mentions (logit 0).
   */
  private int runnerUp(int part, int observed) {
    double best = Double.NEGATIVE_INFINITY;
    int bestSeg = -1;
    long unmentionedOthers = partitions.unmentioned(part)
        - (partitions.segmentOf(part, observed) < 0 && observed >= partitions.baseLo(part)
            && observed <= partitions.baseHi(part) ? 1 : 0);
    if (unmentionedOthers > 0) {
      best = 0;
    }
    for (int s = partitions.segStart(part); s < partitions.segEnd(part); s++) {
      boolean holds = observed >= partitions.segLo(s) && observed <= partitions.segHi(s);
      if (holds && partitions.segLo(s) == partitions.segHi(s)) {
        continue;
      }
      double logit = inference.segmentLogit(s);
      if (logit > best) {
        best = logit;
        bestSeg = s;
      }
    }
    return bestSeg;
  }

  private double segmentFeature(int seg, int law) {
    if (seg < 0) {
      return 0;
    }
    double f = 0;
    for (int k = partitions.featStart(seg); k < partitions.featEnd(seg); k++) {
      if (partitions.featLaw(k) == law) {
        f += partitions.featVal(k);
      }
    }
    return f;
  }

  private void joint(int block, int id, EntityType et, Frame next, int n, Frame predicted, int p, int o) {
    int from = blocks.coordStart(block);
    int to = blocks.coordEnd(block);
    int[] observed = new int[to - from];
    int[] guess = new int[to - from];
    List<String> names = new ArrayList<>();
    for (int q = from; q < to; q++) {
      int slot = OpinionCollector.slotOfOffset(blocks.offset(q));
      observed[q - from] = next.get(n, slot);
      guess[q - from] = predicted.get(p, slot);
      names.add(attributeName(et, blocks.offset(q)));
    }
    double pObs = Math.exp(inference.blockLogProbability(block, observed));
    boolean wrong = !java.util.Arrays.equals(observed, guess);
    if (!wrong && pObs >= unlikely) {
      return;
    }
    int obsCell = blocks.cellOf(block, observed);
    int rivalCell = wrong ? blocks.cellOf(block, guess) : runnerUpCell(block, obsCell);
    int base = collector.objectBase(o);
    TreeSet<Integer> laws = OpinionText.jointLawsOn(collector, o);
    for (int q = from; q < to; q++) {
      laws.addAll(OpinionText.lawsOn(collector, base + blocks.offset(q)));
    }
    double[] terms = new double[laws.size()];
    int i = 0;
    for (int law : laws) {
      terms[i++] = theta[law] * (cellFeature(obsCell, law) - cellFeature(rivalCell, law));
    }
    double mass = absoluteSum(terms);
    List<LawVoice> voices = new ArrayList<>();
    i = 0;
    for (int law : laws) {
      voices.add(new LawVoice(lawNames.get(law), theta[law], jointOpinion(law, o, base, et, from, to),
          terms[i], mass == 0 ? Double.NaN : terms[i] / mass));
      i++;
    }
    sortByWeightOfVoice(voices);
    String rival = wrong ? tuple(et, guess, from) : rivalCell < 0 ? UNMENTIONED : tuple(et, nearestOf(rivalCell, from, to, observed), from);
    out.add(new TargetExplanation(id, et.name(), String.join(",", names), tuple(et, observed, from), tuple(et, guess, from),
        rival, pObs, Math.exp(inference.blockLogProbability(block, guess)), voices));
  }

  private String jointOpinion(int law, int o, int base, EntityType et, int from, int to) {
    List<String> parts = new ArrayList<>();
    String joint = OpinionText.describeJoint(collector, law, o,
        (target, v) -> value(et, target - base, v));
    if (!joint.isEmpty()) {
      parts.add(joint);
    }
    for (int q = from; q < to; q++) {
      int offset = blocks.offset(q);
      String text = OpinionText.describe(collector, law, base + offset, v -> value(et, offset, v));
      if (!text.isEmpty()) {
        parts.add(attributeName(et, offset) + " " + text);
      }
    }
    return String.join(" ; ", parts);
  }

  private int[] nearestOf(int cell, int from, int to, int[] now) {
    int[] values = new int[to - from];
    for (int q = from; q < to; q++) {
      values[q - from] = blocks.nearest(blocks.classAt(q, cell), now[q - from]);
    }
    return values;
  }

  private int runnerUpCell(int block, int obsCell) {
    double best = Double.NEGATIVE_INFINITY;
    int bestCell = -1;
    for (int cell = blocks.cellStart(block); cell < blocks.cellEnd(block); cell++) {
      if (cell == obsCell || blocks.logMultiplicity(block, cell, null) == Double.NEGATIVE_INFINITY) {
        continue;
      }
      if (inference.cellLogit(cell) > best) {
        best = inference.cellLogit(cell);
        bestCell = cell;
      }
    }
    return bestCell;
  }

  private double cellFeature(int cell, int law) {
    if (cell < 0) {
      return 0;
    }
    double f = 0;
    for (int k = blocks.featStart(cell); k < blocks.featEnd(cell); k++) {
      if (blocks.featLaw(k) == law) {
        f += blocks.featVal(k);
      }
    }
    return f;
  }

  private String tuple(EntityType et, int[] values, int from) {
    List<String> parts = new ArrayList<>();
    for (int q = 0; q < values.length; q++) {
      parts.add(value(et, blocks.offset(from + q), values[q]));
    }
    return "(" + String.join(", ", parts) + ")";
  }

  private void creations(Frame next, Frame predicted) {
    Creations creations = collector.creations();
    boolean[] consumed = new boolean[creations.count()];
    for (int n : next.all()) {
      int id = next.id(n);
      int type = next.type(n);
      int before = t.indexOfId(id);
      if (before >= 0 && t.type(before) == type) {
        continue;
      }
      int k = creations.index(type, next.x(n), next.y(n));
      if (k >= 0 && !consumed[k]) {
        consumed[k] = true;
        creation(k, id, true, predictedAt(predicted, type, next.x(n), next.y(n)));
      } else {
        out.add(new TargetExplanation(id, schema.type(type).name(), "appears at " + next.x(n) + "," + next.y(n),
            "true", "false", "false", Math.exp(Observations.unexplainedLogProbability(schema)), 1, List.of()));
      }
    }
    for (int k = 0; k < creations.count(); k++) {
      if (!consumed[k]) {
        creation(k, -1, false, predictedAt(predicted, creations.type(k), creations.x(k), creations.y(k)));
      }
    }
  }

  private boolean predictedAt(Frame predicted, int type, int x, int y) {
    for (int p : predicted.all()) {
      if (predicted.type(p) == type && predicted.x(p) == x && predicted.y(p) == y && t.indexOfId(predicted.id(p)) < 0) {
        return true;
      }
    }
    return false;
  }

  private void creation(int k, int id, boolean appeared, boolean predicted) {
    Creations creations = collector.creations();
    double logNo = creations.logNoCreation(k, theta);
    double pAppear = CreationScore.probability(logNo, inference.spawnEpsilon());
    double pObs = appeared ? pAppear : 1 - pAppear;
    if (appeared == predicted && pObs >= unlikely) {
      return;
    }
    List<LawVoice> voices = new ArrayList<>();
    for (int e = creations.first(k); e >= 0; e = creations.next(e)) {
      int law = creations.law(e);
      double term = theta[law] * creations.logNot(e);
      double chance = -Math.expm1(creations.logNot(e));
      // Every term lowers log P(nothing is created); its share is its part of logNo = Σ terms.
      voices.add(new LawVoice(lawNames.get(law), theta[law], String.format(java.util.Locale.ROOT, "creates with chance %.3f", chance),
          term, logNo == 0 ? Double.NaN : term / logNo));
    }
    sortByWeightOfVoice(voices);
    out.add(new TargetExplanation(id, schema.type(creations.type(k)).name(),
        "appears at " + creations.x(k) + "," + creations.y(k), Boolean.toString(appeared), Boolean.toString(predicted),
        Boolean.toString(predicted), pObs, predicted == appeared ? pObs : 1 - pObs, voices));
  }

  private static void sortByWeightOfVoice(List<LawVoice> voices) {
    voices.sort(Comparator.comparingDouble((LawVoice v) -> -Math.abs(v.logOdds())).thenComparing(LawVoice::law));
  }

  /** The whole push of the laws on a target, either way: shares are terms over it, so they never blow up near a tie. */
  private static double absoluteSum(double[] terms) {
    double s = 0;
    for (double v : terms) {
      s += Math.abs(v);
    }
    return s;
  }

  private static String attributeName(EntityType et, int offset) {
    return offset == 0 ? "alive" : offset == 1 ? "x" : offset == 2 ? "y" : et.extras().get(offset - 3).name();
  }

  /** A value of an object's target as the data writes it: presence as true/false, symbols by name. */
  private static String value(EntityType et, int offset, int v) {
    if (offset == 0) {
      return v == 1 ? "true" : "false";
    }
    if (offset <= 2) {
      return Integer.toString(v);
    }
    AttributeSpec spec = et.extras().get(offset - 3);
    if (spec.kind() == AttributeKind.BOOL) {
      return v == 1 ? "true" : v == 0 ? "false" : Integer.toString(v);
    }
    if (spec.kind() == AttributeKind.SYMBOL) {
      return v >= 0 && v < spec.symbols().size() ? spec.symbols().get(v) : "#" + v;
    }
    return Integer.toString(v);
  }
}
