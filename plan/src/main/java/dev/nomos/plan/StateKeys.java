package dev.nomos.plan;

import dev.nomos.runtime.Frame;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Canonical keys of frames for duplicate detection: two frames get equal keys exactly when they
 * hold the same multiset of objects, each described by its type, position, size, declared
 * attributes and (unless {@link #positionsOnly}) its velocity. Ids do not enter: two boxes that
 * swapped places leave the state as it was, and a frame reached by two paths in which objects got
 * different ids is one state. The step, the objects' ages and older history do not enter either;
 * a model whose predictions read them beyond the last step's velocity sees states this treats as
 * equal (say so with the keys' documentation in docs/planning.md).
 *
 * <p>Keys are stored as the difference from a reference frame (the search's start): the objects
 * the frame has that the reference lacks and those the reference has that the frame lacks, both
 * sorted. Objects that never change (walls) therefore cost nothing per state.
 */
public final class StateKeys {
  private static final Comparator<int[]> TUPLE_ORDER = Arrays::compare;

  private final boolean positionsOnly;
  private final int[][] reference;

  /**
   * @param positionsOnly leave velocities out, for models that read no history: states that differ
   *     only in how objects got there are then one
   */
  public StateKeys(Frame reference, boolean positionsOnly) {
    this.positionsOnly = positionsOnly;
    this.reference = tuples(reference);
  }

  public boolean positionsOnly() {
    return positionsOnly;
  }

  /** Whether two frames hold the same objects (ids aside), velocities included. */
  public static boolean sameState(Frame a, Frame b) {
    StateKeys keys = new StateKeys(a, false);
    return keys.of(b).equals(keys.of(a));
  }

  /** The canonical key of {@code frame}. */
  public Key of(Frame frame) {
    int[][] mine = tuples(frame);
    List<int[]> added = new ArrayList<>();
    List<int[]> removed = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < mine.length || j < reference.length) {
      int c = i == mine.length ? 1 : j == reference.length ? -1 : TUPLE_ORDER.compare(mine[i], reference[j]);
      if (c == 0) {
        i++;
        j++;
      } else if (c < 0) {
        added.add(mine[i++]);
      } else {
        removed.add(reference[j++]);
      }
    }
    int length = 1;
    for (int[] t : added) {
      length += t.length + 1;
    }
    for (int[] t : removed) {
      length += t.length + 1;
    }
    int[] packed = new int[length];
    int at = 0;
    packed[at++] = added.size();
    for (List<int[]> part : List.of(added, removed)) {
      for (int[] t : part) {
        packed[at++] = t.length;
        System.arraycopy(t, 0, packed, at, t.length);
        at += t.length;
      }
    }
    return new Key(packed);
  }

  private int[][] tuples(Frame frame) {
    int[][] out = new int[frame.size()][];
    for (int o = 0; o < frame.size(); o++) {
      int[] slots = frame.slots(o);
      int extra = positionsOnly ? 0 : 2;
      int[] t = new int[1 + slots.length + extra];
      t[0] = frame.type(o);
      System.arraycopy(slots, 0, t, 1, slots.length);
      if (!positionsOnly) {
        t[t.length - 2] = frame.vx(o);
        t[t.length - 1] = frame.vy(o);
      }
      out[o] = t;
    }
    Arrays.sort(out, TUPLE_ORDER);
    return out;
  }

  /** A canonical state key; equal keys (from one {@link StateKeys}) mean interchangeable states. */
  public static final class Key {
    private final int[] packed;
    private final int hash;

    Key(int[] packed) {
      this.packed = packed;
      this.hash = Arrays.hashCode(packed);
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Key k && k.hash == hash && Arrays.equals(k.packed, packed);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }
}
