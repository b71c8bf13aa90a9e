package dev.nomos.runtime.internal;

import dev.nomos.runtime.Frame;
import dev.nomos.runtime.WorldSchema;
import java.util.Arrays;

/**
 * The weight-free structure of the joint choices ({@code choose}) of one frame. Every object some
 * joint choice speaks to gets one <em>block</em>: the union of the targets its joint choices name
 * (its coordinates), scored together. Each coordinate's support is split into classes that every
 * opinion treats alike: one singleton per value some joint alternative names, the rest of each
 * segment of the target's ordinary partition ({@link Partitions}), and the values nobody mentions.
 * A block's <em>cells</em> are the products of one class per coordinate; within a cell every
 * opinion is constant, so a cell's logit is the sum of its classes' per-target features plus each
 * joint law's feature where the cell is one of its alternatives (a law's several joint choices on
 * one object allow their union: the largest feature per cell). Cells are enumerated, so work grows
 * with the product of the coordinates' class counts (bounded by {@link #MAX_CELLS}), never with the
 * size of the supports.
 */
public final class JointBlocks {
  /** The most cells one block may have; beyond it the law combination is reported, not enumerated. */
  public static final int MAX_CELLS = 1 << 20;

  static final byte SINGLE = 0;
  static final byte REST = 1;
  static final byte UNMENTIONED = 2;

  private int[] blockOfTarget = new int[64];

  int blocks;
  int[] blockObject = new int[8];
  int[] blockCoordStart = new int[9];
  int[] blockCellStart = new int[9];

  int coords;
  int[] coordTarget = new int[16];
  int[] coordBlock = new int[16];
  int[] coordOffset = new int[16];
  int[] coordBaseLo = new int[16];
  int[] coordBaseHi = new int[16];
  int[] coordStride = new int[16];
  long[] coordSize = new long[16];
  int[] coordClassStart = new int[17];
  int[] coordNamedStart = new int[17];
  int[] coordExclStart = new int[17];

  int named;
  int[] namedValue = new int[32];
  int excl;
  int[] exclLo = new int[32];
  int[] exclHi = new int[32];

  int classes;
  byte[] classKind = new byte[64];
  int[] classLo = new int[64];
  int[] classHi = new int[64];
  long[] classCount = new long[64];
  int[] classNamedStart = new int[64];
  int[] classNamedEnd = new int[64];
  int[] classFeatStart = new int[65];
  int classFeats;
  int[] classFeatLaw = new int[128];
  double[] classFeatVal = new double[128];

  int cells;
  int[] cellFeatStart = new int[65];
  int feats;
  int[] featLaw = new int[256];
  double[] featVal = new double[256];

  // Scratch.
  private int[] order = new int[16];
  private int[] lawList = new int[8];
  private double[] jointFeature = new double[64];
  private int[] scratchClass = new int[16];

  /** Builds the blocks of every joint choice {@code c} collected, on top of {@code p} (built for the same frame). */
  public void build(OpinionCollector c, Partitions p) {
    int total = c.totalTargets();
    if (blockOfTarget.length < total) {
      blockOfTarget = new int[Math.max(total, blockOfTarget.length * 2)];
    }
    Arrays.fill(blockOfTarget, 0, total, -1);
    blocks = 0;
    coords = 0;
    named = 0;
    excl = 0;
    classes = 0;
    classFeats = 0;
    cells = 0;
    feats = 0;
    blockCoordStart[0] = 0;
    blockCellStart[0] = 0;
    coordClassStart[0] = 0;
    coordNamedStart[0] = 0;
    coordExclStart[0] = 0;
    classFeatStart[0] = 0;
    cellFeatStart[0] = 0;
    int n = c.joints;
    if (n == 0) {
      return;
    }
    if (order.length < n) {
      order = new int[Math.max(n, order.length * 2)];
    }
    // Stable by object: joints of one object stay in law order.
    Integer[] boxed = new Integer[n];
    for (int j = 0; j < n; j++) {
      boxed[j] = j;
    }
    Arrays.sort(boxed, (a, b) -> Integer.compare(c.jointObject[a], c.jointObject[b]));
    for (int j = 0; j < n; j++) {
      order[j] = boxed[j];
    }
    int from = 0;
    while (from < n) {
      int object = c.jointObject[order[from]];
      int to = from;
      while (to < n && c.jointObject[order[to]] == object) {
        to++;
      }
      buildBlock(c, p, object, from, to);
      from = to;
    }
  }

  private void buildBlock(OpinionCollector c, Partitions p, int object, int from, int to) {
    Frame t = c.frame();
    WorldSchema schema = t.schema();
    ensureBlocks(blocks + 1);
    int b = blocks;
    blockObject[b] = object;
    // Coordinates: the union of the joints' targets, in target order.
    int firstCoord = coords;
    for (int k = from; k < to; k++) {
      int j = order[k];
      for (int i = c.jointTargetStart[j]; i < c.jointTargetStart[j + 1]; i++) {
        int target = c.jointTarget[i];
        boolean known = false;
        for (int q = firstCoord; q < coords; q++) {
          known |= coordTarget[q] == target;
        }
        if (!known) {
          ensureCoords(coords + 1);
          coordTarget[coords++] = target;
        }
      }
    }
    Arrays.sort(coordTarget, firstCoord, coords);
    for (int q = firstCoord; q < coords; q++) {
      int target = coordTarget[q];
      blockOfTarget[target] = b;
      coordBlock[q] = b;
      int offset = target - c.objectBase(object);
      coordOffset[q] = offset;
      boolean extensible = offset <= 2;
      if (extensible) {
        int now = offset == 1 ? t.x(object) : t.y(object);
        coordBaseLo[q] = now + schema.velocityMin();
        coordBaseHi[q] = now + schema.velocityMax();
      } else {
        var spec = schema.type(t.type(object)).extras().get(offset - 3);
        coordBaseLo[q] = spec.min();
        coordBaseHi[q] = spec.max();
      }
      buildCoordinate(c, p, q, from, to, extensible);
    }
    blockCoordStart[b + 1] = coords;
    // Cells: one class per coordinate, the last coordinate varying fastest.
    long count = 1;
    for (int q = coords - 1; q >= firstCoord; q--) {
      coordStride[q] = (int) count;
      count *= coordClassStart[q + 1] - coordClassStart[q];
      if (count > MAX_CELLS) {
        throw new IllegalStateException("the joint choices on object " + t.id(object) + " (law '"
            + c.lawName(c.jointLaw[order[from]]) + "') split its targets into more than " + MAX_CELLS + " cells");
      }
    }
    int cellCount = (int) count;
    int laws = 0;
    for (int k = from; k < to; k++) {
      int law = c.jointLaw[order[k]];
      boolean known = false;
      for (int l = 0; l < laws; l++) {
        known |= lawList[l] == law;
      }
      if (!known) {
        if (laws == lawList.length) {
          lawList = Arrays.copyOf(lawList, laws * 2);
        }
        lawList[laws++] = law;
      }
    }
    if (jointFeature.length < cellCount * laws) {
      jointFeature = new double[Math.max(cellCount * laws, jointFeature.length * 2)];
    }
    Arrays.fill(jointFeature, 0, cellCount * laws, Double.NaN);
    if (scratchClass.length < coords - firstCoord) {
      scratchClass = new int[Math.max(coords - firstCoord, scratchClass.length * 2)];
    }
    int k = coords - firstCoord;
    for (int q = from; q < to; q++) {
      int j = order[q];
      int lawSlot = 0;
      while (lawList[lawSlot] != c.jointLaw[j]) {
        lawSlot++;
      }
      int targets = c.jointTargetStart[j + 1] - c.jointTargetStart[j];
      for (int a = c.jointAltStart[j]; a < c.jointAltStart[j + 1]; a++) {
        // The alternative's class per coordinate, or -1 where it leaves the coordinate free.
        Arrays.fill(scratchClass, 0, k, -1);
        boolean valid = true;
        for (int i = 0; i < targets && valid; i++) {
          int coord = coordOf(firstCoord, c.jointTarget[c.jointTargetStart[j] + i]);
          int single = singletonClass(coord, c.altValue[c.altValueStart[a] + i]);
          valid = single >= 0;
          scratchClass[coord - firstCoord] = single;
        }
        if (!valid) {
          continue; // A value outside a declared range: this alternative cannot occur.
        }
        double f = c.altF[a];
        for (int cell = 0; cell < cellCount; cell++) {
          boolean match = true;
          for (int i = 0; i < k && match; i++) {
            int q2 = firstCoord + i;
            int cls = coordClassStart[q2] + (cell / coordStride[q2]) % (coordClassStart[q2 + 1] - coordClassStart[q2]);
            match = scratchClass[i] < 0 || scratchClass[i] == cls;
          }
          if (match) {
            int at = cell * laws + lawSlot;
            if (Double.isNaN(jointFeature[at]) || jointFeature[at] < f) {
              jointFeature[at] = f;
            }
          }
        }
      }
    }
    ensureCells(cells + cellCount);
    for (int cell = 0; cell < cellCount; cell++) {
      int start = feats;
      for (int q = firstCoord; q < coords; q++) {
        int cls = classAt(q, cell);
        ensureFeats(feats + classFeatStart[cls + 1] - classFeatStart[cls] + laws);
        for (int f = classFeatStart[cls]; f < classFeatStart[cls + 1]; f++) {
          featLaw[feats] = classFeatLaw[f];
          featVal[feats] = classFeatVal[f];
          feats++;
        }
      }
      for (int l = 0; l < laws; l++) {
        double f = jointFeature[cell * laws + l];
        if (!Double.isNaN(f)) {
          featLaw[feats] = lawList[l];
          featVal[feats] = f;
          feats++;
        }
      }
      cellFeatStart[cells] = start;
      cells++;
      cellFeatStart[cells] = feats;
    }
    blockCellStart[b + 1] = cells;
    blocks++;
  }

  /** Named values, classes and excluded intervals of coordinate {@code q}. */
  private void buildCoordinate(OpinionCollector c, Partitions p, int q, int from, int to, boolean extensible) {
    int target = coordTarget[q];
    int lo = coordBaseLo[q];
    int hi = coordBaseHi[q];
    int firstNamed = named;
    for (int k = from; k < to; k++) {
      int j = order[k];
      for (int i = c.jointTargetStart[j]; i < c.jointTargetStart[j + 1]; i++) {
        if (c.jointTarget[i] != target) {
          continue;
        }
        int position = i - c.jointTargetStart[j];
        for (int a = c.jointAltStart[j]; a < c.jointAltStart[j + 1]; a++) {
          int v = c.altValue[c.altValueStart[a] + position];
          if (extensible || (v >= lo && v <= hi)) {
            ensureNamed(named + 1);
            namedValue[named++] = v;
          }
        }
      }
    }
    Arrays.sort(namedValue, firstNamed, named);
    int unique = firstNamed;
    for (int i = firstNamed; i < named; i++) {
      if (unique == firstNamed || namedValue[i] != namedValue[unique - 1]) {
        namedValue[unique++] = namedValue[i];
      }
    }
    named = unique;
    coordNamedStart[q + 1] = named;
    int part = p.partOf(target);
    long size = 0;
    // The rest of each segment of the target's own partition.
    if (part >= 0) {
      for (int s = p.segStart(part); s < p.segEnd(part); s++) {
        int sLo = p.segLo(s);
        int sHi = p.segHi(s);
        int nFrom = lowerBound(firstNamed, named, sLo);
        int nTo = lowerBound(firstNamed, named, sHi + 1); // values are clipped far from overflow
        long rest = (long) sHi - sLo + 1 - (nTo - nFrom);
        if (rest > 0) {
          int cls = addClass(REST, sLo, sHi, rest, p, s);
          classNamedStart[cls] = nFrom;
          classNamedEnd[cls] = nTo;
          size += rest;
        }
      }
    }
    // One singleton per named value, with the features of the segment it lies in.
    long namedInBaseUnmentioned = 0;
    for (int i = firstNamed; i < named; i++) {
      int v = namedValue[i];
      int s = part >= 0 ? p.segmentOf(part, v) : -1;
      addClass(SINGLE, v, v, 1, p, s);
      size++;
      if (s < 0 && v >= lo && v <= hi) {
        namedInBaseUnmentioned++;
      }
    }
    long unmentioned = (part >= 0 ? p.unmentioned(part) : (long) hi - lo + 1) - namedInBaseUnmentioned;
    addClass(UNMENTIONED, lo, hi, unmentioned, p, -1);
    size += unmentioned;
    coordSize[q] = size;
    coordClassStart[q + 1] = classes;
    // Values the unmentioned class excludes: the segments and the named values, merged and sorted.
    int firstExcl = excl;
    int s = part >= 0 ? p.segStart(part) : 0;
    int sEnd = part >= 0 ? p.segEnd(part) : 0;
    int i = firstNamed;
    while (s < sEnd || i < named) {
      int eLo;
      int eHi;
      if (i >= named || (s < sEnd && p.segLo(s) <= namedValue[i])) {
        eLo = p.segLo(s);
        eHi = p.segHi(s);
        s++;
      } else {
        eLo = namedValue[i];
        eHi = namedValue[i];
        i++;
      }
      if (excl > firstExcl && (long) exclHi[excl - 1] + 1 >= eLo) {
        exclHi[excl - 1] = Math.max(exclHi[excl - 1], eHi);
      } else {
        ensureExcl(excl + 1);
        exclLo[excl] = eLo;
        exclHi[excl] = eHi;
        excl++;
      }
    }
    coordExclStart[q + 1] = excl;
  }

  private int addClass(byte kind, int lo, int hi, long count, Partitions p, int seg) {
    ensureClasses(classes + 1);
    int cls = classes++;
    classKind[cls] = kind;
    classLo[cls] = lo;
    classHi[cls] = hi;
    classCount[cls] = count;
    classNamedStart[cls] = 0;
    classNamedEnd[cls] = 0;
    int start = classFeats;
    if (seg >= 0) {
      ensureClassFeats(classFeats + p.featEnd(seg) - p.featStart(seg));
      for (int f = p.featStart(seg); f < p.featEnd(seg); f++) {
        classFeatLaw[classFeats] = p.featLaw(f);
        classFeatVal[classFeats] = p.featVal(f);
        classFeats++;
      }
    }
    classFeatStart[cls] = start;
    classFeatStart[cls + 1] = classFeats;
    return cls;
  }

  private int lowerBound(int from, int to, int value) {
    int lo = from;
    int hi = to;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (namedValue[mid] < value) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private int coordOf(int firstCoord, int target) {
    int q = firstCoord;
    while (coordTarget[q] != target) {
      q++;
    }
    return q;
  }

  /** The singleton class of a named value of coordinate q, or -1 when the value is not named there. */
  private int singletonClass(int q, int value) {
    int i = lowerBound(coordNamedStart[q], coordNamedStart[q + 1], value);
    if (i == coordNamedStart[q + 1] || namedValue[i] != value) {
      return -1;
    }
    // Classes of a coordinate: the segments' rests first, then the singletons in named order.
    int firstSingle = coordClassStart[q];
    while (classKind[firstSingle] != SINGLE) {
      firstSingle++;
    }
    return firstSingle + (i - coordNamedStart[q]);
  }

  // ---- read access -------------------------------------------------------------------------

  /** Number of blocks in this frame. */
  public int blocks() { return blocks; }

  /** The block a target belongs to, or -1 when no joint choice names it. */
  public int blockOf(int target) { return blockOfTarget[target]; }

  public int object(int block) { return blockObject[block]; }

  public int coordStart(int block) { return blockCoordStart[block]; }

  public int coordEnd(int block) { return blockCoordStart[block + 1]; }

  public int cellStart(int block) { return blockCellStart[block]; }

  public int cellEnd(int block) { return blockCellStart[block + 1]; }

  /** Target offset within its object of coordinate q (1 X, 2 Y, 3+ extras). */
  public int offset(int q) { return coordOffset[q]; }

  public int baseLo(int q) { return coordBaseLo[q]; }

  public int baseHi(int q) { return coordBaseHi[q]; }

  /** The size of coordinate q's support: every value of its classes. */
  public long supportSize(int q) { return coordSize[q]; }

  public int featStart(int cell) { return cellFeatStart[cell]; }

  public int featEnd(int cell) { return cellFeatStart[cell + 1]; }

  public int featLaw(int feat) { return featLaw[feat]; }

  public double featVal(int feat) { return featVal[feat]; }

  /** The class of coordinate q in a cell (a global cell index of q's block). */
  public int classAt(int q, int cell) {
    int block = coordBlock[q];
    int local = cell - blockCellStart[block];
    int n = coordClassStart[q + 1] - coordClassStart[q];
    return coordClassStart[q] + (local / coordStride[q]) % n;
  }

  /** The cell of {@code block} holding the observed {@code values} (one per coordinate, in block order). */
  public int cellOf(int block, int[] values) {
    int cell = blockCellStart[block];
    for (int q = blockCoordStart[block]; q < blockCoordStart[block + 1]; q++) {
      int cls = classOf(q, values[q - blockCoordStart[block]]);
      cell += (cls - coordClassStart[q]) * coordStride[q];
    }
    return cell;
  }

  /**
   * The log of the number of value tuples in a cell: the product of its classes' sizes, where an
   * unmentioned class of a coordinate marked in {@code extra} holds one more value (an observation
   * outside the support joins it); {@code -Infinity} for an empty cell. {@code cell} is a cell of
   * {@code block}; {@code extra} may be null.
   */
  public double logMultiplicity(int block, int cell, boolean[] extra) {
    int local = cell - blockCellStart[block];
    double log = 0;
    for (int q = blockCoordStart[block]; q < blockCoordStart[block + 1]; q++) {
      int n = coordClassStart[q + 1] - coordClassStart[q];
      int cls = coordClassStart[q] + (local / coordStride[q]) % n;
      long count = classCount[cls];
      if (extra != null && extra[q - blockCoordStart[block]] && classKind[cls] == UNMENTIONED) {
        count++;
      }
      if (count == 0) {
        return Double.NEGATIVE_INFINITY;
      }
      log += Math.log((double) count);
    }
    return log;
  }

  /** The number of values of a class. */
  public long count(int cls) { return classCount[cls]; }

  /** Whether a class is the values nobody mentions (an observation outside the support joins it). */
  public boolean isUnmentioned(int cls) { return classKind[cls] == UNMENTIONED; }

  /** The class of coordinate q holding {@code value}; values outside the support map to the unmentioned class. */
  public int classOf(int q, int value) {
    int single = singletonClass(q, value);
    if (single >= 0) {
      return single;
    }
    for (int cls = coordClassStart[q]; cls < coordClassStart[q + 1]; cls++) {
      if (classKind[cls] == REST && value >= classLo[cls] && value <= classHi[cls]) {
        return cls;
      }
    }
    return coordClassStart[q + 1] - 1;
  }

  /** Whether {@code value} lies outside coordinate q's support (no class holds it). */
  public boolean outside(int q, int value) {
    if (value >= coordBaseLo[q] && value <= coordBaseHi[q]) {
      return false;
    }
    int cls = classOf(q, value);
    return classKind[cls] == UNMENTIONED;
  }

  /** The value of a class nearest to {@code now} (ties toward the smaller). */
  public int nearest(int cls, int now) {
    switch (classKind[cls]) {
      case SINGLE:
        return classLo[cls];
      case REST:
        return Gaps.nearest(classLo[cls], classHi[cls], namedValue, namedValue, classNamedStart[cls], classNamedEnd[cls], now);
      default:
        int q = coordOfClass(cls);
        return Gaps.nearest(classLo[cls], classHi[cls], exclLo, exclHi, coordExclStart[q], coordExclStart[q + 1], now);
    }
  }

  /** The k-th value of a class (0 <= k < count). */
  public int kth(int cls, long k) {
    switch (classKind[cls]) {
      case SINGLE:
        return classLo[cls];
      case REST:
        return Gaps.kth(classLo[cls], namedValue, namedValue, classNamedStart[cls], classNamedEnd[cls], k);
      default:
        int q = coordOfClass(cls);
        return Gaps.kth(classLo[cls], exclLo, exclHi, coordExclStart[q], coordExclStart[q + 1], k);
    }
  }

  /** The k-th value of coordinate q's support (0 <= k < supportSize). */
  public int kthOfSupport(int q, long k) {
    for (int cls = coordClassStart[q]; cls < coordClassStart[q + 1]; cls++) {
      if (k < classCount[cls]) {
        return kth(cls, k);
      }
      k -= classCount[cls];
    }
    throw new IllegalArgumentException("index past the support");
  }

  private int coordOfClass(int cls) {
    int q = 0;
    while (coordClassStart[q + 1] <= cls) {
      q++;
    }
    return q;
  }

  // ---- growth ------------------------------------------------------------------------------

  private void ensureBlocks(int n) {
    if (blockObject.length < n) {
      int size = Math.max(n, blockObject.length * 2);
      blockObject = Arrays.copyOf(blockObject, size);
      blockCoordStart = Arrays.copyOf(blockCoordStart, size + 1);
      blockCellStart = Arrays.copyOf(blockCellStart, size + 1);
    }
  }

  private void ensureCoords(int n) {
    if (coordTarget.length < n) {
      int size = Math.max(n, coordTarget.length * 2);
      coordTarget = Arrays.copyOf(coordTarget, size);
      coordBlock = Arrays.copyOf(coordBlock, size);
      coordOffset = Arrays.copyOf(coordOffset, size);
      coordBaseLo = Arrays.copyOf(coordBaseLo, size);
      coordBaseHi = Arrays.copyOf(coordBaseHi, size);
      coordStride = Arrays.copyOf(coordStride, size);
      coordSize = Arrays.copyOf(coordSize, size);
      coordClassStart = Arrays.copyOf(coordClassStart, size + 1);
      coordNamedStart = Arrays.copyOf(coordNamedStart, size + 1);
      coordExclStart = Arrays.copyOf(coordExclStart, size + 1);
    }
  }

  private void ensureNamed(int n) {
    if (namedValue.length < n) {
      namedValue = Arrays.copyOf(namedValue, Math.max(n, namedValue.length * 2));
    }
  }

  private void ensureExcl(int n) {
    if (exclLo.length < n) {
      int size = Math.max(n, exclLo.length * 2);
      exclLo = Arrays.copyOf(exclLo, size);
      exclHi = Arrays.copyOf(exclHi, size);
    }
  }

  private void ensureClasses(int n) {
    if (classKind.length < n) {
      int size = Math.max(n, classKind.length * 2);
      classKind = Arrays.copyOf(classKind, size);
      classLo = Arrays.copyOf(classLo, size);
      classHi = Arrays.copyOf(classHi, size);
      classCount = Arrays.copyOf(classCount, size);
      classNamedStart = Arrays.copyOf(classNamedStart, size);
      classNamedEnd = Arrays.copyOf(classNamedEnd, size);
      classFeatStart = Arrays.copyOf(classFeatStart, size + 1);
    }
  }

  private void ensureClassFeats(int n) {
    if (classFeatLaw.length < n) {
      int size = Math.max(n, classFeatLaw.length * 2);
      classFeatLaw = Arrays.copyOf(classFeatLaw, size);
      classFeatVal = Arrays.copyOf(classFeatVal, size);
    }
  }

  private void ensureCells(int n) {
    if (cellFeatStart.length < n + 1) {
      cellFeatStart = Arrays.copyOf(cellFeatStart, Math.max(n + 1, cellFeatStart.length * 2));
    }
  }

  private void ensureFeats(int n) {
    if (featLaw.length < n) {
      int size = Math.max(n, featLaw.length * 2);
      featLaw = Arrays.copyOf(featLaw, size);
      featVal = Arrays.copyOf(featVal, size);
    }
  }
}
