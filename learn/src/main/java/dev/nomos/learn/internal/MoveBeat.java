package dev.nomos.learn.internal;

import dev.nomos.learn.Transition;
import dev.nomos.runtime.Frame;
import dev.nomos.runtime.WorldSchema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Movers that move only on every k-th step, on a beat no frame shows (a game's global tick): the
 * beat is read off the objects' own history. For each type, the gaps between an object's
 * consecutive moves in the frames' history are collected; when the most common gap k is at least 2
 * and nearly every gap is a multiple of it, the type moves on a beat of k steps. A law can then ask
 * whether the object is on its beat (a move in its history lies a multiple of k steps before the
 * next step) or off it, as far back as the history reaches ({@link #onBeat}, {@link #offBeat}).
 */
public final class MoveBeat {
  /** History frames read back; the runtime keeps {@code Frame.MAX_HISTORY} = 16 behind a frame. */
  static final int REACH = 15;
  private static final int MIN_GAPS = 6;
  private static final double MIN_SHARE = 0.9;

  private MoveBeat() {}

  /** The beat of each type (indexed by type), or 0 where its objects do not move on one. */
  public static int[] infer(WorldSchema schema, List<Transition> transitions) {
    int types = schema.types().size();
    List<Map<Integer, Integer>> gaps = new ArrayList<>();
    for (int k = 0; k < types; k++) {
      gaps.add(new HashMap<>());
    }
    // Each object's history is read once per frame it ends at; overlapping windows of consecutive
    // transitions repeat gaps, which leaves the shares unchanged.
    Set<Frame> seen = new HashSet<>();
    for (Transition t : transitions) {
      Frame a = t.before();
      if (!seen.add(a)) {
        continue;
      }
      for (int i : a.all()) {
        int last = -1;
        for (int j = 0; j <= REACH; j++) {
          if (moved(a, i, j)) {
            if (last >= 0) {
              gaps.get(a.type(i)).merge(j - last, 1, Integer::sum);
            }
            last = j;
          }
        }
      }
    }
    int[] beat = new int[types];
    for (int k = 0; k < types; k++) {
      beat[k] = beatOf(gaps.get(k));
    }
    return beat;
  }

  private static boolean moved(Frame a, int i, int stepsBack) {
    return a.vxAt(i, stepsBack) != 0 || a.vyAt(i, stepsBack) != 0;
  }

  private static int beatOf(Map<Integer, Integer> gaps) {
    int total = 0;
    int common = 0;
    for (Map.Entry<Integer, Integer> e : gaps.entrySet()) {
      total += e.getValue();
      if (common == 0 || e.getValue() > gaps.get(common) || e.getValue().equals(gaps.get(common)) && e.getKey() < common) {
        common = e.getKey();
      }
    }
    if (total < MIN_GAPS || common < 2) {
      return 0;
    }
    int multiples = 0;
    for (Map.Entry<Integer, Integer> e : gaps.entrySet()) {
      if (e.getKey() % common == 0) {
        multiples += e.getValue();
      }
    }
    return multiples >= MIN_SHARE * total ? common : 0;
  }

  /** Whether object i of frame a is on its beat of k steps: some move in history was j steps back, j ≡ k - 1 (mod k). */
  static boolean onBeat(Frame a, int i, int k) {
    return movedAt(a, i, k, true);
  }

  /** Whether object i of frame a is off its beat: some move in history was j steps back, j ≢ k - 1 (mod k). */
  static boolean offBeat(Frame a, int i, int k) {
    return movedAt(a, i, k, false);
  }

  private static boolean movedAt(Frame a, int i, int k, boolean onBeat) {
    for (int j = 0; j <= REACH; j++) {
      if ((j % k == k - 1) == onBeat && moved(a, i, j)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The guard "o is on its beat": it moved a multiple of k steps before the next step, as far back
   * as the history reaches. Movers on a beat move only on it, so any such move tells the phase.
   */
  static String onBeat(String var, int k) {
    return "(any j in 0.." + REACH + ": j % " + k + " == " + (k - 1) + " and " + moved(var) + ")";
  }

  /** The guard "o moved within the history, off its beat": it waits. */
  static String offBeat(String var, int k) {
    return "(any j in 0.." + REACH + ": j % " + k + " != " + (k - 1) + " and " + moved(var) + ")";
  }

  private static String moved(String var) {
    return "(" + var + ".vx@-j != 0 or " + var + ".vy@-j != 0)";
  }
}
