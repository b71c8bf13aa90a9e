package dev.nomos.runtime.model;

import dev.nomos.runtime.AttributeSpec;
import dev.nomos.runtime.EntityType;
import dev.nomos.runtime.Frame;
import dev.nomos.runtime.Law;
import dev.nomos.runtime.Slots;
import dev.nomos.runtime.WorldSchema;
import dev.nomos.runtime.internal.CreationScore;
import dev.nomos.runtime.internal.Creations;
import dev.nomos.runtime.internal.FloorChannels;
import dev.nomos.runtime.internal.FloorMixMemo;
import dev.nomos.runtime.internal.JointBlocks;
import dev.nomos.runtime.internal.LawIndex;
import dev.nomos.runtime.internal.Observations;
import dev.nomos.runtime.internal.OneSegmentLogZ;
import dev.nomos.runtime.internal.OpinionCollector;
import dev.nomos.runtime.internal.Partitions;
import dev.nomos.runtime.internal.Requirements;
import dev.nomos.runtime.internal.TargetObserver;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Product-of-experts inference for one thread: runs every law on a frame once and answers questions
 * about the next frame. It keeps its buffers between calls (and remembers the last frame analysed),
 * so reuse one instance for a pass over data. Not thread-safe; get one per thread from
 * {@link WorldModel#newInference()}.
 */
public final class Inference {
  private static final double TIE = 1e-9;
  private static final double LOG_ONE = Math.log(1.0);

  private final WorldModel model;
  private final WorldSchema schema;
  private final List<Law> laws;
  private final LawIndex lawIndex;
  private final double[] theta;
  private final OpinionCollector collector;
  private final Partitions partitions = new Partitions();
  private final JointBlocks blocks = new JointBlocks();
  private final List<Law> constraints;
  private final Requirements requirements;
  private final Observations observations = new Observations();
  private final Scoring scoring = new Scoring();
  private final FloorChannels channels;
  private final double[] epsilon;
  /** Per floor channel, {@code log(1 - ε)} and {@code log ε} ({@link FloorChannels#mix(double, double, double, double)}). */
  private final double[] logKeep;
  private final double[] logEpsilon;
  private final FloorMixMemo mixes;
  private final OneSegmentLogZ oneSegment = new OneSegmentLogZ();
  /** {@code Math.log(k)} for the support sizes 2 <= k < 4096 seen so far (0 until first asked). */
  private final double[] logs = new double[4096];
  private final double spawnEpsilon;
  private final double logUnexplained;
  private double[] segLogit = new double[256];
  private double[] partLogZ = new double[64];
  private double[] cellLogit = new double[64];
  private boolean[] outside = new boolean[8];
  private int[] assignment = new int[8];
  private int[] candidate = new int[8];
  private Frame analysed;

  Inference(WorldModel model, boolean indexed) {
    this.model = model;
    this.lawIndex = indexed ? model.lawIndex() : null;
    this.schema = model.schema();
    this.laws = model.laws();
    this.theta = model.weightsArray();
    this.collector = new OpinionCollector(schema, model.lawNames().toArray(String[]::new), model.options().nu(),
        model.chancesByLaw());
    this.channels = new FloorChannels(schema);
    this.epsilon = model.floor().epsilons(schema);
    this.logKeep = new double[epsilon.length];
    this.logEpsilon = new double[epsilon.length];
    for (int c = 0; c < epsilon.length; c++) {
      logKeep[c] = Math.log1p(-epsilon[c]);
      logEpsilon[c] = Math.log(epsilon[c]);
    }
    this.mixes = new FloorMixMemo(logKeep, logEpsilon);
    this.spawnEpsilon = epsilon[channels.channel(0, -1)];
    this.logUnexplained = Observations.unexplainedLogProbability(schema);
    this.constraints = model.constraints();
    this.requirements = constraints.isEmpty() ? null : new Requirements(constraints);
  }

  public WorldModel model() {
    return model;
  }

  /** How many opinions each law has emitted over every frame this instance analysed (law order). */
  public long[] firings() {
    return collector.firings().clone();
  }

  /** How many requirements each constraint has made over every frame this instance analysed (constraint order). */
  public long[] constraintFirings() {
    return requirements == null ? new long[0] : requirements.firings().clone();
  }

  /** Runs the laws on frame t (once; a repeated call with the same frame does nothing). */
  public void analyse(Frame t) {
    if (t == analysed) {
      return;
    }
    if (t.schema() != schema) {
      throw new IllegalArgumentException("frame of world " + t.schema().name() + " given to a model of world " + schema.name());
    }
    analysed = null;
    if (lawIndex != null) {
      collector.run(t, laws, lawIndex);
    } else {
      collector.runEvery(t, laws);
    }
    if (requirements != null) {
      requirements.runDecidingNext(t, constraints, collector, () -> {
        // The frame a `next(...)` guard reads: the most likely one under what the first run requires.
        build(t);
        Frame predicted = predict(t, -1, null);
        analysed = null;
        return predicted;
      });
    }
    build(t);
  }

  private void build(Frame t) {
    partitions.build(collector, requirements);
    blocks.build(collector, partitions);
    computeLogits();
    analysed = t;
  }

  private void computeLogits() {
    Partitions p = partitions;
    int parts = p.parts();
    if (partLogZ.length < parts) {
      partLogZ = new double[Math.max(parts, partLogZ.length * 2)];
    }
    int segs = parts == 0 ? 0 : p.segEnd(parts - 1);
    if (segLogit.length < segs) {
      segLogit = new double[Math.max(segs, segLogit.length * 2)];
    }
    for (int part = 0; part < parts; part++) {
      if (p.segEnd(part) - p.segStart(part) == 1) {
        int s = p.segStart(part);
        double a = 0;
        for (int k = p.featStart(s); k < p.featEnd(s); k++) {
          a += theta[p.featLaw(k)] * p.featVal(k);
        }
        segLogit[s] = a;
        partLogZ[part] = oneSegment.of(a, (long) p.segHi(s) - p.segLo(s) + 1, p.unmentioned(part));
        continue;
      }
      double max = p.unmentioned(part) > 0 ? 0 : Double.NEGATIVE_INFINITY;
      for (int s = p.segStart(part); s < p.segEnd(part); s++) {
        double a = 0;
        for (int k = p.featStart(s); k < p.featEnd(s); k++) {
          a += theta[p.featLaw(k)] * p.featVal(k);
        }
        segLogit[s] = a;
        // Single values (most segments) reuse log 1, worked out once: the same sum without a logarithm each.
        long length = (long) p.segHi(s) - p.segLo(s) + 1;
        max = Math.max(max, a + (length == 1 ? LOG_ONE : Math.log((double) length)));
      }
      double sum = p.unmentioned(part) > 0 ? p.unmentioned(part) * Math.exp(-max) : 0;
      for (int s = p.segStart(part); s < p.segEnd(part); s++) {
        sum += ((double) p.segHi(s) - p.segLo(s) + 1) * Math.exp(segLogit[s] - max);
      }
      partLogZ[part] = max + Math.log(sum);
    }
    JointBlocks jb = blocks;
    int cells = jb.blocks() == 0 ? 0 : jb.cellEnd(jb.blocks() - 1);
    if (cellLogit.length < cells) {
      cellLogit = new double[Math.max(cells, cellLogit.length * 2)];
    }
    for (int cell = 0; cell < cells; cell++) {
      double a = 0;
      for (int k = jb.featStart(cell); k < jb.featEnd(cell); k++) {
        a += theta[jb.featLaw(k)] * jb.featVal(k);
      }
      cellLogit[cell] = a;
    }
  }

  /**
   * The targets of the last frame analysed whose requirements exclude each other: no value meets
   * them all, so they were left unconstrained there (empty for a model without constraints).
   * {@code frameIndex} is copied into each (a rollout's count of predicted frames).
   */
  public List<UnmetRequirement> unmetRequirements(int frameIndex) {
    if (requirements == null || analysed == null) {
      return List.of();
    }
    List<UnmetRequirement> out = new java.util.ArrayList<>();
    for (Requirements.Unmet u : requirements.unmet()) {
      EntityType type = schema.type(analysed.type(u.object()));
      String attribute = u.offset() == 0 ? "alive" : u.offset() == 1 ? "x" : u.offset() == 2 ? "y"
          : type.extras().get(u.offset() - 3).name();
      out.add(new UnmetRequirement(frameIndex, u.constraint(), analysed.id(u.object()), type.name(), attribute));
    }
    return out;
  }

  // ---- likelihood ------------------------------------------------------------------------------

  /**
   * log p(next | t): the sum over every target of frame t and the creation targets, and the world's
   * reward (recorded on t) and end ({@code next.terminated()}) when some law speaks to them.
   */
  public double logLikelihood(Frame t, Frame next) {
    return logLikelihood(t, next, null);
  }

  /**
   * log p(next | t); when {@code perType} is given (one slot per entity type) each type's share is
   * added to it (a target counts for its object's type, a new object for its own type; a new object of
   * a type the world does not declare counts in the total only).
   */
  public double logLikelihood(Frame t, Frame next, double[] perType) {
    analyse(t);
    scoring.total = 0;
    scoring.world = 0;
    scoring.perType = perType;
    observations.observe(collector, partitions, blocks, next, scoring);
    scoring.perType = null;
    return scoring.total;
  }

  /**
   * log p of the objects of {@code next} given t: {@link #logLikelihood} without the world's reward
   * and end, that is the probability of the frame itself.
   */
  public double frameLogProbability(Frame t, Frame next) {
    double all = logLikelihood(t, next, null);
    return all - scoring.world;
  }

  // ---- the world's reward and end --------------------------------------------------------------

  /** Whether some law spoke to the reward of the step from t. */
  public boolean speaksToReward(Frame t) {
    analyse(t);
    return partitions.partOf(OpinionCollector.REWARD_TARGET) >= 0;
  }

  /** Whether some law spoke to the end of the episode at t+1. */
  public boolean speaksToEnd(Frame t) {
    analyse(t);
    return partitions.partOf(OpinionCollector.END_TARGET) >= 0;
  }

  /** The most likely reward of the step from t (ties toward 0; 0 when no law speaks to it). */
  public int mostLikelyReward(Frame t) {
    analyse(t);
    int part = partitions.partOf(OpinionCollector.REWARD_TARGET);
    return part < 0 ? 0 : mode(part, 0);
  }

  /** Whether the episode most likely ends at t+1 (ties toward going on; false when no law speaks to it). */
  public boolean mostLikelyEnd(Frame t) {
    analyse(t);
    int part = partitions.partOf(OpinionCollector.END_TARGET);
    return part >= 0 && mode(part, 0) == 1;
  }

  /**
   * log p(reward) for the step from t, with the floor. A reward no law speaks to is predicted 0 with
   * certainty, mixed with the floor's reward channel over {0} and the value asked about.
   * {@code reward} is a recorded reward ({@link Observations#rewardValue} maps a fractional one
   * outside every support).
   */
  public double rewardLogProbability(Frame t, double reward) {
    return worldLogProbability(t, OpinionCollector.REWARD_TARGET, Observations.rewardValue(reward));
  }

  /** log p(the episode ends at t+1 = {@code end}), with the floor; as for the reward when no law speaks to it. */
  public double endLogProbability(Frame t, boolean end) {
    return worldLogProbability(t, OpinionCollector.END_TARGET, end ? 1 : 0);
  }

  private double worldLogProbability(Frame t, int target, int value) {
    analyse(t);
    int part = partitions.partOf(target);
    if (part >= 0) {
      return logProbability(part, value);
    }
    if (value == 0) {
      return 0; // (1 - ε) · 1 + ε / 1 over the support {0}
    }
    double eps = epsilon[channels.channel(0, target == OpinionCollector.REWARD_TARGET
        ? Partitions.REWARD_OFFSET : Partitions.END_OFFSET)];
    return Math.log(eps) - Math.log(2);
  }

  /** A reward drawn for the step from t (0 when no law speaks to it); draws nothing then. */
  public int sampleReward(Frame t, RandomGenerator random) {
    analyse(t);
    int part = partitions.partOf(OpinionCollector.REWARD_TARGET);
    return part < 0 ? 0 : draw(part, random);
  }

  /** Whether the episode ends at t+1, drawn (false when no law speaks to it; draws nothing then). */
  public boolean sampleEnd(Frame t, RandomGenerator random) {
    analyse(t);
    int part = partitions.partOf(OpinionCollector.END_TARGET);
    return part >= 0 && draw(part, random) == 1;
  }

  private final class Scoring implements TargetObserver {
    double total;
    double world;
    double[] perType;

    @Override
    public void observed(int part, int value, int type) {
      double lp = logProbability(part, value);
      if (type == TargetObserver.REWARD || type == TargetObserver.END) {
        world += lp;
      }
      add(lp, type);
    }

    @Override
    public void observedJoint(int block, int[] values, int type) {
      add(jointLogProbability(block, values), type);
    }

    @Override
    public void constant(double logProbability, int type) {
      add(logProbability, type);
    }

    @Override
    public void creation(int target, boolean appeared, int type) {
      double logNo = collector.creations().logNoCreation(target, theta);
      add(CreationScore.logLikelihood(logNo, spawnEpsilon, appeared, logUnexplained), type);
    }

    private void add(double lp, int type) {
      total += lp;
      if (perType != null && type >= 0) {
        perType[type] += lp;
      }
    }
  }

  /**
   * The target's log-probability under the PoE mixed with the floor's uniform background: the
   * value's segment found once for both, the channel's logarithms worked out once per model.
   */
  private double logProbability(int part, int value) {
    Partitions p = partitions;
    int channel = channelOf(part);
    int seg = p.segmentOf(part, value);
    double poe = poeLogProbability(part, value, seg);
    if (epsilon[channel] == 0) {
      return poe;
    }
    // A value outside both the base support and every segment joins the support (Partitions.supportSize).
    boolean outside = seg < 0 && (value < p.baseLo(part) || value > p.baseHi(part));
    return mixes.mix(poe, channel, logOf(p.supportSize(part) + (outside ? 1 : 0)));
  }

  /** The floor's ε for a target some law spoke to. */
  private double epsilonOf(int part) {
    return epsilon[channelOf(part)];
  }

  /** The floor channel of a target some law spoke to. */
  private int channelOf(int part) {
    int offset = partitions.offset(part);
    int type = offset < 0 ? 0 : collector.frame().type(partitions.object(part));  // world channels ignore it
    return channels.channel(type, offset);
  }

  /**
   * {@code Math.log(size)}, remembered for the small support sizes that recur on every step: the same
   * value without a logarithm per target.
   */
  private double logOf(long size) {
    if (size < 2 || size >= logs.length) {
      return Math.log((double) size);
    }
    int k = (int) size;
    if (logs[k] == 0) {
      logs[k] = Math.log((double) size);
    }
    return logs[k];
  }

  /**
   * The log-probability of a joint block's observed values: the PoE over the block's cells (an
   * observation outside a coordinate's support joins that coordinate's unmentioned values), mixed
   * with a uniform background over the product of the supports with weight {@code 1 - Π (1 - ε_c)}.
   */
  private double jointLogProbability(int block, int[] values) {
    JointBlocks jb = blocks;
    int from = jb.coordStart(block);
    int to = jb.coordEnd(block);
    if (outside.length < to - from) {
      outside = new boolean[Math.max(to - from, outside.length * 2)];
    }
    double logSize = 0;
    for (int q = from; q < to; q++) {
      outside[q - from] = jb.outside(q, values[q - from]);
      logSize += Math.log((double) jb.supportSize(q) + (outside[q - from] ? 1 : 0));
    }
    int obs = jb.cellOf(block, values);
    double max = Double.NEGATIVE_INFINITY;
    for (int cell = jb.cellStart(block); cell < jb.cellEnd(block); cell++) {
      max = Math.max(max, cellLogit[cell] + jb.logMultiplicity(block, cell, outside));
    }
    double sum = 0;
    for (int cell = jb.cellStart(block); cell < jb.cellEnd(block); cell++) {
      sum += Math.exp(cellLogit[cell] + jb.logMultiplicity(block, cell, outside) - max);
    }
    double poe = cellLogit[obs] - (max + Math.log(sum));
    double eps = jointEpsilon(block);
    return eps == 0 ? poe : FloorChannels.mix(poe, eps, logSize);
  }

  /** The floor of a joint block: the chance that at least one of its channels' backgrounds speaks. */
  private double jointEpsilon(int block) {
    int type = collector.frame().type(blocks.object(block));
    double keep = 1;
    for (int q = blocks.coordStart(block); q < blocks.coordEnd(block); q++) {
      keep *= 1 - epsilon[channels.channel(type, blocks.offset(q))];
    }
    return 1 - keep;
  }

  private double poeLogProbability(int part, int value) {
    return poeLogProbability(part, value, partitions.segmentOf(part, value));
  }

  /** As {@link #poeLogProbability(int, int)}, with the value's segment ({@link Partitions#segmentOf}) given. */
  private double poeLogProbability(int part, int value, int seg) {
    Partitions p = partitions;
    double logZ = partLogZ[part];
    if (seg >= 0) {
      return segLogit[seg] - logZ;
    }
    if (value < p.baseLo(part) || value > p.baseHi(part)) {
      // Outside the support: the support is taken to include this one unmentioned value.
      logZ += Math.log1p(Math.exp(-logZ));
    }
    return -logZ;
  }

  // ---- explanation -----------------------------------------------------------------------------

  /**
   * Why the model scored {@code next} after {@code t} as it did: every target whose most likely value
   * is wrong or whose observed value has a probability below {@code unlikely}, with the laws that
   * spoke to it and each one's term of the log-odds (see {@link TransitionExplanation}).
   */
  public TransitionExplanation explain(Frame t, Frame next, double unlikely) {
    return new TransitionExplainer(this, unlikely).explain(t, next);
  }

  OpinionCollector collector() { return collector; }

  Partitions partitions() { return partitions; }

  JointBlocks blocks() { return blocks; }

  double spawnEpsilon() { return spawnEpsilon; }

  double segmentLogit(int seg) { return segLogit[seg]; }

  double cellLogit(int cell) { return cellLogit[cell]; }

  double targetLogProbability(int part, int value) { return logProbability(part, value); }

  double blockLogProbability(int block, int[] values) { return jointLogProbability(block, values); }

  // ---- prediction ------------------------------------------------------------------------------

  /**
   * The most likely frame t+1 (each target at its mode; ties toward the value at t); it is
   * {@link Frame#terminated()} when the episode most likely ends there.
   */
  public Frame mostLikelyNext(Frame t, int nextAction) {
    return predict(t, nextAction, null);
  }

  /**
   * A frame t+1 drawn from the model (targets independently, the end last) with {@code random}; it is
   * {@link Frame#terminated()} when the drawn end says so.
   */
  public Frame sampleNext(Frame t, int nextAction, RandomGenerator random) {
    return predict(t, nextAction, java.util.Objects.requireNonNull(random, "random"));
  }

  private Frame predict(Frame t, int nextAction, RandomGenerator random) {
    analyse(t);
    Frame.Builder b = Frame.builder(schema).previous(t).action(nextAction);
    int maxId = Integer.MIN_VALUE;
    for (int o : t.all()) {
      maxId = Math.max(maxId, t.id(o));
      int base = collector.objectBase(o);
      if (value(base, 1, 0, 1, random) == 0) {
        continue;
      }
      int[] slots = t.slots(o);
      int x = slots[Slots.X];
      int y = slots[Slots.Y];
      List<AttributeSpec> extras = schema.type(t.type(o)).extras();
      int block = -1;
      for (int k = 1; k < 3 + extras.size() && block < 0; k++) {
        block = blocks.blockOf(base + k);
      }
      if (block >= 0) {
        chooseJoint(block, slots, random);
      }
      if (blocks.blockOf(base + 1) < 0) {
        slots[Slots.X] = value(base + 1, x, x + schema.velocityMin(), x + schema.velocityMax(), random);
      }
      if (blocks.blockOf(base + 2) < 0) {
        slots[Slots.Y] = value(base + 2, y, y + schema.velocityMin(), y + schema.velocityMax(), random);
      }
      for (int k = 0; k < extras.size(); k++) {
        AttributeSpec spec = extras.get(k);
        int slot = Slots.FIRST_EXTRA + k;
        if (blocks.blockOf(base + 3 + k) < 0) {
          slots[slot] = value(base + 3 + k, slots[slot], spec.min(), spec.max(), random);
        }
      }
      b.add(t.id(o), t.type(o), slots);
    }
    int nextId = t.size() == 0 ? 1 : maxId + 1;
    Creations creations = collector.creations();
    for (int k = 0; k < creations.count(); k++) {
      double p = CreationScore.probability(creations.logNoCreation(k, theta), random == null ? 0 : spawnEpsilon);
      // The most likely frame creates where creating is likelier than not (a tie creates nothing).
      boolean appears = random == null ? p > 0.5 : random.nextDouble() < p;
      if (appears) {
        int type = creations.type(k);
        b.add(nextId++, type, spawnedSlots(t, type, creations.x(k), creations.y(k)));
      }
    }
    b.terminated(random == null ? mostLikelyEnd(t) : sampleEnd(t, random));
    return b.build();
  }

  /**
   * Writes a joint block's values into {@code slots} (the object's values at t, overwritten): the
   * most likely cell (ties toward the cell whose nearest values lie closest to the values at t in
   * total, then the smaller values in coordinate order), each coordinate at its class's value
   * nearest to its value at t; or, with {@code random}, a draw from the mixture with the floor.
   */
  private void chooseJoint(int block, int[] slots, RandomGenerator random) {
    JointBlocks jb = blocks;
    int from = jb.coordStart(block);
    int to = jb.coordEnd(block);
    int k = to - from;
    if (assignment.length < k) {
      assignment = new int[Math.max(k, assignment.length * 2)];
      candidate = new int[assignment.length];
    }
    if (random != null) {
      double eps = jointEpsilon(block);
      if (eps > 0 && random.nextDouble() < eps) {
        for (int q = from; q < to; q++) {
          slots[OpinionCollector.slotOfOffset(jb.offset(q))] = jb.kthOfSupport(q, random.nextLong(jb.supportSize(q)));
        }
        return;
      }
      double max = Double.NEGATIVE_INFINITY;
      for (int cell = jb.cellStart(block); cell < jb.cellEnd(block); cell++) {
        max = Math.max(max, cellLogit[cell] + jb.logMultiplicity(block, cell, null));
      }
      double total = 0;
      for (int cell = jb.cellStart(block); cell < jb.cellEnd(block); cell++) {
        total += Math.exp(cellLogit[cell] + jb.logMultiplicity(block, cell, null) - max);
      }
      double r = random.nextDouble() * total;
      int chosen = -1;
      for (int cell = jb.cellStart(block); cell < jb.cellEnd(block); cell++) {
        double mass = Math.exp(cellLogit[cell] + jb.logMultiplicity(block, cell, null) - max);
        if (mass > 0) {
          chosen = cell;
          if (r < mass) {
            break;
          }
          r -= mass;
        }
      }
      for (int q = from; q < to; q++) {
        int cls = jb.classAt(q, chosen);
        slots[OpinionCollector.slotOfOffset(jb.offset(q))] = jb.kth(cls, random.nextLong(jb.count(cls)));
      }
      return;
    }
    double best = Double.NEGATIVE_INFINITY;
    for (int cell = jb.cellStart(block); cell < jb.cellEnd(block); cell++) {
      if (jb.logMultiplicity(block, cell, null) > Double.NEGATIVE_INFINITY) {
        best = Math.max(best, cellLogit[cell]);
      }
    }
    long bestDistance = Long.MAX_VALUE;
    for (int cell = jb.cellStart(block); cell < jb.cellEnd(block); cell++) {
      if (cellLogit[cell] < best - TIE || jb.logMultiplicity(block, cell, null) == Double.NEGATIVE_INFINITY) {
        continue;
      }
      long distance = 0;
      for (int q = from; q < to; q++) {
        int now = slots[OpinionCollector.slotOfOffset(jb.offset(q))];
        candidate[q - from] = jb.nearest(jb.classAt(q, cell), now);
        distance += Math.abs((long) candidate[q - from] - now);
      }
      if (distance < bestDistance || (distance == bestDistance && Arrays.compare(candidate, 0, k, assignment, 0, k) < 0)) {
        bestDistance = distance;
        System.arraycopy(candidate, 0, assignment, 0, k);
      }
    }
    for (int q = from; q < to; q++) {
      slots[OpinionCollector.slotOfOffset(jb.offset(q))] = assignment[q - from];
    }
  }

  /** A new object takes size and extras from the first object of its type at t, else w = h = 1 and minimal extras. */
  private int[] spawnedSlots(Frame t, int type, int x, int y) {
    int[] same = t.ofType(type);
    int[] slots;
    if (same.length > 0) {
      slots = t.slots(same[0]);
    } else {
      EntityType et = schema.type(type);
      slots = new int[et.slotCount()];
      slots[Slots.W] = 1;
      slots[Slots.H] = 1;
      for (int k = 0; k < et.extras().size(); k++) {
        slots[Slots.FIRST_EXTRA + k] = et.extras().get(k).min();
      }
    }
    slots[Slots.X] = x;
    slots[Slots.Y] = y;
    return slots;
  }

  private int value(int target, int now, int lo, int hi, RandomGenerator random) {
    int part = partitions.partOf(target);
    if (part >= 0) {
      return random == null ? mode(part, now) : draw(part, random);
    }
    if (random == null) {
      return Math.max(lo, Math.min(hi, now));
    }
    return (int) (lo + random.nextLong((long) hi - lo + 1));
  }

  private int mode(int part, int now) {
    Partitions p = partitions;
    double best = p.unmentioned(part) > 0 ? 0 : Double.NEGATIVE_INFINITY;
    for (int s = p.segStart(part); s < p.segEnd(part); s++) {
      best = Math.max(best, segLogit[s]);
    }
    long bestValue = Long.MAX_VALUE;
    long bestDistance = Long.MAX_VALUE;
    for (int s = p.segStart(part); s < p.segEnd(part); s++) {
      if (segLogit[s] >= best - TIE) {
        long v = Math.max(p.segLo(s), Math.min(p.segHi(s), now));
        long d = Math.abs(v - now);
        if (d < bestDistance || (d == bestDistance && v < bestValue)) {
          bestDistance = d;
          bestValue = v;
        }
      }
    }
    if (p.unmentioned(part) > 0 && 0 >= best - TIE) {
      long v = nearestUnmentioned(part, now);
      long d = Math.abs(v - now);
      if (d < bestDistance || (d == bestDistance && v < bestValue)) {
        bestValue = v;
      }
    }
    return (int) bestValue;
  }

  private long nearestUnmentioned(int part, int now) {
    Partitions p = partitions;
    int lo = p.baseLo(part);
    int hi = p.baseHi(part);
    int start = Math.max(lo, Math.min(hi, now));
    if (p.segmentOf(part, start) < 0) {
      return start;
    }
    long left = Long.MIN_VALUE;
    for (long v = start; v >= lo; ) {
      int s = p.segmentOf(part, (int) v);
      if (s < 0) {
        left = v;
        break;
      }
      v = (long) p.segLo(s) - 1;
    }
    long right = Long.MAX_VALUE;
    for (long v = start; v <= hi; ) {
      int s = p.segmentOf(part, (int) v);
      if (s < 0) {
        right = v;
        break;
      }
      v = (long) p.segHi(s) + 1;
    }
    if (left == Long.MIN_VALUE) {
      return right;
    }
    if (right == Long.MAX_VALUE) {
      return left;
    }
    return now - left <= right - now ? left : right;
  }

  private int draw(int part, RandomGenerator random) {
    Partitions p = partitions;
    double eps = epsilonOf(part);
    if (eps > 0 && random.nextDouble() < eps) {
      return kthOfSupport(part, random.nextLong(p.supportSize(part)));
    }
    double max = p.unmentioned(part) > 0 ? 0 : Double.NEGATIVE_INFINITY;
    for (int s = p.segStart(part); s < p.segEnd(part); s++) {
      max = Math.max(max, segLogit[s]);
    }
    double total = p.unmentioned(part) * Math.exp(-max);
    for (int s = p.segStart(part); s < p.segEnd(part); s++) {
      total += ((double) p.segHi(s) - p.segLo(s) + 1) * Math.exp(segLogit[s] - max);
    }
    double r = random.nextDouble() * total;
    for (int s = p.segStart(part); s < p.segEnd(part); s++) {
      long len = (long) p.segHi(s) - p.segLo(s) + 1;
      double mass = len * Math.exp(segLogit[s] - max);
      if (r < mass || (p.unmentioned(part) == 0 && s == p.segEnd(part) - 1)) {
        return (int) (p.segLo(s) + random.nextLong(len));
      }
      r -= mass;
    }
    return kthUnmentioned(part, random.nextLong(p.unmentioned(part)));
  }

  /** The k-th value of the support: the segments' values in order, then the unmentioned ones. */
  private int kthOfSupport(int part, long k) {
    Partitions p = partitions;
    for (int s = p.segStart(part); s < p.segEnd(part); s++) {
      long len = (long) p.segHi(s) - p.segLo(s) + 1;
      if (k < len) {
        return (int) (p.segLo(s) + k);
      }
      k -= len;
    }
    return kthUnmentioned(part, k);
  }

  private int kthUnmentioned(int part, long k) {
    Partitions p = partitions;
    long cursor = p.baseLo(part);
    for (int s = p.segStart(part); s < p.segEnd(part); s++) {
      if (p.segHi(s) < cursor) {
        continue;
      }
      long gap = Math.min(p.segLo(s), (long) p.baseHi(part) + 1) - cursor;
      if (gap > 0) {
        if (k < gap) {
          return (int) (cursor + k);
        }
        k -= gap;
      }
      cursor = Math.max(cursor, (long) p.segHi(s) + 1);
    }
    return (int) (cursor + k);
  }
}
