package dev.nomos.runtime.internal;

import dev.nomos.runtime.Frame;
import dev.nomos.runtime.WorldSchema;
import java.util.Arrays;

/**
 * Walks an observed frame t+1 against the targets of frame t. Objects are matched by id; an object
 * of t missing from t+1 (or reappearing with another type) was destroyed: only its ALIVE target
 * is observed (value 0). Every object of t+1 whose id is not in t (with the same type) is new:
 * if some law may create its type at exactly its position and that creation target is not used yet,
 * the creation target is observed as appeared; otherwise it is unexplained and costs
 * {@code log(1 / (W * H))}, a uniform placement on the screen. Creation targets left over are
 * observed as not appeared. An object of a type
 * the world does not declare is unexplained too, once, when it appears (an id not in t with that type
 * name); no law can speak about it, so while it persists nothing of it is scored. The targets of a
 * joint block are observed together, once per object, instead of one by one. The world's reward
 * (recorded on frame t, for the action taken there) and end (frame t+1 terminated) are observed when
 * some law spoke to them.
 */
public final class Observations {
  private boolean[] consumed = new boolean[8];
  /** What {@link #touch} read, summed: never used, only kept. */
  private int touched;
  private int[] jointValues = new int[8];
  private static final int LOG_CACHE = 4096;
  /** {@code Math.log(k)} for the sizes 2 <= k < {@link #LOG_CACHE} seen so far (0 until first asked). */
  private final double[] logs = new double[LOG_CACHE];

  public void observe(OpinionCollector c, Partitions p, JointBlocks blocks, Frame next, TargetObserver out) {
    Frame t = c.frame();
    WorldSchema schema = t.schema();
    Creations creations = c.creations();
    int spawns = creations.count();
    if (consumed.length < spawns) {
      consumed = new boolean[Math.max(spawns, consumed.length * 2)];
    }
    Arrays.fill(consumed, 0, spawns, false);
    double unexplained = unexplainedLogProbability(schema);
    world(p, OpinionCollector.REWARD_TARGET, rewardValue(t.reward()), TargetObserver.REWARD, out);
    world(p, OpinionCollector.END_TARGET, next.terminated() ? 1 : 0, TargetObserver.END, out);
    ranges = ExtraRanges.of(schema, ranges);
    int velocityMin = schema.velocityMin();
    int velocityMax = schema.velocityMax();
    boolean joints = blocks.blocks() > 0;
    int[] before = t.all();
    int[] after = next.all();
    touch(next, after);
    int j = 0;
    for (int o : before) {
      int id = t.id(o);
      while (j < after.length && next.id(after[j]) < id) {
        newObject(c, p, next, after[j++], out, unexplained);
      }
      int type = t.type(o);
      int base = c.objectBase(o);
      boolean present = j < after.length && next.id(after[j]) == id && next.type(after[j]) == type;
      target(p, base, present ? 1 : 0, 0, 1, type, out);
      if (!present) {
        continue;
      }
      int n = after[j++];
      int x = t.x(o);
      int y = t.y(o);
      int extras = ranges.count[type];
      int block = -1;
      for (int k = 1; joints && k < 3 + extras && block < 0; k++) {
        block = blocks.blockOf(base + k);
      }
      if (block >= 0) {
        joint(blocks, block, next, n, type, out);
      }
      if (!joints || blocks.blockOf(base + 1) < 0) {
        target(p, base + 1, next.x(n), x + velocityMin, x + velocityMax, type, out);
      }
      if (!joints || blocks.blockOf(base + 2) < 0) {
        target(p, base + 2, next.y(n), y + velocityMin, y + velocityMax, type, out);
      }
      for (int k = 0; k < extras; k++) {
        if (!joints || blocks.blockOf(base + 3 + k) < 0) {
          target(p, base + 3 + k, next.get(n, dev.nomos.runtime.Slots.FIRST_EXTRA + k), ranges.min[type][k],
              ranges.max[type][k], type, out);
        }
      }
    }
    while (j < after.length) {
      newObject(c, p, next, after[j++], out, unexplained);
    }
    for (int k = 0; k < spawns; k++) {
      if (!consumed[k]) {
        out.creation(k, false, creations.type(k));
      }
    }
    for (int k = 0; k < next.undeclaredCount(); k++) {
      if (appears(t, next, k)) {
        out.constant(unexplained, TargetObserver.UNDECLARED);
      }
    }
  }

  /** The declared ranges of the extra attributes of the world being scored. */
  private ExtraRanges ranges;

  /**
   * Reads every object's position in {@code next} once, before scoring begins. The frame's values
   * are usually not in the cache yet (a recording brings in a new frame per step); read here back to
   * back, the loads overlap, where interleaved with the scoring below each would wait alone. The sum
   * is kept only so that the reads are not dropped as unused.
   */
  private void touch(Frame next, int[] after) {
    int sum = 0;
    for (int n : after) {
      sum += next.x(n) + next.y(n);
    }
    touched += sum;
  }

  /**
   * A world target is scored only when some law spoke to it: a model without reward or end laws does
   * not model them (as w and h are not modelled), so its likelihood is that of the objects alone.
   */
  private static void world(Partitions p, int target, int value, int owner, TargetObserver out) {
    int part = p.partOf(target);
    if (part >= 0) {
      out.observed(part, value, owner);
    }
  }

  /**
   * A recorded reward as a value of the reward target: itself when it is a whole number a law could
   * name, else {@link #UNNAMEABLE_REWARD}, which lies outside every support (scored as a value no law
   * mentions).
   */
  public static int rewardValue(double reward) {
    return reward == Math.rint(reward) && Math.abs(reward) <= OpinionCollector.VALUE_LIMIT ? (int) reward : UNNAMEABLE_REWARD;
  }

  /** The reward target's value for a recorded reward no int law value can equal (fractional or huge). */
  public static final int UNNAMEABLE_REWARD = Integer.MIN_VALUE;

  /** The log-probability of a new object no creation explains: a uniform placement on the screen. */
  public static double unexplainedLogProbability(WorldSchema schema) {
    return -Math.log((double) schema.screenWidth() * schema.screenHeight());
  }

  /** Whether undeclared object {@code k} of {@code next} is new: t has no object of that id and type name. */
  public static boolean appears(Frame t, Frame next, int k) {
    return !t.hasUndeclared(next.undeclaredId(k), next.undeclaredType(k));
  }

  /** The observed values of a block's coordinates: the object's x, y or extra at t+1. */
  private void joint(JointBlocks blocks, int block, Frame next, int n, int type, TargetObserver out) {
    int from = blocks.coordStart(block);
    int to = blocks.coordEnd(block);
    if (jointValues.length < to - from) {
      jointValues = new int[Math.max(to - from, jointValues.length * 2)];
    }
    for (int q = from; q < to; q++) {
      int offset = blocks.offset(q);
      jointValues[q - from] = next.get(n, OpinionCollector.slotOfOffset(offset));
    }
    out.observedJoint(block, jointValues, type);
  }

  private void target(Partitions p, int target, int value, int lo, int hi, int type, TargetObserver out) {
    int part = p.partOf(target);
    if (part >= 0) {
      out.observed(part, value, type);
    } else {
      long size = (long) hi - lo + 1 + (value < lo || value > hi ? 1 : 0);
      out.constant(-logOf(size), type);
    }
  }

  /**
   * {@code Math.log(size)}, remembered for the small sizes that recur on every object of every step
   * (a velocity range, a declared attribute range): the same value, without a logarithm per target.
   */
  private double logOf(long size) {
    if (size < 2 || size >= LOG_CACHE) {
      return Math.log(size);
    }
    int k = (int) size;
    if (logs[k] == 0) {
      logs[k] = Math.log(size);
    }
    return logs[k];
  }

  private void newObject(OpinionCollector c, Partitions p, Frame next, int n, TargetObserver out, double unexplained) {
    int type = next.type(n);
    int k = c.creations().index(type, next.x(n), next.y(n));
    if (k >= 0 && !consumed[k]) {
      consumed[k] = true;
      out.creation(k, true, type);
    } else {
      out.constant(unexplained, type);
    }
  }
}
