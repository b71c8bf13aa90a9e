package dev.nomos.runtime.internal;

import dev.nomos.runtime.Frame;
import dev.nomos.runtime.LawScope;
import java.util.Arrays;

/**
 * The objects of a type grouped by the value of one attribute (or velocity), built once per frame
 * and attribute on first use: a law whose guard requires {@code o.vx == 3} then loops over the
 * objects showing 3 instead of testing every object of the type. One per thread (inside an {@link
 * OpinionCollector}); groups keep the type's ascending order, so a loop binds what it bound before,
 * in the same order.
 */
final class ObjectsByValue {
  private static final int[] NONE = new int[0];

  private Frame frame;
  /** The (type, read) keys grouped for {@link #frame} (few: the model's witnessed attributes) and their groups. */
  private int keys;
  private int[] keyType = new int[4];
  private int[] keyRead = new int[4];
  private Grouped[] groups = new Grouped[4];

  private record Grouped(int[] values, int[][] objects) {}

  int[] objects(Frame t, int type, int read, int value) {
    if (t != frame) {
      frame = t;
      Arrays.fill(groups, 0, keys, null);
      keys = 0;
    }
    Grouped g = null;
    for (int k = 0; k < keys && g == null; k++) {
      if (keyType[k] == type && keyRead[k] == read) {
        g = groups[k];
      }
    }
    if (g == null) {
      if (keys == groups.length) {
        keyType = Arrays.copyOf(keyType, 2 * keys);
        keyRead = Arrays.copyOf(keyRead, 2 * keys);
        groups = Arrays.copyOf(groups, 2 * keys);
      }
      g = group(t, type, read);
      keyType[keys] = type;
      keyRead[keys] = read;
      groups[keys++] = g;
    }
    int at = Arrays.binarySearch(g.values, value);
    return at < 0 ? NONE : g.objects[at];
  }

  private static Grouped group(Frame t, int type, int read) {
    LawScope.Witness reading = new LawScope.Witness(type, read, 0);
    int[] objects = t.ofType(type);
    long[] keyed = new long[objects.length];
    for (int i = 0; i < objects.length; i++) {
      // value in the high half, position in the low half: sorting keeps each value's objects ascending
      keyed[i] = ((long) reading.readOf(t, objects[i]) << 32) | i;
    }
    Arrays.sort(keyed);
    int distinct = 0;
    for (int i = 0; i < keyed.length; i++) {
      if (i == 0 || (int) (keyed[i] >> 32) != (int) (keyed[i - 1] >> 32)) {
        distinct++;
      }
    }
    int[] values = new int[distinct];
    int[][] grouped = new int[distinct][];
    int d = -1;
    for (int i = 0; i < keyed.length; ) {
      int v = (int) (keyed[i] >> 32);
      int end = i;
      while (end < keyed.length && (int) (keyed[end] >> 32) == v) {
        end++;
      }
      values[++d] = v;
      grouped[d] = new int[end - i];
      for (int k = i; k < end; k++) {
        grouped[d][k - i] = objects[(int) keyed[k]];
      }
      i = end;
    }
    return new Grouped(values, grouped);
  }
}
