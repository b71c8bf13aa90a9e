package dev.nomos.runtime;

import dev.nomos.runtime.internal.ContactCandidates;
import java.util.Arrays;
import java.util.Objects;

/**
 * One immutable frame t: its objects (as int slots), the action taken at t, and the frames before it
 * for history reads. Objects are addressed by their index in this frame; {@link #ofType(int)}
 * gives the indexes of one type in ascending id order, which is the iteration order of binders and
 * so what makes every law deterministic.
 *
 * <p>History is shared, never copied: a frame keeps the frames t-1 ... t-{@link #MAX_HISTORY} in a
 * window of references ({@code history}), each held as a history-less twin of the frame itself
 * (same arrays), so that no frame keeps more than {@code MAX_HISTORY} others alive and building
 * frame t+1 copies at most {@code MAX_HISTORY} references rather than rebuilding any frame. The
 * oldest frame of a window reads as having no frame before it, as if history were cut there.
 *
 * <p>This class is on the hot path of compiled laws: accessors are final, array-backed and
 * allocation-free.
 */
public final class Frame {
  /** Frames further back than this are cut off; history reads clamp to the oldest frame kept. */
  public static final int MAX_HISTORY = 16;

  private static final Frame[] NO_HISTORY = new Frame[0];

  private final WorldSchema schema;
  private final int[] ids;
  private final int[] types;
  /** Object o's slot s at {@code values[o * stride + s]}; a type with fewer slots leaves the rest 0. */
  private final int[] values;
  private final int stride;
  private final int action;
  private final int[] previousIndex;
  /**
   * Per object o, its displacement over the last step: x at {@code 2o}, y at {@code 2o + 1} (0 for
   * an object new at t). Worked out once, as laws read velocities far more often than frames are built.
   */
  private final int[] velocity;
  /**
   * Per object, its velocity one step earlier (the previous frame's for the same object; 0 for an
   * object new at t), laid out as {@link #velocity}: {@code v@-1} is the history read laws make most,
   * and this answers it with one load instead of a walk through the previous frame.
   */
  private final int[] velocityBefore;
  private final int[][] indexesByType;
  private final int[] allIndexes;
  private final Undeclared undeclared;
  private final int step;
  private final int[] ages;
  private final double reward;
  private final boolean terminated;
  /** {@code history[from + d - 1]} is frame t-d for d = 1 .. {@link #depth}, each without history of its own. */
  private final Frame[] history;
  private final int from;
  /** How many frames are kept behind this one (at most {@link #MAX_HISTORY}). */
  private final int depth;
  /** This frame without its history, as later frames hold it; made when first needed. */
  private Frame detached;

  /**
   * {@code base}'s objects, step, ages, reward and end, with the action {@code action} and the
   * history {@code history[from ..]} of {@code depth} frames: shares every array.
   */
  private Frame(Frame base, int action, Frame[] history, int from, int depth) {
    this.schema = base.schema;
    this.ids = base.ids;
    this.types = base.types;
    this.values = base.values;
    this.stride = base.stride;
    this.action = action;
    this.previousIndex = base.previousIndex;
    this.velocity = base.velocity;
    this.velocityBefore = base.velocityBefore;
    this.indexesByType = base.indexesByType;
    this.allIndexes = base.allIndexes;
    this.undeclared = base.undeclared;
    this.step = base.step;
    this.ages = base.ages;
    this.reward = base.reward;
    this.terminated = base.terminated;
    this.history = history;
    this.from = from;
    this.depth = depth;
  }

  /** A new frame linked to {@code previous} (null: the first of its history). */
  private Frame(WorldSchema schema, int[] ids, int[] types, int[] values, int action, Frame previous,
      Undeclared undeclared, int step, double reward, boolean terminated) {
    this.schema = schema;
    this.reward = reward;
    this.terminated = terminated;
    this.undeclared = undeclared;
    this.ids = ids;
    this.types = types;
    this.values = values;
    this.stride = schema.slotStride();
    this.action = action;
    this.step = step;
    int n = ids.length;
    this.previousIndex = new int[n];
    Arrays.fill(previousIndex, -1);
    this.ages = new int[n];
    this.velocity = new int[2 * n];
    this.velocityBefore = new int[2 * n];
    if (previous != null) {
      for (int i = 0; i < n; i++) {
        int p = previous.indexOfId(ids[i]);
        previousIndex[i] = p;
        ages[i] = p < 0 ? 0 : previous.ages[p] + 1;
        if (p >= 0) {
          velocity[2 * i] = values[i * stride + Slots.X] - previous.values[p * previous.stride + Slots.X];
          velocity[2 * i + 1] = values[i * stride + Slots.Y] - previous.values[p * previous.stride + Slots.Y];
          velocityBefore[2 * i] = previous.velocity[2 * p];
          velocityBefore[2 * i + 1] = previous.velocity[2 * p + 1];
        }
      }
      int keep = Math.min(previous.depth, MAX_HISTORY - 1);
      this.history = new Frame[1 + keep];
      history[0] = previous.detached();
      System.arraycopy(previous.history, previous.from, history, 1, keep);
      this.depth = 1 + keep;
    } else {
      this.history = NO_HISTORY;
      this.depth = 0;
    }
    this.from = 0;
    // Objects in id order: ids are unique, so sorting (id, index) pairs as longs orders by id alone.
    long[] byId = new long[n];
    for (int i = 0; i < n; i++) {
      byId[i] = (long) ids[i] << 32 | i;
    }
    Arrays.sort(byId);
    this.allIndexes = new int[n];
    int[] counts = new int[schema.types().size()];
    for (int k = 0; k < n; k++) {
      allIndexes[k] = (int) byId[k];
      counts[types[allIndexes[k]]]++;
    }
    this.indexesByType = new int[counts.length][];
    for (int t = 0; t < counts.length; t++) {
      indexesByType[t] = new int[counts[t]];
    }
    int[] fill = new int[counts.length];
    for (int k = 0; k < n; k++) {
      int i = allIndexes[k];
      indexesByType[types[i]][fill[types[i]]++] = i;
    }
  }

  /** This frame as frames after it keep it: the same arrays, no history. */
  private Frame detached() {
    Frame d = detached;
    if (d == null) {
      d = depth == 0 ? this : new Frame(this, action, NO_HISTORY, 0, 0);
      detached = d;
    }
    return d;
  }

  /** The frame {@code d} steps back, 0 < d <= depth, without history of its own. */
  private Frame kept(int d) {
    return history[from + d - 1];
  }

  /** Index in the frame one step before {@code frame} (this frame, or {@link #kept} d) of object i there, or -1. */
  private int previousIndexAt(int d, int i) {
    return d >= depth ? -1 : (d == 0 ? previousIndex : kept(d).previousIndex)[i];
  }

  /** The velocities of the frame {@code d} steps back, 0 <= d < depth (so it has a frame before it). */
  private int[] velocityAt(int d) {
    return d == 0 ? velocity : kept(d).velocity;
  }

  private int[] valuesAt(int d) {
    return d == 0 ? values : kept(d).values;
  }

  public WorldSchema schema() { return schema; }

  /** Number of objects. */
  public int size() { return ids.length; }

  public int id(int object) { return ids[object]; }

  public int type(int object) { return types[object]; }

  /** The value of an attribute slot of an object at t. */
  public int get(int object, int slot) { return values[object * stride + slot]; }

  public int x(int object) { return values[object * stride + Slots.X]; }
  public int y(int object) { return values[object * stride + Slots.Y]; }
  public int w(int object) { return values[object * stride + Slots.W]; }
  public int h(int object) { return values[object * stride + Slots.H]; }

  /** Displacement of x over the last step; 0 for an object that is new at t. */
  public int vx(int object) {
    return depth == 0 ? 0 : velocity[2 * object];
  }

  /** Displacement of y over the last step; 0 for an object that is new at t. */
  public int vy(int object) {
    return depth == 0 ? 0 : velocity[2 * object + 1];
  }

  /** The action taken at t, as an index into the schema's actions; -1 if none. */
  public int action() { return action; }

  /**
   * The step index of this frame within its episode: the recorded {@code t} of the episode's first
   * frame (0 unless the builder was told otherwise), plus one per frame linked after it.
   */
  public int step() { return step; }

  /**
   * Steps since the object appeared: 0 in the frame where it is first present (or in the first frame
   * of the recording, for objects already there when it starts), one more in every frame after that
   * it stays present. An object that leaves and comes back with the same id starts again from 0.
   * Unlike history reads this is not cut off after {@link #MAX_HISTORY} frames.
   */
  public int age(int object) { return ages[object]; }

  /**
   * The reward the action taken at this frame earned, as recorded (record t of a trajectory holds
   * it); 0 when unknown. Laws never read it: it is what the model's reward target predicts.
   */
  public double reward() { return reward; }

  /**
   * Whether the game ended at this frame (Gymnasium's {@code terminated}); false for a frame where
   * a recording was only cut. This is what the model's end target predicts.
   */
  public boolean terminated() { return terminated; }

  /**
   * Frame t-{@code stepsBack} (this frame for 0), or null when the episode or the history kept does
   * not reach that far, or for a negative {@code stepsBack}.
   */
  public Frame back(int stepsBack) {
    if (stepsBack < 0 || stepsBack > depth) {
      return null;
    }
    if (stepsBack == 0) {
      return this;
    }
    Frame then = kept(stepsBack);
    return new Frame(then, then.action, history, from + stepsBack, depth - stepsBack);
  }

  /**
   * Index in {@link #back(int) back(stepsBack)} of the object, or -1 when it has not been present in
   * every frame from t-{@code stepsBack} to t (that frame is not kept, the object appeared later, or
   * it left in between), that is exactly when {@code age(object) < stepsBack}; -1 for an
   * {@code object} of -1 (no object).
   */
  public int indexBack(int object, int stepsBack) {
    if (stepsBack < 0 || object < 0) {
      return -1;
    }
    int i = object;
    for (int d = 0; d < stepsBack; d++) {
      if (d >= depth) {
        return -1;
      }
      i = previousIndexAt(d, i);
      if (i < 0) {
        return -1;
      }
    }
    return i;
  }

  /** Frame t-1, or null at the start of an episode (or beyond the history kept). */
  public Frame previous() { return back(1); }

  /** Index in {@link #previous()} of the same object, or -1 if it did not exist then (or there is no previous frame). */
  public int previousIndex(int object) { return depth == 0 ? -1 : previousIndex[object]; }

  /** How many frames are kept behind this one: {@link #back} reaches that far (at most {@link #MAX_HISTORY}). */
  public int historyDepth() { return depth; }

  /** Indexes of the objects of one type, in ascending id order. Do not modify. */
  public int[] ofType(int type) { return indexesByType[type]; }

  /** How many objects a scan over {@code type} looks at: those of that type, or all for -1 ({@code Object}). */
  public int scanCount(int type) {
    return type < 0 ? allIndexes.length : indexesByType[type].length;
  }

  /** Indexes of all objects, in ascending id order. Do not modify. */
  public int[] all() { return allIndexes; }

  /**
   * The pairs (a, b) of an object of {@code typeA} and one of {@code typeB} (-1: any type) that may
   * touch, flattened as {@code a0, b0, a1, b1, ...} in the order of a loop over {@code ofType(typeA)}
   * around a loop over {@code ofType(typeB)}: every pair {@code Geometry.touching} accepts, and few
   * others, found with a sort-and-sweep index instead of trying every pair. Contact loops run over
   * these, so they bind the same pairs in the same order as nested loops over the whole types. Do
   * not modify.
   */
  public int[] contactPairs(int typeA, int typeB) {
    return ContactCandidates.pairs(this, typeA, typeB);
  }

  /**
   * The pairs of {@link #contactPairs contactPairs(typeA, typeB)}, in that order, each followed by
   * the side of a that b touches as the stdlib's {@code Side} ordinal ({@link BoxContact#side}, which
   * {@code Geometry.side} calls): {@code a0, b0, side0, a1, b1, side1, ...}, the side 4 ({@code
   * NONE}) for a pair that does not touch. Worked out once per frame and pair of types for every
   * contact loop over them. Do not modify.
   */
  public int[] contacts(int typeA, int typeB) {
    return ContactCandidates.contacts(this, typeA, typeB);
  }

  /**
   * Where the pairs of object {@code a} start in {@code contacts}, an answer of {@link #contacts}
   * whose first type is a's (or any): the index of the first pair whose first object is a, or the
   * array's length when a has none. The pairs are in the id order of their first objects, so this is
   * a binary search over them.
   */
  public int contactsOf(int[] contacts, int a) {
    int id = ids[a];
    int lo = 0;
    int hi = contacts.length / 3;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (ids[contacts[3 * mid]] < id) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return 3 * lo;
  }

  /**
   * Index in {@code other} of the object with the id {@code object} has here, or -1 when other has
   * none or {@code object} is -1 (no object).
   */
  public int indexIn(Frame other, int object) {
    return object < 0 ? -1 : other.indexOfId(ids[object]);
  }

  /** Index of the object with that id, or -1; a binary search over the objects in id order. */
  public int indexOfId(int id) {
    int lo = 0;
    int hi = allIndexes.length - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int midId = ids[allIndexes[mid]];
      if (midId < id) {
        lo = mid + 1;
      } else if (midId > id) {
        hi = mid - 1;
      } else {
        return allIndexes[mid];
      }
    }
    return -1;
  }

  /** The value of a slot of an object {@code stepsBack} steps ago (0 = now), clamped as in history. */
  public int getAt(int object, int slot, int stepsBack) {
    long back = walkBack(object, stepsBack);
    return valuesAt((int) (back >>> 32))[(int) back * stride + slot];
  }

  /**
   * How far back an object's history reaches within {@code stepsBack} steps, and its index there:
   * the depth in the high 32 bits, the index in the low ones (history stops where the object did
   * not exist or the window ends).
   */
  private long walkBack(int object, int stepsBack) {
    int i = object;
    int d = 0;
    for (; d < stepsBack; d++) {
      int p = previousIndexAt(d, i);
      if (p < 0) {
        break;
      }
      i = p;
    }
    return ((long) d << 32) | (i & 0xffffffffL);
  }

  /** vx of an object {@code stepsBack} steps ago, with the same clamping as {@link #getAt}. */
  public int vxAt(int object, int stepsBack) {
    return velocityAt(object, 0, stepsBack);
  }

  /** vy of an object {@code stepsBack} steps ago, with the same clamping as {@link #getAt}. */
  public int vyAt(int object, int stepsBack) {
    return velocityAt(object, 1, stepsBack);
  }

  /** The velocity on one axis (0 x, 1 y) of an object {@code stepsBack} steps ago, clamped as {@link #getAt}. */
  private int velocityAt(int object, int axis, int stepsBack) {
    if (stepsBack == 1) {
      // A window of one frame back reads that frame as having none before it, so nothing has moved.
      return depth >= 2 ? velocityBefore[2 * object + axis] : 0;
    }
    if (stepsBack <= 0) {
      return depth == 0 ? 0 : velocity[2 * object + axis];
    }
    // Walk to t-(k-1) only: the velocity at t-k is that frame's velocity one step back.
    long back = walkBack(object, stepsBack - 1);
    int d = (int) (back >>> 32);
    int i = (int) back;
    if (d < stepsBack - 1) {
      // History stopped at t-d (the object is new there, or the window ends): clamped as getAt clamps.
      return d >= depth ? 0 : velocityAt(d)[2 * i + axis];
    }
    return stepsBack >= depth ? 0 : (d == 0 ? velocityBefore : kept(d).velocityBefore)[2 * i + axis];
  }


  /** The action taken {@code stepsBack} steps ago (0 = now); -1 beyond the history kept. */
  public int actionAt(int stepsBack) {
    if (stepsBack <= 0) {
      return action;
    }
    return stepsBack > depth ? -1 : kept(stepsBack).action;
  }

  /**
   * Number of objects of types the world does not declare (read from data in the open mode). Laws
   * never see them; they are kept only so that the model can score their appearance.
   */
  public int undeclaredCount() { return undeclared.ids.length; }

  /** The id of undeclared object {@code k} (0 <= k < {@link #undeclaredCount()}). */
  public int undeclaredId(int k) { return undeclared.ids[k]; }

  /** The type name, as the data gives it, of undeclared object {@code k}. */
  public String undeclaredType(int k) { return undeclared.types[k]; }

  /** Whether this frame has an undeclared object with that id and type name. */
  public boolean hasUndeclared(int id, String typeName) {
    for (int k = 0; k < undeclared.ids.length; k++) {
      if (undeclared.ids[k] == id && undeclared.types[k].equals(typeName)) {
        return true;
      }
    }
    return false;
  }

  /** The same frame (objects, history, step and ages) with another action taken at t. */
  public Frame withAction(int actionIndex) {
    return actionIndex == action ? this : new Frame(this, actionIndex, history, from, depth);
  }

  /** A copy of an object's slots. */
  public int[] slots(int object) {
    int from = object * stride;
    return Arrays.copyOfRange(values, from, from + schema.type(types[object]).slotCount());
  }

  public static Builder builder(WorldSchema schema) {
    return new Builder(schema);
  }

  /** Collects objects of one frame; ids must be unique. */
  public static final class Builder {
    private final WorldSchema schema;
    private int[] ids = new int[8];
    private int[] types = new int[8];
    private final int stride;
    /** Object k's slots at {@code values[k * stride ..]}, as the frame keeps them. */
    private int[] values;
    private int n;
    private int action = -1;
    private Frame previous;
    private int[] undeclaredIds = NO_IDS;
    private String[] undeclaredTypes = NO_TYPES;
    private int undeclaredCount;
    private Integer step;
    private double reward;
    private boolean terminated;
    /** The ids added so far, once there are {@link #SCAN_LIMIT} or more. */
    private java.util.Set<Integer> idSet;
    private static final int SCAN_LIMIT = 32;

    private Builder(WorldSchema schema) {
      this.schema = Objects.requireNonNull(schema, "schema");
      this.stride = schema.slotStride();
      this.values = new int[8 * stride];
    }

    /** Adds an object; {@code slots} holds x, y, w, h and then the type's extras, in order. */
    public Builder add(int id, int type, int... slots) {
      EntityType t = schema.type(type);
      if (slots.length != t.slotCount()) {
        throw new IllegalArgumentException("object " + id + " of type " + t.name() + " needs "
            + t.slotCount() + " slots, got " + slots.length);
      }
      if (n == ids.length) {
        ids = Arrays.copyOf(ids, n * 2);
        types = Arrays.copyOf(types, n * 2);
        values = Arrays.copyOf(values, n * 2 * stride);
      }
      requireNewId(id);
      ids[n] = id;
      types[n] = type;
      System.arraycopy(slots, 0, values, n * stride, slots.length);
      n++;
      return this;
    }

    /**
     * Adds an object of a type the world does not declare: laws do not see it, and only its
     * appearance is scored (see {@link Frame#undeclaredCount()}).
     */
    public Builder addUndeclared(int id, String typeName) {
      Objects.requireNonNull(typeName, "typeName");
      requireNewId(id);
      if (undeclaredCount == undeclaredIds.length) {
        undeclaredIds = Arrays.copyOf(undeclaredIds, Math.max(4, undeclaredCount * 2));
        undeclaredTypes = Arrays.copyOf(undeclaredTypes, undeclaredIds.length);
      }
      undeclaredIds[undeclaredCount] = id;
      undeclaredTypes[undeclaredCount] = typeName;
      undeclaredCount++;
      return this;
    }

    /**
     * Linear in the objects so far while they are few (the common frame: no hashing, no boxing); a
     * hash set of the ids from {@link #SCAN_LIMIT} objects on, so that a frame of a million objects
     * is built in linear time rather than quadratic.
     */
    private void requireNewId(int id) {
      int total = n + undeclaredCount;
      if (idSet == null && total >= SCAN_LIMIT) {
        idSet = new java.util.HashSet<>(total * 2);
        for (int k = 0; k < n; k++) {
          idSet.add(ids[k]);
        }
        for (int k = 0; k < undeclaredCount; k++) {
          idSet.add(undeclaredIds[k]);
        }
      }
      boolean duplicate;
      if (idSet != null) {
        duplicate = !idSet.add(id);
      } else {
        duplicate = false;
        for (int k = 0; k < n && !duplicate; k++) {
          duplicate = ids[k] == id;
        }
        for (int k = 0; k < undeclaredCount && !duplicate; k++) {
          duplicate = undeclaredIds[k] == id;
        }
      }
      if (duplicate) {
        throw new IllegalArgumentException("duplicate object id " + id);
      }
    }

    public Builder action(int actionIndex) {
      this.action = actionIndex;
      return this;
    }

    /**
     * The step index of the frame within its episode; without it, one more than the previous
     * frame's, or 0 for a frame with no previous one.
     */
    public Builder step(int stepIndex) {
      this.step = stepIndex;
      return this;
    }

    /** The reward the action taken at this frame earned (0 unless set). */
    public Builder reward(double earned) {
      this.reward = earned;
      return this;
    }

    /** Whether the game ended at this frame (a termination, not a cut by a step budget). */
    public Builder terminated(boolean ended) {
      this.terminated = ended;
      return this;
    }

    /** Links frame t-1; history older than {@link Frame#MAX_HISTORY} steps is dropped. */
    public Builder previous(Frame previousFrame) {
      this.previous = previousFrame;
      return this;
    }

    public Frame build() {
      Undeclared u = undeclaredCount == 0 ? Undeclared.NONE
          : new Undeclared(Arrays.copyOf(undeclaredIds, undeclaredCount), Arrays.copyOf(undeclaredTypes, undeclaredCount));
      int stepIndex = step != null ? step : previous == null ? 0 : previous.step + 1;
      return new Frame(schema, Arrays.copyOf(ids, n), Arrays.copyOf(types, n),
          Arrays.copyOf(values, n * stride), action, previous, u, stepIndex, reward, terminated);
    }
  }

  private static final int[] NO_IDS = new int[0];
  private static final String[] NO_TYPES = new String[0];

  /** The objects of undeclared types: ids and the type names the data gives. */
  private record Undeclared(int[] ids, String[] types) {
    static final Undeclared NONE = new Undeclared(NO_IDS, NO_TYPES);
  }
}
