package dev.nomos.runtime.internal;

import dev.nomos.runtime.Frame;
import java.util.Arrays;

/**
 * The objects of one type that may touch a given object, found by sort and sweep instead of by
 * trying every object of the type: the type's objects sorted once per frame by their left edge,
 * those whose left edge lies within reach of the query box picked out by binary search, kept when
 * their boxes are also within the contact gap on both axes, and returned in the order of
 * {@link Frame#ofType} (ascending id), so that a contact loop over them binds the same pairs in the
 * same order as a loop over all the objects of the type.
 *
 * <p>The result is a superset of the objects {@code Geometry.touching} accepts (it tests each axis
 * with the gap allowed on both, in long arithmetic); the loop still applies the exact test. Where
 * the test's int arithmetic could overflow (a coordinate, size or gap beyond {@link #SAFE}), the
 * whole type is returned, as before.
 *
 * <p>One cache per thread, for the last frame it was asked about: the laws of a step ask the same
 * questions again and again (every contact law over movers and blocks asks for each mover's blocks),
 * and frames are shared between threads, so nothing is stored in the frame itself.
 */
public final class ContactCandidates {
  /** Types with at most this many objects are scanned whole: sorting would cost more than it saves. */
  public static final int SCAN_WHOLE = 8;
  /** Coordinates, sizes and gaps up to this magnitude cannot overflow the contact test's int arithmetic. */
  static final int SAFE = 1 << 28;

  /** Off: every contact loop scans its whole type, as before this index (the benchmarks' reference path). */
  private static volatile boolean sweeping = true;

  private static final ThreadLocal<ContactCandidates> CACHE = ThreadLocal.withInitial(ContactCandidates::new);

  private Frame frame;
  /** Per type: its objects' positions in ofType order, sorted by left edge; null until asked. */
  private int[][] byLeft;
  /** Per type: the left edges in that sorted order. */
  private int[][] lefts;
  /** Per type: the widest object's width, or -1 when a value is too large to sweep safely. */
  private int[] widest;
  /** Per type, then object index: the candidates found, or null until asked. */
  private int[][][] answers;
  private int[] scratch = new int[64];

  private ContactCandidates() {}

  /** The objects of {@code type} (-1: any type) that may touch object {@code a} of {@code frame}, in ofType order. */
  public static int[] of(Frame frame, int a, int type) {
    int[] all = type < 0 ? frame.all() : frame.ofType(type);
    if (all.length <= SCAN_WHOLE || !sweeping) {
      return all;
    }
    return CACHE.get().find(frame, a, type, all);
  }

  /**
   * Turns the index on (the default) or off for the whole process. Results are the same either way;
   * {@code nomos bench} turns it off to measure the engine without it side by side.
   */
  public static void sweep(boolean on) {
    sweeping = on;
  }

  private int[] find(Frame f, int a, int type, int[] all) {
    int slot = type + 1; // -1 (any type) takes slot 0
    if (f != frame) {
      frame = f;
      int types = f.schema().types().size() + 1;
      byLeft = new int[types][];
      lefts = new int[types][];
      widest = new int[types];
      answers = new int[types][][];
    }
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
      if ((long) f.x(b) + f.w(b) >= (long) ax - gap && (long) f.y(b) <= (long) ay + ah + gap
          && (long) f.y(b) + f.h(b) >= (long) ay - gap) {
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
