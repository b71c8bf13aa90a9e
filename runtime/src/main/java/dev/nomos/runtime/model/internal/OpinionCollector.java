package dev.nomos.runtime.model.internal;

import dev.nomos.runtime.EntityType;
import dev.nomos.runtime.Frame;
import dev.nomos.runtime.Law;
import dev.nomos.runtime.OpinionSink;
import dev.nomos.runtime.Slots;
import dev.nomos.runtime.WorldSchema;
import dev.nomos.runtime.model.LawException;
import java.util.Arrays;
import java.util.List;

/**
 * Collects the opinions of every law on one frame into flat, reused arrays: no allocation per
 * opinion, since this is the hot path of inference and of fitting.
 *
 * <p>Targets are numbered densely: the world's reward ({@link #REWARD_TARGET}) and end
 * ({@link #END_TARGET}) come first, then object {@code o} owns {@code targetsOf(o)} consecutive targets
 * starting at {@code objectBase(o)} (ALIVE, X, Y, then its extras); spawn targets (one per
 * distinct (type, x, y) some law spawns at) follow all object targets. Each opinion stores its target,
 * its law, the allowed interval and its feature value {@code f = nu + w}, where {@code w <= 0} is
 * the log weight relative to the choice's most likely value (0 for {@code exact}, {@code range},
 * {@code one_of}), floored at {@code -nu} so that a value a law allows never scores below one it
 * excludes.
 */
public final class OpinionCollector implements OpinionSink {
  /** Values are clipped to this magnitude so that interval ends never overflow. */
  public static final int VALUE_LIMIT = 1 << 29;
  /** The target of the world's reward for the step. */
  public static final int REWARD_TARGET = 0;
  /** The target of the episode's end at t+1. */
  public static final int END_TARGET = 1;
  /** How many world-level targets precede the objects' targets. */
  public static final int WORLD_TARGETS = 2;

  private final WorldSchema schema;
  private final String[] lawNames;
  private final double nu;
  private final long[] firings;

  private Frame frame;
  private int[] objectBase = new int[64];
  private int objectTargets;
  private int currentLaw;

  int count;
  int[] target = new int[256];
  int[] law = new int[256];
  int[] lo = new int[256];
  int[] hi = new int[256];
  double[] f = new double[256];

  private boolean choiceOpen;
  private int choiceTarget;
  private int choiceStart;

  int spawnCount;
  int[] spawnType = new int[8];
  int[] spawnX = new int[8];
  int[] spawnY = new int[8];

  public OpinionCollector(WorldSchema schema, String[] lawNames, double nu) {
    this.schema = schema;
    this.lawNames = lawNames;
    this.nu = nu;
    this.firings = new long[lawNames.length];
  }

  /** Starts collecting for frame t. */
  public void begin(Frame t) {
    frame = t;
    int n = t.size();
    if (objectBase.length < n + 1) {
      objectBase = new int[Math.max(n + 1, objectBase.length * 2)];
    }
    int next = WORLD_TARGETS;
    for (int o = 0; o < n; o++) {
      objectBase[o] = next;
      next += targetsOf(t, o);
    }
    objectBase[n] = next;
    objectTargets = next;
    count = 0;
    spawnCount = 0;
    choiceOpen = false;
  }

  /** Subsequent opinions belong to law {@code index}. */
  public void law(int index) {
    if (choiceOpen) {
      throw new IllegalStateException("law '" + lawNames[currentLaw] + "' left a choice open");
    }
    currentLaw = index;
  }

  /** Ends the frame; checks that the last law closed its choice. */
  public void end() {
    law(currentLaw);
  }

  /** Collects the opinions of every law on frame t; a failing law is reported by name. */
  public void run(Frame t, List<Law> laws) {
    begin(t);
    for (int i = 0; i < laws.size(); i++) {
      law(i);
      Law l = laws.get(i);
      try {
        l.apply(t, this);
      } catch (LawException e) {
        throw e;
      } catch (RuntimeException e) {
        throw new LawException(l.name(), e);
      }
    }
    end();
  }

  public Frame frame() { return frame; }

  public int objectTargets() { return objectTargets; }

  public int totalTargets() { return objectTargets + spawnCount; }

  public int objectBase(int object) { return objectBase[object]; }

  /** Cumulative number of opinions each law has emitted. */
  public long[] firings() { return firings; }

  /** Number of targets of an object: ALIVE, X, Y and one per extra attribute. */
  public static int targetsOf(Frame t, int object) {
    return 3 + t.schema().type(t.type(object)).extras().size();
  }

  /** Whether {@code target} is one of the world's (reward or end) rather than an object's or a spawn's. */
  public static boolean isWorldTarget(int target) {
    return target < WORLD_TARGETS;
  }

  /** The slot a target offset within its object stands for (inverse of {@link #offsetOf}). */
  public static int slotOfOffset(int offset) {
    return offset == 0 ? Slots.ALIVE : offset <= 2 ? offset - 1 : offset + 1;
  }

  private int targetOf(int object, int slot) {
    if (object == WORLD) {
      if (slot == Slots.REWARD) {
        return REWARD_TARGET;
      }
      if (slot == Slots.END) {
        return END_TARGET;
      }
      throw new IllegalStateException("law '" + lawNames[currentLaw] + "' gave an opinion on slot " + slot
          + " of the world, which has only reward and end");
    }
    if (object < 0 || object >= frame.size()) {
      throw new IllegalStateException("law '" + lawNames[currentLaw] + "' addressed object index " + object
          + " in a frame of " + frame.size() + " objects");
    }
    int offset = offsetOf(frame.schema().type(frame.type(object)), slot);
    if (offset < 0) {
      throw new IllegalStateException("law '" + lawNames[currentLaw] + "' gave an opinion on slot " + slot
          + " of object " + frame.id(object) + " (" + schema.type(frame.type(object)).name()
          + "), which the model does not predict (only alive, x, y and declared attributes are)");
    }
    return objectBase[object] + offset;
  }

  private static int offsetOf(EntityType type, int slot) {
    if (slot == Slots.ALIVE) {
      return 0;
    }
    if (slot == Slots.X || slot == Slots.Y) {
      return slot + 1;
    }
    if (slot >= Slots.FIRST_EXTRA && slot < type.slotCount()) {
      return slot - 1;
    }
    return -1;
  }

  @Override
  public void exact(int object, int slot, int value) {
    noChoiceOpen("exact");
    firings[currentLaw]++;
    add(targetOf(object, slot), value, value, nu);
  }

  @Override
  public void range(int object, int slot, int from, int to) {
    noChoiceOpen("range");
    firings[currentLaw]++;
    int t = targetOf(object, slot);
    if (from <= to) {
      add(t, from, to, nu);
    }
  }

  @Override
  public void beginChoice(int object, int slot) {
    noChoiceOpen("beginChoice");
    firings[currentLaw]++;
    choiceTarget = targetOf(object, slot);
    choiceStart = count;
    choiceOpen = true;
  }

  @Override
  public void choice(int value, double weight) {
    if (!choiceOpen) {
      throw new IllegalStateException("law '" + lawNames[currentLaw] + "' called choice outside beginChoice/endChoice");
    }
    if (weight > 0 && !Double.isInfinite(weight)) {
      add(choiceTarget, value, value, Math.log(weight));
    }
  }

  @Override
  public void endChoice() {
    if (!choiceOpen) {
      throw new IllegalStateException("law '" + lawNames[currentLaw] + "' called endChoice without beginChoice");
    }
    choiceOpen = false;
    double max = Double.NEGATIVE_INFINITY;
    for (int k = choiceStart; k < count; k++) {
      max = Math.max(max, f[k]);
    }
    for (int k = choiceStart; k < count; k++) {
      f[k] = nu + Math.max(f[k] - max, -nu);
    }
  }

  @Override
  public void spawn(int type, int x, int y) {
    noChoiceOpen("spawn");
    if (type < 0 || type >= schema.types().size()) {
      throw new IllegalStateException("law '" + lawNames[currentLaw] + "' spawned unknown type index " + type);
    }
    firings[currentLaw]++;
    int k = 0;
    while (k < spawnCount && !(spawnType[k] == type && spawnX[k] == x && spawnY[k] == y)) {
      k++;
    }
    if (k == spawnCount) {
      if (k == spawnType.length) {
        spawnType = Arrays.copyOf(spawnType, k * 2);
        spawnX = Arrays.copyOf(spawnX, k * 2);
        spawnY = Arrays.copyOf(spawnY, k * 2);
      }
      spawnType[k] = type;
      spawnX[k] = x;
      spawnY[k] = y;
      spawnCount++;
    }
    add(objectTargets + k, 1, 1, nu);
  }

  /** The spawn target index (0-based among spawns) for a new object, or -1. */
  public int spawnIndex(int type, int x, int y) {
    for (int k = 0; k < spawnCount; k++) {
      if (spawnType[k] == type && spawnX[k] == x && spawnY[k] == y) {
        return k;
      }
    }
    return -1;
  }

  public int spawnCount() { return spawnCount; }
  public int spawnType(int k) { return spawnType[k]; }
  public int spawnX(int k) { return spawnX[k]; }
  public int spawnY(int k) { return spawnY[k]; }

  private void noChoiceOpen(String call) {
    if (choiceOpen) {
      throw new IllegalStateException("law '" + lawNames[currentLaw] + "' called " + call + " inside an open choice");
    }
  }

  private void add(int t, int from, int to, double value) {
    if (count == target.length) {
      int n = count * 2;
      target = Arrays.copyOf(target, n);
      law = Arrays.copyOf(law, n);
      lo = Arrays.copyOf(lo, n);
      hi = Arrays.copyOf(hi, n);
      f = Arrays.copyOf(f, n);
    }
    target[count] = t;
    law[count] = currentLaw;
    lo[count] = Math.max(-VALUE_LIMIT, Math.min(VALUE_LIMIT, from));
    hi[count] = Math.max(-VALUE_LIMIT, Math.min(VALUE_LIMIT, to));
    f[count] = value;
    count++;
  }
}
