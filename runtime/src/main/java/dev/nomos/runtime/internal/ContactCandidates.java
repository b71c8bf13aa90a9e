package dev.nomos.runtime.internal;

import dev.nomos.runtime.BoxContact;
import dev.nomos.runtime.Frame;
import java.util.Arrays;

/**
 * The pairs of objects of two types that may touch, found by sort and sweep instead of by trying
 * every pair: the second type's objects sorted once per frame by their left edge, those whose left
 * edge lies within reach of an object's box picked out by binary search and kept when their boxes
 * are also within the contact gap on both axes (short types are filtered whole), and the pairs
 * returned in the order of nested loops over {@link Frame#ofType} (ascending id), so that a contact
 * loop over them binds the same pairs in the same order as loops over the whole types.
 *
 * <p>The result is a superset of the pairs {@code Geometry.touching} accepts (it tests each axis
 * with the gap allowed on both, in long arithmetic); the loop still applies the exact test. Where
 * the test's int arithmetic could overflow (a coordinate, size or gap beyond {@link #SAFE}), whole
 * types are paired, as before.
 *
 * <p>One cache per thread, for the last frame it was asked about: the laws of a step ask the same
 * questions again and again (every contact law over movers and blocks asks for each mover's blocks),
 * and frames are shared between threads, so nothing is stored in the frame itself.
 */
public final class ContactCandidates {
  /** Types with at most this many objects are filtered whole: sorting would cost more than it saves. */
  public static final int SCAN_WHOLE = 8;
  /** Coordinates, sizes and gaps up to this magnitude cannot overflow the contact test's int arithmetic. */
  static final int SAFE = 1 << 28;

  /** Off: every contact loop scans its whole type, as before this index (the benchmarks' reference path). */
  private static volatile boolean sweeping = true;

  private static final ThreadLocal<ContactCandidates> CACHE = ThreadLocal.withInitial(ContactCandidates::new);

  private Frame frame;
  /** Whether the answers cached for {@link #frame} were found with the index on. */
  private boolean sweepingFrame;
  /** Counts the frames asked about; an answer stamped with another count is stale. */
  private int generation;
  private int slots;
  /** Per type: its objects' positions in ofType order, sorted by left edge (valid when {@link #sortedAt} is the generation). */
  private int[][] byLeft = new int[0][];
  /** Per type: the left edges in that sorted order. */
  private int[][] lefts = new int[0][];
  /**
   * Per type, in the same sorted order: the top, right ({@code x + w}) and bottom ({@code y + h})
   * edges, so that a sweep tests boxes without reaching into the frame (filled only when
   * {@link #widest} says the values are safe, so the sums fit an int).
   */
  private int[][] tops = new int[0][];
  private int[][] rights = new int[0][];
  private int[][] bottoms = new int[0][];
  /** Per type: how many objects the sorted arrays hold (they are reused, so may be longer). */
  private int[] sortedCount = new int[0];
  private int[] sortedAt = new int[0];
  /** Per type: the widest object's width, or -1 when a value is too large to sweep safely. */
  private int[] widest = new int[0];
  private int[] scratch = new int[64];
  /** Where {@link #near} left its answer: the list given, or {@link #scratch}. */
  private int[] nearPartners;
  private long[] keyed = new long[64];
  /**
   * Per (typeA, typeB): the pairs found, valid when stamped with the generation. A stale answer is
   * kept: when the next frame's pairs are the same (objects that do not move), it is handed out again
   * rather than a new array.
   */
  private int[][] pairAnswers = new int[0][];
  /**
   * Per (typeA, typeB): its pairs with the side of each ({@link #contacts}), worked out once per frame
   * for every contact loop over the two types, valid when {@link #contactAt} holds the generation. As
   * for the pairs, a stale answer equal to the new one is handed out again.
   */
  private int[][] contactAnswers = new int[0][];
  private int[] contactAt = new int[0];
  private int[] pairAt = new int[0];
  /** The pairs being found, flattened, and how many ints of it are filled. */
  private int[] pairScratch = new int[256];
  private int pairCount;
  /** For {@link #sweepBoth}: candidates put aside per object of the first type, at [partnerStart, partnerEnd) of partners. */
  private int[] partners = new int[256];
  private int[] partnerStart = new int[64];
  private int[] partnerEnd = new int[64];

  private ContactCandidates() {}

  /**
   * The pairs (a, b), a of {@code typeA} and b of {@code typeB} (-1: any type), that may touch,
   * flattened as {@code a0, b0, a1, b1, ...}: ordered by a as {@link Frame#ofType} orders typeA, then
   * by b as it orders typeB, which is the order of a loop over a nested around a loop over b. Holds
   * every pair {@code Geometry.touching} accepts (and pairs of an object with itself, which that
   * test refuses). Do not modify.
   */
  public static int[] pairs(Frame frame, int typeA, int typeB) {
    int[] as = typeA < 0 ? frame.all() : frame.ofType(typeA);
    int[] bs = typeB < 0 ? frame.all() : frame.ofType(typeB);
    return CACHE.get().findPairs(frame, typeA, typeB, as, bs);
  }

  /**
   * The pairs of {@link #pairs pairs(frame, typeA, typeB)}, in that order, each followed by the side of
   * a that b touches ({@link BoxContact#side}; {@link BoxContact#NONE} for a pair that does not
   * touch): {@code a0, b0, side0, a1, b1, side1, ...}. Do not modify.
   */
  public static int[] contacts(Frame frame, int typeA, int typeB) {
    return CACHE.get().findContacts(frame, typeA, typeB);
  }

  /** Every pair, as the nested loops visit them. */
  private static int[] allPairs(int[] as, int[] bs) {
    int[] pairs = new int[2 * as.length * bs.length];
    int k = 0;
    for (int a : as) {
      for (int b : bs) {
        pairs[k++] = a;
        pairs[k++] = b;
      }
    }
    return pairs;
  }

  private int[] findPairs(Frame f, int typeA, int typeB, int[] as, int[] bs) {
    reset(f);
    int key = (typeA + 1) * slots + typeB + 1;
    if (pairAt[key] == generation) {
      return pairAnswers[key];
    }
    pairAt[key] = generation;
    return pairAnswers[key] = sweepingFrame ? swept(f, typeA, typeB, as, bs, pairAnswers[key]) : allPairs(as, bs);
  }

  private int[] findContacts(Frame f, int typeA, int typeB) {
    // Every contact law of a step asks again: the answer already worked out is checked first.
    reset(f);
    int key = (typeA + 1) * slots + typeB + 1;
    if (contactAt[key] == generation) {
      return contactAnswers[key];
    }
    int[] as = typeA < 0 ? f.all() : f.ofType(typeA);
    int[] bs = typeB < 0 ? f.all() : f.ofType(typeB);
    int[] pairs = findPairs(f, typeA, typeB, as, bs);
    contactAt[key] = generation;
    int n = pairs.length / 2;
    if (scratch.length < 3 * n) {
      scratch = new int[Math.max(3 * n, scratch.length * 2)];
    }
    int[] out = scratch;
    for (int k = 0; k < n; k++) {
      int a = pairs[2 * k];
      int b = pairs[2 * k + 1];
      out[3 * k] = a;
      out[3 * k + 1] = b;
      out[3 * k + 2] = BoxContact.side(f, a, b);
    }
    int[] previous = contactAnswers[key];
    if (previous != null && Arrays.equals(previous, 0, previous.length, out, 0, 3 * n)) {
      return previous;
    }
    return contactAnswers[key] = Arrays.copyOf(out, 3 * n);
  }

  /** The pairs the sweep finds ({@link #pairs}), or {@code known} when it holds the same. */
  private int[] swept(Frame f, int typeA, int typeB, int[] as, int[] bs, int[] known) {
    pairCount = 0;
    boolean whole = bs.length <= SCAN_WHOLE;
    int slot = typeB + 1; // -1 (any type) takes slot 0
    if (!whole && sortedAt[slot] != generation) {
      sort(f, slot, bs);
    }
    int slotA = typeA + 1;
    if (!whole && widest[slot] >= 0 && as.length > SCAN_WHOLE) {
      if (sortedAt[slotA] != generation) {
        sort(f, slotA, as);
      }
      if (widest[slotA] >= 0) {
        sweepBoth(f, slotA, as, slot, bs);
        return answer(known);
      }
    }
    for (int a : as) {
      if (whole) {
        int m = near(f, a, bs);
        int[] partners = nearPartners;
        ensurePairs(2 * m);
        for (int k = 0; k < m; k++) {
          pairScratch[pairCount++] = a;
          pairScratch[pairCount++] = partners[k];
        }
      } else {
        sweep(f, a, slot, bs);
      }
    }
    return answer(known);
  }

  /** The pairs found, or {@code known} when it holds the same. */
  private int[] answer(int[] known) {
    if (known != null && Arrays.equals(known, 0, known.length, pairScratch, 0, pairCount)) {
      return known;
    }
    return Arrays.copyOf(pairScratch, pairCount);
  }

  /**
   * The pairs of two types both sorted by left edge ({@link #sort}), found by sweeping them together:
   * the first type's objects in order of their left edges, so that where the second type's candidates
   * begin only moves forward, each object's candidates put aside under its place in {@code as}; then
   * appended in that order, each object's in the order of {@code bs}.
   */
  private void sweepBoth(Frame f, int slotA, int[] as, int slotB, int[] bs) {
    int nA = sortedCount[slotA];
    if (partnerStart.length < nA) {
      partnerStart = new int[Math.max(nA, partnerStart.length * 2)];
      partnerEnd = new int[partnerStart.length];
    }
    long gap = Math.max(0, f.schema().contactGap()); // a negative gap allows less, never more
    int w = widest[slotB];
    int[] orderA = byLeft[slotA];
    int[] leftA = lefts[slotA];
    int[] topA = tops[slotA];
    int[] rightA = rights[slotA];
    int[] bottomA = bottoms[slotA];
    int[] orderB = byLeft[slotB];
    int[] leftB = lefts[slotB];
    int[] topB = tops[slotB];
    int[] rightB = rights[slotB];
    int[] bottomB = bottoms[slotB];
    int nB = sortedCount[slotB];
    int from = 0;
    int filled = 0;
    for (int i = 0; i < nA; i++) {
      // within(): b's left edge within reach of a's box, and the other three edges tested as in sweep.
      long lowestLeft = (long) leftA[i] - gap - w;
      while (from < nB && leftB[from] < lowestLeft) {
        from++;
      }
      long highestLeft = (long) rightA[i] + gap;
      long leftmostRight = (long) leftA[i] - gap;
      long lowestTop = (long) bottomA[i] + gap;
      long highestBottom = (long) topA[i] - gap;
      if (partners.length < filled + nB - from) {
        partners = Arrays.copyOf(partners, Math.max(filled + nB - from, partners.length * 2));
      }
      int[] kept = partners;
      int start = filled;
      for (int k = from; k < nB && leftB[k] <= highestLeft; k++) {
        long outside = (rightB[k] - leftmostRight) | (lowestTop - topB[k]) | (bottomB[k] - highestBottom);
        kept[filled] = orderB[k];
        filled += 1 - (int) (outside >>> 63);
      }
      partnerStart[orderA[i]] = start;
      partnerEnd[orderA[i]] = filled;
    }
    ensurePairs(2 * filled);
    for (int rank = 0; rank < nA; rank++) {
      int a = as[rank];
      int start = partnerStart[rank];
      int end = partnerEnd[rank];
      SmallSorts.ints(partners, start, end);
      for (int k = start; k < end; k++) {
        pairScratch[pairCount++] = a;
        pairScratch[pairCount++] = bs[partners[k]];
      }
    }
  }

  private void ensurePairs(int more) {
    if (pairCount + more > pairScratch.length) {
      pairScratch = Arrays.copyOf(pairScratch, Math.max(pairScratch.length * 2, pairCount + more));
    }
  }

  /**
   * The objects of a short list {@code bs} within the contact gap of {@code a} on both axes, in list
   * order: their count, the objects the first entries of {@link #nearPartners}.
   */
  private int near(Frame f, int a, int[] bs) {
    nearPartners = bs;
    int ax = f.x(a), ay = f.y(a), aw = f.w(a), ah = f.h(a);
    if (!inRange(ax) || !inRange(ay) || !inRange(aw) || !inRange(ah) || !inRange(f.schema().contactGap())) {
      return bs.length;
    }
    long gap = Math.max(0, f.schema().contactGap());
    int found = 0;
    if (scratch.length < bs.length) {
      scratch = new int[Math.max(bs.length, scratch.length * 2)];
    }
    int[] kept = scratch;
    for (int b : bs) {
      if (!inRange(f.x(b)) || !inRange(f.y(b)) || !inRange(f.w(b)) || !inRange(f.h(b))) {
        return bs.length;
      }
      if (within(f, b, ax, ay, aw, ah, gap)) {
        kept[found++] = b;
      }
    }
    nearPartners = kept;
    return found;
  }

  /** Whether b's box lies within {@code gap} of the box (ax, ay, aw, ah) on both axes: what touching needs. */
  private static boolean within(Frame f, int b, long ax, long ay, long aw, long ah, long gap) {
    return f.x(b) <= ax + aw + gap && (long) f.x(b) + f.w(b) >= ax - gap
        && f.y(b) <= ay + ah + gap && (long) f.y(b) + f.h(b) >= ay - gap;
  }

  /**
   * Turns the index on (the default) or off for the whole process: off, every pair of the two types
   * is returned. Results are the same either way; {@code nomos bench} turns it off to measure the
   * engine without it side by side.
   */
  public static void sweep(boolean on) {
    sweeping = on;
  }

  private void reset(Frame f) {
    if (f != frame || sweepingFrame != sweeping) {
      frame = f;
      sweepingFrame = sweeping;
      if (++generation == 0) {
        generation = 1; // stamps are never 0 once set, so fresh stamp arrays never read as current
      }
      int types = f.schema().types().size() + 1;
      if (types != slots) {
        slots = types;
        byLeft = new int[types][];
        lefts = new int[types][];
        tops = new int[types][];
        rights = new int[types][];
        bottoms = new int[types][];
        sortedCount = new int[types];
        sortedAt = new int[types];
        widest = new int[types];
        pairAnswers = new int[types * types][];
        contactAnswers = new int[types * types][];
        contactAt = new int[types * types];
        pairAt = new int[types * types];
        // Stamps start at 0: a generation of 0 would read them all as current.
        generation = 1;
      }
    }
  }

  /**
   * Sorts the type's objects by left edge. The previous frame's order is the starting point (objects
   * seldom overtake each other between frames), so a type whose order did not change costs one pass.
   */
  private void sort(Frame f, int slot, int[] all) {
    int n = all.length;
    if (keyed.length < n) {
      keyed = new long[Math.max(n, keyed.length * 2)];
    }
    int[] order = byLeft[slot];
    int[] left = lefts[slot];
    boolean reuse = order != null && sortedCount[slot] == n;
    if (order == null || order.length < n) {
      order = byLeft[slot] = new int[Math.max(n, 8)];
      left = lefts[slot] = new int[order.length];
      tops[slot] = new int[order.length];
      rights[slot] = new int[order.length];
      bottoms[slot] = new int[order.length];
    }
    int widestW = 0;
    boolean safe = inRange(f.schema().contactGap());
    boolean sorted = true;
    for (int k = 0; k < n; k++) {
      int rank = reuse ? order[k] : k;
      int o = all[rank];
      safe &= inRange(f.x(o)) && inRange(f.y(o)) && inRange(f.w(o)) && inRange(f.h(o));
      widestW = Math.max(widestW, f.w(o));
      // Left edge (signed) in the high half, rank in the low half: one sort orders by edge, then rank.
      keyed[k] = (long) f.x(o) << 32 | rank;
      sorted &= k == 0 || keyed[k - 1] < keyed[k];
    }
    if (!sorted) {
      SmallSorts.nearlySorted(keyed, n);
    }
    for (int k = 0; k < n; k++) {
      order[k] = (int) keyed[k];
      left[k] = (int) (keyed[k] >> 32);
    }
    if (safe) {
      int[] top = tops[slot];
      int[] right = rights[slot];
      int[] bottom = bottoms[slot];
      for (int k = 0; k < n; k++) {
        int o = all[order[k]];
        top[k] = f.y(o);
        right[k] = left[k] + f.w(o);
        bottom[k] = top[k] + f.h(o);
      }
    }
    sortedCount[slot] = n;
    sortedAt[slot] = generation;
    widest[slot] = safe ? widestW : -1;
  }

  private static boolean inRange(int v) {
    return v >= -SAFE && v <= SAFE;
  }

  /** Appends the pairs of {@code a} with the type's objects (sorted by {@link #sort}) within reach, in list order. */
  private void sweep(Frame f, int a, int slot, int[] all) {
    int w = widest[slot];
    int ax = f.x(a), ay = f.y(a), aw = f.w(a), ah = f.h(a);
    if (w < 0 || !inRange(ax) || !inRange(ay) || !inRange(aw) || !inRange(ah)) {
      ensurePairs(2 * all.length);
      for (int b : all) {
        pairScratch[pairCount++] = a;
        pairScratch[pairCount++] = b;
      }
      return;
    }
    long gap = Math.max(0, f.schema().contactGap()); // a negative gap allows less, never more
    // touching(a, b) needs b within the gap of a on both axes: bx <= ax + aw + gap and bx + bw >= ax - gap.
    long lowestLeft = (long) ax - gap - w;
    long highestLeft = (long) ax + aw + gap;
    int[] order = byLeft[slot];
    int[] left = lefts[slot];
    int[] top = tops[slot];
    int[] right = rights[slot];
    int[] bottom = bottoms[slot];
    int from = firstAtLeast(left, sortedCount[slot], lowestLeft);
    int found = 0;
    int n = sortedCount[slot];
    // within(): the left edge is bounded by the loop, the other three edges tested here (all safe ints, so long sums as there).
    long leftmostRight = (long) ax - gap;
    long lowestTop = (long) ay + ah + gap;
    long highestBottom = (long) ay - gap;
    if (scratch.length < n - from) {
      scratch = new int[Math.max(n - from, scratch.length * 2)];
    }
    int[] kept = scratch;
    for (int k = from; k < n && left[k] <= highestLeft; k++) {
      // Every candidate is written and counted only when its box is in reach: no branch on the test,
      // which goes either way at random and so costs more mispredicted than the write.
      long outside = (right[k] - leftmostRight) | (lowestTop - top[k]) | (bottom[k] - highestBottom);
      kept[found] = order[k];
      found += 1 - (int) (outside >>> 63);
    }
    SmallSorts.ints(scratch, 0, found);
    ensurePairs(2 * found);
    for (int k = 0; k < found; k++) {
      pairScratch[pairCount++] = a;
      pairScratch[pairCount++] = all[scratch[k]];
    }
  }

  private static int firstAtLeast(int[] sorted, int length, long value) {
    int lo = 0;
    int hi = length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] < value) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
