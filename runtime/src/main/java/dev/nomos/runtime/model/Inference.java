package dev.nomos.runtime.model;

import dev.nomos.runtime.AttributeSpec;
import dev.nomos.runtime.EntityType;
import dev.nomos.runtime.Frame;
import dev.nomos.runtime.Law;
import dev.nomos.runtime.Slots;
import dev.nomos.runtime.WorldSchema;
import dev.nomos.runtime.model.internal.FloorChannels;
import dev.nomos.runtime.model.internal.Observations;
import dev.nomos.runtime.model.internal.OpinionCollector;
import dev.nomos.runtime.model.internal.Partitions;
import dev.nomos.runtime.model.internal.TargetObserver;
import dev.nomos.runtime.model.internal.OpinionCollector;
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

  private final WorldModel model;
  private final WorldSchema schema;
  private final List<Law> laws;
  private final double[] theta;
  private final OpinionCollector collector;
  private final Partitions partitions = new Partitions();
  private final Observations observations = new Observations();
  private final Scoring scoring = new Scoring();
  private final FloorChannels channels;
  private final double[] epsilon;
  private double[] segLogit = new double[256];
  private double[] partLogZ = new double[64];
  private Frame analysed;

  Inference(WorldModel model) {
    this.model = model;
    this.schema = model.schema();
    this.laws = model.laws();
    this.theta = model.weightsArray();
    this.collector = new OpinionCollector(schema, model.lawNames().toArray(String[]::new), model.options().nu());
    this.channels = new FloorChannels(schema);
    this.epsilon = model.floor().epsilons(schema);
  }

  public WorldModel model() {
    return model;
  }

  /** How many opinions each law has emitted over every frame this instance analysed (law order). */
  public long[] firings() {
    return collector.firings().clone();
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
    collector.run(t, laws);
    partitions.build(collector);
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
      double max = p.unmentioned(part) > 0 ? 0 : Double.NEGATIVE_INFINITY;
      for (int s = p.segStart(part); s < p.segEnd(part); s++) {
        double a = 0;
        for (int k = p.featStart(s); k < p.featEnd(s); k++) {
          a += theta[p.featLaw(k)] * p.featVal(k);
        }
        segLogit[s] = a;
        max = Math.max(max, a + Math.log((double) p.segHi(s) - p.segLo(s) + 1));
      }
      double sum = p.unmentioned(part) > 0 ? p.unmentioned(part) * Math.exp(-max) : 0;
      for (int s = p.segStart(part); s < p.segEnd(part); s++) {
        sum += ((double) p.segHi(s) - p.segLo(s) + 1) * Math.exp(segLogit[s] - max);
      }
      partLogZ[part] = max + Math.log(sum);
    }
  }

  // ---- likelihood ------------------------------------------------------------------------------

  /**
   * log p(next | t): the sum over every target of frame t and the spawn channel, and the world's
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
    observations.observe(collector, partitions, next, scoring);
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
    public void constant(double logProbability, int type) {
      add(logProbability, type);
    }

    private void add(double lp, int type) {
      total += lp;
      if (perType != null && type >= 0) {
        perType[type] += lp;
      }
    }
  }

  /** The target's log-probability under the PoE mixed with the floor's uniform background. */
  private double logProbability(int part, int value) {
    double eps = epsilonOf(part);
    double poe = poeLogProbability(part, value);
    return eps == 0 ? poe : FloorChannels.mix(poe, eps, Math.log((double) partitions.supportSize(part, value)));
  }

  /** The floor's ε for a target some law spoke to. */
  private double epsilonOf(int part) {
    int offset = partitions.offset(part);
    int type = offset < 0 ? 0 : collector.frame().type(partitions.object(part));  // spawn and world channels ignore it
    return epsilon[channels.channel(type, offset)];
  }

  private double poeLogProbability(int part, int value) {
    Partitions p = partitions;
    int seg = p.segmentOf(part, value);
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
      slots[Slots.X] = value(base + 1, x, x + schema.velocityMin(), x + schema.velocityMax(), random);
      slots[Slots.Y] = value(base + 2, y, y + schema.velocityMin(), y + schema.velocityMax(), random);
      List<AttributeSpec> extras = schema.type(t.type(o)).extras();
      for (int k = 0; k < extras.size(); k++) {
        AttributeSpec spec = extras.get(k);
        int slot = Slots.FIRST_EXTRA + k;
        slots[slot] = value(base + 3 + k, slots[slot], spec.min(), spec.max(), random);
      }
      b.add(t.id(o), t.type(o), slots);
    }
    int nextId = t.size() == 0 ? 1 : maxId + 1;
    for (int k = 0; k < collector.spawnCount(); k++) {
      int part = partitions.partOf(collector.objectTargets() + k);
      int appears = random == null ? mode(part, 0) : draw(part, random);
      if (appears == 1) {
        int type = collector.spawnType(k);
        b.add(nextId++, type, spawnedSlots(t, type, collector.spawnX(k), collector.spawnY(k)));
      }
    }
    b.terminated(random == null ? mostLikelyEnd(t) : sampleEnd(t, random));
    return b.build();
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
