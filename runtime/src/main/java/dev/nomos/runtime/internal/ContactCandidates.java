package dev.nomos.runtime.internal;

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
  /** Per type: its objects' positions in ofType order, sorted by left edge; null until asked. */
  private int[][] byLeft;
  /** Per type: the left edges in that sorted order. */
  private int[][] lefts;
  /** Per type: the widest object's width, or -1 when a value is too large to sweep safely. */
  private int[] widest;
  /** Per type, then object index: the candidates found, or null until asked. */
  private int[][][] answers;
  private int[] scratch = new int[64];
  /** Per (typeA, typeB): the pairs found, or null until asked. */
  private int[][] pairAnswers;
  private int[] pairScratch = new int[256];

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
    int key = (typeA + 1) * (f.schema().types().size() + 1) + typeB + 1;
    int[] known = pairAnswers[key];
    if (known != null) {
      return known;
    }
    if (!sweepingFrame) {
      return pairAnswers[key] = allPairs(as, bs);
    }
    int count = 0;
    int[] out = pairScratch;
    for (int a : as) {
      int[] partners = bs.length <= SCAN_WHOLE ? near(f, a, bs) : find(f, a, typeB, bs);
      if (count + 2 * partners.length > out.length) {
        out = pairScratch = Arrays.copyOf(out, Math.max(out.length * 2, count + 2 * partners.length));
      }
      for (int b : partners) {
        out[count++] = a;
        out[count++] = b;
      }
    }
    return pairAnswers[key] = Arrays.copyOf(out, count);
  }

  /** The objects of a short list {@code bs} within the contact gap of {@code a} on both axes, in list order. */
  private static int[] near(Frame f, int a, int[] bs) {
    int ax = f.x(a), ay = f.y(a), aw = f.w(a), ah = f.h(a);
    if (!inRange(ax) || !inRange(ay) || !inRange(aw) || !inRange(ah) || !inRange(f.schema().contactGap())) {
      return bs;
    }
    long gap = Math.max(0, f.schema().contactGap());
    int found = 0;
    int[] kept = new int[bs.length];
    for (int b : bs) {
      if (!inRange(f.x(b)) || !inRange(f.y(b)) || !inRange(f.w(b)) || !inRange(f.h(b))) {
        return bs;
      }
      if (within(f, b, ax, ay, aw, ah, gap)) {
        kept[found++] = b;
      }
    }
    return found == bs.length ? bs : Arrays.copyOf(kept, found);
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
      int types = f.schema().types().size() + 1;
      byLeft = new int[types][];
      lefts = new int[types][];
      widest = new int[types];
      answers = new int[types][][];
      pairAnswers = new int[types * types][];
    }
  }

  private int[] find(Frame f, int a, int type, int[] all) {
    int slot = type + 1; // -1 (any type) takes slot 0
    reset(f);
    if (byLeft[slot] == null) {
      sort(f, slot, all);
    }
    int[][] known = answers[slot];
    if (known == null) {
      known = answers[slot] = new int[f.size()][];
    }
    int[] answer = known[a];
    if (answer == null) {
      answer = known[a] = sweep(f, a, slot, all);
    }
    return answer;
  }

  private void sort(Frame f, int slot, int[] all) {
    int n = all.length;
    long[] keyed = new long[n];
    int widestW = 0;
    boolean safe = inRange(f.schema().contactGap());
    for (int rank = 0; rank < n; rank++) {
      int o = all[rank];
      safe &= inRange(f.x(o)) && inRange(f.y(o)) && inRange(f.w(o)) && inRange(f.h(o));
      widestW = Math.max(widestW, f.w(o));
      // Left edge (signed) in the high half, rank in the low half: one sort orders by edge, then rank.
      keyed[rank] = (long) f.x(o) << 32 | rank;
    }
    Arrays.sort(keyed);
    int[] order = new int[n];
    int[] left = new int[n];
    for (int k = 0; k < n; k++) {
      order[k] = (int) keyed[k];
      left[k] = f.x(all[order[k]]);
    }
    byLeft[slot] = order;
    lefts[slot] = left;
    widest[slot] = safe ? widestW : -1;
  }

  private static boolean inRange(int v) {
    return v >= -SAFE && v <= SAFE;
  }

  private int[] sweep(Frame f, int a, int slot, int[] all) {
    int w = widest[slot];
    int ax = f.x(a), ay = f.y(a), aw = f.w(a), ah = f.h(a);
    if (w < 0 || !inRange(ax) || !inRange(ay) || !inRange(aw) || !inRange(ah)) {
      return all;
    }
    long gap = Math.max(0, f.schema().contactGap()); // a negative gap allows less, never more
    // touching(a, b) needs b within the gap of a on both axes: bx <= ax + aw + gap and bx + bw >= ax - gap.
    long lowestLeft = (long) ax - gap - w;
    long highestLeft = (long) ax + aw + gap;
    int[] order = byLeft[slot];
    int[] left = lefts[slot];
    int from = firstAtLeast(left, lowestLeft);
    int found = 0;
    for (int k = from; k < left.length && left[k] <= highestLeft; k++) {
      int b = all[order[k]];
      if (within(f, b, ax, ay, aw, ah, gap)) {
        if (found == scratch.length) {
          scratch = Arrays.copyOf(scratch, found * 2);
        }
        scratch[found++] = order[k];
      }
    }
    Arrays.sort(scratch, 0, found);
    int[] answer = new int[found];
    for (int k = 0; k < found; k++) {
      answer[k] = all[scratch[k]];
    }
    return answer;
  }

  private static int firstAtLeast(int[] sorted, long value) {
    int lo = 0;
    int hi = sorted.length;
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
