package dev.nomos.runtime.fit;

import dev.nomos.runtime.Frame;
import dev.nomos.runtime.Law;
import dev.nomos.runtime.WorldSchema;
import dev.nomos.runtime.model.Floor;
import dev.nomos.runtime.model.Inference;
import dev.nomos.runtime.model.LawException;
import dev.nomos.runtime.model.WorldModel;
import dev.nomos.runtime.internal.Creations;
import dev.nomos.runtime.internal.FloorChannels;
import dev.nomos.runtime.internal.JointBlocks;
import dev.nomos.runtime.internal.Observations;
import dev.nomos.runtime.internal.OpinionCollector;
import dev.nomos.runtime.internal.Partitions;
import dev.nomos.runtime.internal.Requirements;
import dev.nomos.runtime.internal.TargetObserver;
import dev.nomos.runtime.trajectory.Episode;
import java.util.List;

/**
 * Runs every law of a model on transitions and stores what they say in a {@link FitPart}. One
 * scorer per thread (its scratch space is its own); the laws themselves are shared.
 *
 * <pre>{@code
 * FitScorer s = new FitScorer(model);
 * s.add(episode, 0, episode.transitions());
 * FitPart part = s.part();
 * }</pre>
 */
public final class FitScorer implements TargetObserver {
  private final WorldModel model;
  private final List<Law> laws;
  private final OpinionCollector collector;
  private final Partitions partitions = new Partitions();
  private final JointBlocks blocks = new JointBlocks();
  private final List<Law> constraints;
  private final Requirements requirements;
  private final Observations observations = new Observations();
  private final FloorChannels floorChannels;
  private final FitPart part;
  private Inference predictor;
  private boolean[] outside = new boolean[8];

  public FitScorer(WorldModel model) {
    this.model = model;
    WorldSchema schema = model.schema();
    this.floorChannels = new FloorChannels(schema);
    this.laws = model.laws();
    List<String> names = model.lawNames();
    this.collector = new OpinionCollector(schema, names.toArray(String[]::new), model.options().nu(),
        model.chancesByLaw());
    this.constraints = model.constraints();
    this.requirements = constraints.isEmpty() ? null : new Requirements(constraints);
    this.part = new FitPart(names.size(), Floor.channels(schema).size(), floorChannels.channel(0, -1),
        Observations.unexplainedLogProbability(schema));
  }

  /** The part written so far. */
  public FitPart part() {
    return part;
  }

  /**
   * Scores transitions {@code from} (inclusive) to {@code to} (exclusive) of an episode.
   *
   * @throws LawException naming the record where a law failed
   */
  public void add(Episode episode, int from, int to) {
    List<Frame> frames = episode.frames();
    for (int k = from; k < to; k++) {
      try {
        add(frames.get(k), frames.get(k + 1));
      } catch (LawException ex) {
        throw ex.at(episode.location(k));
      }
    }
  }

  /** Scores one transition. */
  public void add(Frame t, Frame next) {
    collector.run(t, laws);
    if (requirements != null) {
      // Constraints carry no weight, but they cut the supports the weights are fitted over. A
      // `next(...)` guard reads the most likely next frame under the weights fitting starts from.
      requirements.runDecidingNext(t, constraints, collector, () -> predictor().mostLikelyNext(t, -1));
    }
    partitions.build(collector, requirements);
    blocks.build(collector, partitions);
    observations.observe(collector, partitions, blocks, next, this);
    part.transitions++;
  }

  private Inference predictor() {
    if (predictor == null) {
      predictor = model.newInference();
    }
    return predictor;
  }

  @Override
  public void constant(double logProbability, int type) {
    part.constant.add(logProbability);
  }

  @Override
  public void creation(int target, boolean appeared, int type) {
    Creations c = collector.creations();
    int n = 0;
    for (int e = c.first(target); e >= 0; e = c.next(e)) {
      n++;
    }
    int[] law = new int[n];
    int[] chance = new int[n];
    double[] share = new double[n];
    double[] logNot = new double[n];
    int i = 0;
    for (int e = c.first(target); e >= 0; e = c.next(e), i++) {
      law[i] = c.law(e);
      int g = c.chance(e);
      chance[i] = g < 0 ? -1 : part.chance(c.chanceLaw(g), c.chanceOrdinal(g), c.chanceKnown(g), c.chanceValue(g));
      share[i] = c.share(e);
      logNot[i] = c.logNot(e);
    }
    part.channelTargets[part.spawnChannel]++;
    part.addCreation(appeared, law, chance, share, logNot, 1);
  }

  @Override
  public void observed(int partIndex, int value, int type) {
    FitPart d = part;
    Partitions p = partitions;
    int first = p.segStart(partIndex);
    int last = p.segEnd(partIndex);
    d.ensureTargets(d.targets + 1);
    d.ensureClasses(d.classes + (last - first) + 1);
    d.targetClassStart[d.targets] = d.classes;
    int observed = -1;
    for (int s = first; s < last; s++) {
      int from = p.featStart(s);
      int to = p.featEnd(s);
      d.ensureFeats(d.feats + (to - from));
      if (value >= p.segLo(s) && value <= p.segHi(s)) {
        observed = d.classes;
      }
      d.classLogMultiplicity[d.classes] = Math.log((double) p.segHi(s) - p.segLo(s) + 1);
      d.classFeatStart[d.classes] = d.feats;
      for (int k = from; k < to; k++) {
        d.featLaw[d.feats] = p.featLaw(k);
        d.featVal[d.feats] = p.featVal(k);
        d.feats++;
      }
      d.classes++;
    }
    long unmentioned = p.unmentioned(partIndex);
    if (observed < 0 && (value < p.baseLo(partIndex) || value > p.baseHi(partIndex))) {
      unmentioned++; // The observed value outside the support joins the unmentioned values.
    }
    if (unmentioned > 0) {
      if (observed < 0) {
        observed = d.classes;
      }
      d.classLogMultiplicity[d.classes] = Math.log((double) unmentioned);
      d.classFeatStart[d.classes] = d.feats;
      d.classes++;
    }
    d.classFeatStart[d.classes] = d.feats;
    d.observedClass[d.targets] = observed;
    int channel = floorChannels.channel(type, p.offset(partIndex));
    d.ensureChannels(d.channelEntries + 1);
    d.targetChannelStart[d.targets] = d.channelEntries;
    d.targetChannels[d.channelEntries++] = channel;
    d.targetLogSize[d.targets] = Math.log((double) p.supportSize(partIndex, value));
    d.targetUnspoken[d.targets] = -d.targetLogSize[d.targets];
    d.channelTargets[channel]++;
    d.finishTarget(1);
  }

  @Override
  public void observedJoint(int block, int[] values, int type) {
    FitPart d = part;
    JointBlocks jb = blocks;
    int from = jb.coordStart(block);
    int to = jb.coordEnd(block);
    if (outside.length < to - from) {
      outside = new boolean[Math.max(to - from, outside.length * 2)];
    }
    double logSize = 0;
    d.ensureTargets(d.targets + 1);
    d.ensureChannels(d.channelEntries + (to - from));
    d.targetChannelStart[d.targets] = d.channelEntries;
    for (int q = from; q < to; q++) {
      outside[q - from] = jb.outside(q, values[q - from]);
      logSize += Math.log((double) jb.supportSize(q) + (outside[q - from] ? 1 : 0));
      int channel = floorChannels.channel(type, jb.offset(q));
      d.targetChannels[d.channelEntries++] = channel;
      d.channelTargets[channel]++;
    }
    int obsCell = jb.cellOf(block, values);
    d.ensureClasses(d.classes + (jb.cellEnd(block) - jb.cellStart(block)) + 1);
    d.targetClassStart[d.targets] = d.classes;
    int observed = -1;
    for (int cell = jb.cellStart(block); cell < jb.cellEnd(block); cell++) {
      double logMult = jb.logMultiplicity(block, cell, outside);
      if (logMult == Double.NEGATIVE_INFINITY) {
        continue; // An empty cell (the observed one never is: it holds the observation).
      }
      if (cell == obsCell) {
        observed = d.classes;
      }
      d.classLogMultiplicity[d.classes] = logMult;
      d.classFeatStart[d.classes] = d.feats;
      d.ensureFeats(d.feats + (jb.featEnd(cell) - jb.featStart(cell)));
      for (int k = jb.featStart(cell); k < jb.featEnd(cell); k++) {
        d.featLaw[d.feats] = jb.featLaw(k);
        d.featVal[d.feats] = jb.featVal(k);
        d.feats++;
      }
      d.classes++;
    }
    d.classFeatStart[d.classes] = d.feats;
    d.observedClass[d.targets] = observed;
    d.targetLogSize[d.targets] = logSize;
    d.targetUnspoken[d.targets] = -logSize;
    d.finishTarget(1);
  }
}
