package dev.nomos.runtime.internal;

import dev.nomos.runtime.Frame;
import dev.nomos.runtime.OpinionSink;
import dev.nomos.runtime.WorldSchema;
import java.util.Arrays;

/**
 * The weight-free structure of every target some law spoke to in one frame: its support split into
 * segments of values that the same laws allow with the same feature values, plus one shared class of
 * the values nobody mentions. With weights θ, a segment's logit is {@code a = Σ θ_law f_law}, the
 * unmentioned values' logit is 0, and {@code p(v) = exp(a(v)) / Z} over the support: this equals the
 * brief's {@code Σ θ_i s_i(v)} up to the constant {@code -nu Σ θ_i}, which cancels. Work is
 * proportional to the opinions, never to the size of the support.
 *
 * <p>A law's several opinions on one target are first merged into their union (the largest feature
 * value per value). Supports: ALIVE and END {0, 1}; the reward {0} extended by every value a law
 * mentions; an extra attribute its declared range;
 * x and y the position at t plus the velocity range, extended by every value a law mentions
 * (so that laws that place an object, such as a respawn, are not cut off). Opinions outside a
 * non-extensible support are clipped away.
 */
public final class Partitions {
  /** The {@link #offset} of the world's reward target. */
  public static final int REWARD_OFFSET = -2;
  /** The {@link #offset} of the world's end target. */
  public static final int END_OFFSET = -3;

  private int[] order = new int[256];
  private int[] targetCount = new int[64];
  private int[] partOfTarget = new int[64];

  int parts;
  int[] partTarget = new int[64];
  int[] partObject = new int[64];
  int[] partOffset = new int[64];
  int[] partBaseLo = new int[64];
  int[] partBaseHi = new int[64];
  long[] partUnmentioned = new long[64];
  long[] partSize = new long[64];
  int[] partSegStart = new int[65];

  int segs;
  int[] segLo = new int[256];
  int[] segHi = new int[256];
  int[] segFeatStart = new int[257];

  int feats;
  int[] featLaw = new int[1024];
  double[] featVal = new double[1024];

  /** The one-pass build's key: the value in the high half, then the law, then the opinion's place in the target's run. */
  private static final int ONE_PASS_PLACE_BITS = 17;
  private static final long ONE_PASS_PLACE_MASK = (1L << ONE_PASS_PLACE_BITS) - 1;
  /** Runs and law counts the one-pass key has room for (the general build takes the rest). */
  private static final int MAX_ONE_PASS = 1 << ONE_PASS_PLACE_BITS;
  private static final int MAX_ONE_PASS_LAWS = 1 << (32 - ONE_PASS_PLACE_BITS);

  /** Whether laws ran together on the frame being built, so that a target's opinions may be out of law order. */
  private boolean interleaved;
  /** Per law, the target it last spoke to in the one-pass build (by {@link #stampGeneration}). */
  private int[] lawStamp = new int[0];
  private int stampGeneration;

  // Scratch for one target.
  private int env;
  private int[] envLaw = new int[64];
  private int[] envLo = new int[64];
  private int[] envHi = new int[64];
  private double[] envF = new double[64];
  private int[] points = new int[128];
  private int[] pointCount = new int[128];
  /** Per interval end (entry e's start at 2e, its end at 2e + 1), the index of its point. */
  private int[] pointRank = new int[128];
  /** Interval ends or values keyed with their entry: {@code value << 32 | index}, sorted. */
  private long[] keys = new long[128];
  /** Values of the current target's base support that some segment covers. */
  private long covered;
  /** Values the current target's segments hold, inside the base support or not. */
  private long segmentValues;
  private int[] group = new int[64];
  private int[] groupPoints = new int[128];

  /** Builds the partitions of everything {@code c} collected for its frame. */
  public void build(OpinionCollector c) {
    build(c, null);
  }

  /**
   * As {@link #build(OpinionCollector)}, with every target some requirement restricts given the
   * satisfying interval S as its support: the PoE is renormalised over S, and the floor's background
   * is uniform over S. For x and y, which grow by the values laws name, S stands in for the whole
   * support (a requirement names its values as a law's opinion does, then allows only them); for the
   * other targets the support is the declared one cut to S, and when nothing is left the requirement
   * is ignored (the requirements report it as unmet). A required target gets a partition even where
   * no law spoke to it.
   */
  public void build(OpinionCollector c, Requirements required) {
    Frame t = c.frame();
    WorldSchema schema = t.schema();
    int total = c.totalTargets();
    if (targetCount.length < total + 1) {
      targetCount = new int[Math.max(total + 1, targetCount.length * 2)];
      partOfTarget = new int[targetCount.length];
    }
    Arrays.fill(targetCount, 0, total + 1, 0);
    Arrays.fill(partOfTarget, 0, total, -1);
    int n = c.count;
    if (order.length < n) {
      order = new int[Math.max(n, order.length * 2)];
    }
    // Stable counting sort by target keeps each target's opinions in law order.
    for (int k = 0; k < n; k++) {
      targetCount[c.target[k] + 1]++;
    }
    for (int k = 0; k < total; k++) {
      targetCount[k + 1] += targetCount[k];
    }
    for (int k = 0; k < n; k++) {
      order[targetCount[c.target[k]]++] = k;
    }
    // targetCount[k] is now the end of target k's run; its start is the previous end.
    interleaved = c.lawsInterleaved();
    ensureLawStamps(c.firings().length);
    parts = 0;
    segs = 0;
    feats = 0;
    partSegStart[0] = 0;
    int start = 0;
    int object = 0;
    for (int target = 0; target < total; target++) {
      int end = targetCount[target];
      boolean restricted = required != null && required.required(target);
      if (end == start && !restricted) {
        continue;
      }
      int baseLo;
      int baseHi;
      boolean extensible;
      if (OpinionCollector.isWorldTarget(target)) {
        if (target == OpinionCollector.REWARD_TARGET) {
          buildTarget(c, start, end, target, OpinionSink.WORLD, REWARD_OFFSET, 0, 0, true, false);
        } else {
          buildTarget(c, start, end, target, OpinionSink.WORLD, END_OFFSET, 0, 1, false, false);
        }
        start = end;
        continue;
      }
      while (c.objectBase(object + 1) <= target) {
        object++;
      }
      int offset = target - c.objectBase(object);
      if (offset == 0) {
        baseLo = 0;
        baseHi = 1;
        extensible = false;
      } else if (offset <= 2) {
        int now = offset == 1 ? t.x(object) : t.y(object);
        baseLo = now + schema.velocityMin();
        baseHi = now + schema.velocityMax();
        extensible = true;
      } else {
        ranges = ExtraRanges.of(schema, ranges);
        baseLo = ranges.min[t.type(object)][offset - 3];
        baseHi = ranges.max[t.type(object)][offset - 3];
        extensible = false;
      }
      if (restricted) {
        int lo = extensible ? required.lo(target) : Math.max(baseLo, required.lo(target));
        int hi = extensible ? required.hi(target) : Math.min(baseHi, required.hi(target));
        if (lo <= hi) {
          baseLo = lo;
          baseHi = hi;
          extensible = false;
        } else if (end == start) {
          continue;
        } else {
          restricted = false;
        }
      }
      buildTarget(c, start, end, target, object, offset, baseLo, baseHi, extensible, restricted);
      start = end;
    }
  }

  /**
   * Puts a target's opinions {@code order[start, end)} in law order where laws ran together and
   * interleaved them: a run out of law order is sorted by (law, position), so that each law's opinions
   * keep their own order and the partitions are those of the laws run one after the other. The keys
   * are sorted in a flat array: a run is a few ascending stretches, one per group that spoke to it.
   */
  private void lawOrder(OpinionCollector c, int start, int end) {
    int[] law = c.law;
    boolean sorted = true;
    for (int k = start + 1; k < end && sorted; k++) {
      sorted = law[order[k - 1]] <= law[order[k]];
    }
    if (!sorted) {
      int n = end - start;
      ensureKeys(n);
      for (int k = 0; k < n; k++) {
        // Opinions are numbered in emission order, so (law, opinion) keeps each law's own order.
        keys[k] = (long) law[order[start + k]] << 32 | order[start + k];
      }
      SmallSorts.longs(keys, n);
      for (int k = 0; k < n; k++) {
        order[start + k] = (int) keys[k];
      }
    }
  }

  private void buildTarget(OpinionCollector c, int start, int end, int target, int object, int offset,
      int baseLo, int baseHi, boolean extensible, boolean restricted) {
    int firstSeg = segs;
    covered = 0;
    segmentValues = 0;
    int kept = singlesOfDistinctLaws(c, start, end, baseLo, baseHi, extensible);
    if (kept < 0) {
      if (!generalSegments(c, start, end, baseLo, baseHi, extensible, restricted)) {
        return;
      }
    } else if (kept == 0 && !restricted) {
      return; // Every opinion fell outside the support: each law scores all values alike.
    }
    segFeatStart[segs] = feats;
    ensureParts(parts + 1);
    partTarget[parts] = target;
    partObject[parts] = object;
    partOffset[parts] = offset;
    partBaseLo[parts] = baseLo;
    partBaseHi[parts] = baseHi;
    partUnmentioned[parts] = (long) baseHi - baseLo + 1 - covered;
    partSize[parts] = partUnmentioned[parts] + segmentValues;
    partSegStart[parts] = firstSeg;
    partSegStart[parts + 1] = segs;
    partOfTarget[target] = parts;
    parts++;
  }

  /**
   * The usual target in one pass: every opinion a single value and no law with two of them. Its
   * opinions, sorted once by (value, law), give the segments and each one's features in law order,
   * exactly as the general build does after putting them in law order and taking each law's envelope
   * (which for one single value is the value itself). Returns how many opinions fell inside the
   * support, or -1 (nothing written) when the target is not of that kind.
   */
  private int singlesOfDistinctLaws(OpinionCollector c, int start, int end, int baseLo, int baseHi, boolean extensible) {
    int n = end - start;
    if (n > MAX_ONE_PASS || lawStamp.length > MAX_ONE_PASS_LAWS) {
      return -1;
    }
    if (++stampGeneration == 0) {
      java.util.Arrays.fill(lawStamp, 0);
      stampGeneration = 1;
    }
    ensureKeys(n);
    int m = 0;
    int[] law = c.law;
    for (int k = 0; k < n; k++) {
      int op = order[start + k];
      int value = c.lo[op];
      int l = law[op];
      if (c.hi[op] != value || lawStamp[l] == stampGeneration) {
        return -1;
      }
      lawStamp[l] = stampGeneration;
      if (extensible || (value >= baseLo && value <= baseHi)) {
        // Value (made non-negative) above the law above the opinion's place in the run: a positive long.
        keys[m++] = (long) (value + OpinionCollector.VALUE_LIMIT) << 32 | (long) l << ONE_PASS_PLACE_BITS | k;
      }
    }
    SmallSorts.longs(keys, m);
    ensureFeatures(feats + m);
    ensureSegments(segs + m);
    for (int k = 0; k < m; ) {
      long valueBits = keys[k] >>> 32;
      openValueSegment((int) valueBits - OpinionCollector.VALUE_LIMIT, baseLo, baseHi);
      for (; k < m && keys[k] >>> 32 == valueBits; k++) {
        int op = order[start + (int) (keys[k] & ONE_PASS_PLACE_MASK)];
        featLaw[feats] = law[op];
        featVal[feats] = c.f[op];
        feats++;
      }
    }
    return m;
  }

  /**
   * Any target: its opinions put in law order where laws interleaved them, each law's envelope,
   * then the segments. False when every opinion fell outside the support and no requirement holds
   * the target (nothing written).
   */
  private boolean generalSegments(OpinionCollector c, int start, int end, int baseLo, int baseHi, boolean extensible,
      boolean restricted) {
    if (interleaved) {
      lawOrder(c, start, end);
    }
    env = 0;
    // A law's envelope of m opinions has at most 2m - 1 entries, so this holds every law's.
    ensureEnv(2 * (end - start));
    boolean singles = true;
    int[] law = c.law;
    int k = start;
    while (k < end) {
      int op = order[k];
      int l = law[op];
      if (k + 1 == end || law[order[k + 1]] != l) {
        // The usual case, one opinion of the law on the target: its envelope is the opinion cut to the support.
        int lo = extensible ? c.lo[op] : Math.max(c.lo[op], baseLo);
        int hi = extensible ? c.hi[op] : Math.min(c.hi[op], baseHi);
        if (lo <= hi) {
          envLaw[env] = l;
          envLo[env] = lo;
          envHi[env] = hi;
          envF[env] = c.f[op];
          env++;
          singles &= lo == hi;
        }
        k++;
        continue;
      }
      int groupEnd = k + 1;
      while (groupEnd < end && law[order[groupEnd]] == l) {
        groupEnd++;
      }
      int first = env;
      envelope(c, k, groupEnd, l, baseLo, baseHi, extensible);
      for (int e = first; e < env; e++) {
        singles &= envLo[e] == envHi[e];
      }
      k = groupEnd;
    }
    if (env == 0 && !restricted) {
      return false; // Every opinion fell outside the support: each law scores all values alike.
    }
    if (singles) {
      singleValueSegments(baseLo, baseHi);
    } else {
      elementarySegments(baseLo, baseHi);
    }
    return true;
  }

  /**
   * The segments of a target whose envelope entries are single values: one segment per distinct
   * value, its features the entries naming it in law order. One sort of the entries by (value, entry)
   * gives both, and the result is what {@link #elementarySegments} builds for the same entries.
   */
  private void singleValueSegments(int baseLo, int baseHi) {
    ensureKeys(env);
    for (int e = 0; e < env; e++) {
      keys[e] = (long) envLo[e] << 32 | e;
    }
    SmallSorts.longs(keys, env);
    ensureFeatures(feats + env);
    ensureSegments(segs + env);
    for (int k = 0; k < env; ) {
      int value = (int) (keys[k] >> 32);
      openValueSegment(value, baseLo, baseHi);
      for (; k < env && (int) (keys[k] >> 32) == value; k++) {
        int e = (int) keys[k];
        featLaw[feats] = envLaw[e];
        featVal[feats] = envF[e];
        feats++;
      }
    }
  }

  /** Starts the segment of the single value {@code value}; its features follow from {@code feats}. */
  private void openValueSegment(int value, int baseLo, int baseHi) {
    segLo[segs] = value;
    segHi[segs] = value;
    segFeatStart[segs] = feats;
    if (value >= baseLo && value <= baseHi) {
      covered++;
    }
    segmentValues++;
    segs++;
  }

  /**
   * The segments of a target in general: the elementary intervals between all interval ends that
   * some entry covers, each with the entries covering it in law order. The ends are sorted once
   * together with the entry they belong to, which gives every entry its first and last elementary
   * interval without searching.
   */
  private void elementarySegments(int baseLo, int baseHi) {
    int n = 2 * env;
    ensureKeys(n);
    for (int e = 0; e < env; e++) {
      keys[2 * e] = (long) envLo[e] << 32 | (2 * e);
      keys[2 * e + 1] = (long) (envHi[e] + 1) << 32 | (2 * e + 1);
    }
    SmallSorts.longs(keys, n);
    ensurePoints(n);
    int np = 0;
    for (int k = 0; k < n; k++) {
      int value = (int) (keys[k] >> 32);
      if (np == 0 || points[np - 1] != value) {
        points[np++] = value;
      }
      pointRank[(int) keys[k]] = np - 1;
    }
    Arrays.fill(pointCount, 0, np, 0);
    int totalFeatures = 0;
    for (int e = 0; e < env; e++) {
      int from = pointRank[2 * e];
      int to = pointRank[2 * e + 1];
      for (int j = from; j < to; j++) {
        pointCount[j]++;
      }
      totalFeatures += to - from;
    }
    ensureFeatures(feats + totalFeatures);
    ensureSegments(segs + np);
    // Turn counts into feature offsets (relative to feats) and emit the covered segments.
    int running = 0;
    for (int j = 0; j + 1 < np; j++) {
      int cnt = pointCount[j];
      pointCount[j] = running;
      if (cnt > 0) {
        segLo[segs] = points[j];
        segHi[segs] = points[j + 1] - 1;
        segFeatStart[segs] = feats + running;
        long lo = Math.max(points[j], baseLo);
        long hi = Math.min(points[j + 1] - 1, baseHi);
        covered += Math.max(0, hi - lo + 1);
        segmentValues += (long) points[j + 1] - points[j];
        segs++;
      }
      running += cnt;
    }
    // Fill features in law order: env entries are in law order already.
    for (int e = 0; e < env; e++) {
      int from = pointRank[2 * e];
      int to = pointRank[2 * e + 1];
      for (int j = from; j < to; j++) {
        int at = feats + pointCount[j]++;
        featLaw[at] = envLaw[e];
        featVal[at] = envF[e];
      }
    }
    feats += running;
  }

  /** Appends the union of one law's opinions [from, to) on the current target to the env arrays. */
  private void envelope(OpinionCollector c, int from, int to, int law, int baseLo, int baseHi, boolean extensible) {
    int m = 0;
    if (group.length < to - from) {
      group = new int[Math.max(to - from, group.length * 2)];
    }
    for (int k = from; k < to; k++) {
      int op = order[k];
      int lo = c.lo[op];
      int hi = c.hi[op];
      if (!extensible) {
        lo = Math.max(lo, baseLo);
        hi = Math.min(hi, baseHi);
      }
      if (lo <= hi) {
        group[m++] = op;
      }
    }
    if (m == 1) {
      int op = group[0];
      addEnv(law, extensible ? c.lo[op] : Math.max(c.lo[op], baseLo), extensible ? c.hi[op] : Math.min(c.hi[op], baseHi), c.f[op]);
      return;
    }
    if (m == 0) {
      return;
    }
    // Several opinions: per elementary segment, the largest feature value of those covering it.
    int np = 0;
    if (groupPoints.length < 2 * m) {
      groupPoints = new int[Math.max(2 * m, groupPoints.length * 2)];
    }
    int[] pts = groupPoints;
    for (int g = 0; g < m; g++) {
      int op = group[g];
      pts[np++] = extensible ? c.lo[op] : Math.max(c.lo[op], baseLo);
      pts[np++] = (extensible ? c.hi[op] : Math.min(c.hi[op], baseHi)) + 1;
    }
    SmallSorts.ints(pts, 0, np);
    int unique = 0;
    for (int p = 0; p < np; p++) {
      if (unique == 0 || pts[p] != pts[unique - 1]) {
        pts[unique++] = pts[p];
      }
    }
    int openLo = 0;
    double openF = Double.NaN;
    int openHi = 0;
    boolean open = false;
    for (int j = 0; j + 1 < unique; j++) {
      int lo = pts[j];
      int hi = pts[j + 1] - 1;
      double best = Double.NEGATIVE_INFINITY;
      for (int g = 0; g < m; g++) {
        int op = group[g];
        int glo = extensible ? c.lo[op] : Math.max(c.lo[op], baseLo);
        int ghi = extensible ? c.hi[op] : Math.min(c.hi[op], baseHi);
        if (glo <= lo && ghi >= hi && c.f[op] > best) {
          best = c.f[op];
        }
      }
      if (best == Double.NEGATIVE_INFINITY) {
        if (open) {
          addEnv(law, openLo, openHi, openF);
          open = false;
        }
      } else if (open && best == openF && openHi + 1 == lo) {
        openHi = hi;
      } else {
        if (open) {
          addEnv(law, openLo, openHi, openF);
        }
        open = true;
        openLo = lo;
        openHi = hi;
        openF = best;
      }
    }
    if (open) {
      addEnv(law, openLo, openHi, openF);
    }
  }

  private void addEnv(int law, int lo, int hi, double f) {
    ensureEnv(env + 1);
    envLaw[env] = law;
    envLo[env] = lo;
    envHi[env] = hi;
    envF[env] = f;
    env++;
  }

  /** The declared ranges of the extra attributes of the world being built. */
  private ExtraRanges ranges;

  private void ensureLawStamps(int laws) {
    if (lawStamp.length < laws) {
      lawStamp = new int[laws];
      stampGeneration = 0;
    }
  }

  private void ensureEnv(int n) {
    if (envLaw.length < n) {
      int size = Math.max(n, envLaw.length * 2);
      envLaw = Arrays.copyOf(envLaw, size);
      envLo = Arrays.copyOf(envLo, size);
      envHi = Arrays.copyOf(envHi, size);
      envF = Arrays.copyOf(envF, size);
    }
  }

  private void ensurePoints(int n) {
    if (points.length < n) {
      points = new int[Math.max(n, points.length * 2)];
      pointCount = new int[points.length];
      pointRank = new int[points.length];
    }
  }

  private void ensureKeys(int n) {
    if (keys.length < n) {
      keys = new long[Math.max(n, keys.length * 2)];
    }
  }

  private void ensureFeatures(int n) {
    if (featLaw.length < n) {
      int size = Math.max(n, featLaw.length * 2);
      featLaw = Arrays.copyOf(featLaw, size);
      featVal = Arrays.copyOf(featVal, size);
    }
  }

  private void ensureSegments(int n) {
    if (segLo.length < n) {
      int size = Math.max(n, segLo.length * 2);
      segLo = Arrays.copyOf(segLo, size);
      segHi = Arrays.copyOf(segHi, size);
      segFeatStart = Arrays.copyOf(segFeatStart, size + 1);
    }
  }

  private void ensureParts(int n) {
    if (partTarget.length < n) {
      int size = Math.max(n, partTarget.length * 2);
      partTarget = Arrays.copyOf(partTarget, size);
      partObject = Arrays.copyOf(partObject, size);
      partOffset = Arrays.copyOf(partOffset, size);
      partBaseLo = Arrays.copyOf(partBaseLo, size);
      partBaseHi = Arrays.copyOf(partBaseHi, size);
      partUnmentioned = Arrays.copyOf(partUnmentioned, size);
      partSize = Arrays.copyOf(partSize, size);
      partSegStart = Arrays.copyOf(partSegStart, size + 1);
    }
  }

  // ---- read access -------------------------------------------------------------------------

  /** Number of targets with a partition in this frame. */
  public int parts() { return parts; }

  /** The partition of a target, or -1 when no law spoke to it. */
  public int partOf(int target) { return partOfTarget[target]; }

  public int target(int part) { return partTarget[part]; }

  /**
   * Object index of an object target; for a world target {@link OpinionSink#WORLD} (tell them apart
   * by {@link #offset}).
   */
  public int object(int part) { return partObject[part]; }

  /**
   * Target offset within its object (0 ALIVE, 1 X, 2 Y, 3+ extras); {@link #REWARD_OFFSET} and
   * {@link #END_OFFSET} for the world's.
   */
  public int offset(int part) { return partOffset[part]; }

  public int baseLo(int part) { return partBaseLo[part]; }

  public int baseHi(int part) { return partBaseHi[part]; }

  /** Number of values of the base support no law mentions. */
  public long unmentioned(int part) { return partUnmentioned[part]; }

  /**
   * The size of the support once {@code value} is observed: every value of a segment plus the
   * unmentioned ones, and one more when {@code value} lies outside both (it joins the unmentioned).
   */
  public long supportSize(int part, int value) {
    boolean outside = (value < partBaseLo[part] || value > partBaseHi[part]) && segmentOf(part, value) < 0;
    return partSize[part] + (outside ? 1 : 0);
  }

  /** The size of the support: every value of a segment plus the unmentioned ones. */
  public long supportSize(int part) {
    return partSize[part];
  }

  public int segStart(int part) { return partSegStart[part]; }

  public int segEnd(int part) { return partSegStart[part + 1]; }

  public int segLo(int seg) { return segLo[seg]; }

  public int segHi(int seg) { return segHi[seg]; }

  public int featStart(int seg) { return segFeatStart[seg]; }

  public int featEnd(int seg) { return segFeatStart[seg + 1]; }

  public int featLaw(int feat) { return featLaw[feat]; }

  public double featVal(int feat) { return featVal[feat]; }

  /** The segment of a part holding {@code value}, or -1 (segments are sorted and disjoint). */
  public int segmentOf(int part, int value) {
    int lo = partSegStart[part];
    int hi = partSegStart[part + 1] - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (segHi[mid] < value) {
        lo = mid + 1;
      } else if (segLo[mid] > value) {
        hi = mid - 1;
      } else {
        return mid;
      }
    }
    return -1;
  }
}
