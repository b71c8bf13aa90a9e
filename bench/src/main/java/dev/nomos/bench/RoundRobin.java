package dev.nomos.bench;

import java.util.ArrayList;
import java.util.List;

/** Picks workload laws so that a model of any size has every family of laws in it. */
final class RoundRobin {
  private RoundRobin() {}

  /**
   * Up to {@code count} items: the first of each family in turn, then the second of each, and so
   * on, skipping families that have run out.
   */
  static <T> List<T> interleave(List<List<T>> families, int count) {
    List<T> out = new ArrayList<>();
    for (int round = 0; out.size() < count; round++) {
      boolean any = false;
      for (List<T> family : families) {
        if (round < family.size() && out.size() < count) {
          out.add(family.get(round));
          any = true;
        }
      }
      if (!any) {
        break;
      }
    }
    return out;
  }
}
