package dev.nomos.learn.internal;

import dev.nomos.learn.Timing;
import dev.nomos.learn.Transition;
import dev.nomos.runtime.Frame;
import dev.nomos.runtime.WorldSchema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What real games time by a clock, read off the transitions: the phase of a beat (movers that move
 * only when the step index, or their own age, is a given residue of the beat), creations that come
 * on a period of the step index, and objects that vanish at a fixed age (a sword that lasts six
 * frames). Each is a guard a law can state exactly ({@code step % 4 == 0}, {@code age(o) % 3 == 1},
 * {@code age(o) >= 5}); {@link MoveBeat} reads a beat's phase from history instead, which also
 * works where no clock lines up, but not where the history shows no move. What is found is a
 * {@link Timing}.
 */
public final class Clocks {
  static final double MIN_SHARE = 0.9;
  static final int MIN_EVENTS = 6;
  static final int MAX_PERIOD = 32;
  /** Ages beyond this are not a lifetime but how long a recording ran. */
  static final int MAX_LIFETIME = 64;

  private Clocks() {}

  /** The timing of {@code transitions}: beats ({@link MoveBeat}) and the clocks below. */
  public static Timing infer(WorldSchema schema, List<Transition> transitions) {
    return infer(schema, transitions, MoveBeat.infer(schema, transitions));
  }

  /** @param beats each type's move beat ({@link MoveBeat#infer}), 0 where none */
  static Timing infer(WorldSchema schema, List<Transition> transitions, int[] beats) {
    int n = schema.types().size();
    List<Map<Integer, Integer>> byStep = histograms(n);
    List<Map<Integer, Integer>> byAge = histograms(n);
    int[] moves = new int[n];
    List<List<Integer>> creations = new ArrayList<>();
    List<Map<Integer, Integer>> vanishAges = histograms(n);
    for (int k = 0; k < n; k++) {
      creations.add(new ArrayList<>());
    }
    for (Transition t : transitions) {
      Frame a = t.before();
      Frame b = t.after();
      for (int i : a.all()) {
        int type = a.type(i);
        int j = b.indexOfId(a.id(i));
        if (j < 0) {
          vanishAges.get(type).merge(a.age(i), 1, Integer::sum);
          continue;
        }
        int k = beats[type];
        if (k > 1 && (b.x(j) != a.x(i) || b.y(j) != a.y(i))) {
          moves[type]++;
          byStep.get(type).merge(Math.floorMod(a.step(), k), 1, Integer::sum);
          byAge.get(type).merge(Math.floorMod(a.age(i), k), 1, Integer::sum);
        }
      }
      for (int j : b.all()) {
        if (a.indexOfId(b.id(j)) < 0) {
          creations.get(b.type(j)).add(a.step());
        }
      }
    }
    Timing.Phase[] movePhases = new Timing.Phase[n];
    Timing.Phase[] creationPhases = new Timing.Phase[n];
    int[] lifetimes = new int[n];
    for (int type = 0; type < n; type++) {
      int k = beats[type];
      if (k > 1 && moves[type] >= MIN_EVENTS) {
        int[] step = commonest(byStep.get(type));
        int[] age = commonest(byAge.get(type));
        if (step[1] >= MIN_SHARE * moves[type] && step[1] >= age[1]) {
          movePhases[type] = new Timing.Phase(false, k, step[0]);
        } else if (age[1] >= MIN_SHARE * moves[type]) {
          movePhases[type] = new Timing.Phase(true, k, age[0]);
        }
      }
      creationPhases[type] = creationPeriod(creations.get(type));
      lifetimes[type] = lifetime(vanishAges.get(type));
    }
    return new Timing(beats, movePhases, creationPhases, lifetimes);
  }

  /**
   * The longest period (2 to {@link #MAX_PERIOD}) on which nearly all creations share one residue
   * of the step index: a portal that releases on every 16th tick also fits 2, 4 and 8, which say
   * less.
   */
  private static Timing.Phase creationPeriod(List<Integer> steps) {
    if (steps.size() < MIN_EVENTS) {
      return null;
    }
    for (int period = MAX_PERIOD; period >= 2; period--) {
      Map<Integer, Integer> residues = new HashMap<>();
      for (int s : steps) {
        residues.merge(Math.floorMod(s, period), 1, Integer::sum);
      }
      int[] best = commonest(residues);
      if (best[1] >= MIN_SHARE * steps.size()) {
        return new Timing.Phase(false, period, best[0]);
      }
    }
    return null;
  }

  /** The age at which nearly every vanishing object of a type vanished, or -1. */
  private static int lifetime(Map<Integer, Integer> ages) {
    int total = ages.values().stream().mapToInt(Integer::intValue).sum();
    if (total < MIN_EVENTS) {
      return -1;
    }
    int[] best = commonest(ages);
    return best[0] > 0 && best[0] <= MAX_LIFETIME && best[1] >= MIN_SHARE * total ? best[0] : -1;
  }

  /** {key, count} of the commonest key, the smaller key among equals; {-1, 0} when empty. */
  private static int[] commonest(Map<Integer, Integer> counts) {
    int key = -1;
    int count = 0;
    for (Map.Entry<Integer, Integer> e : counts.entrySet()) {
      if (e.getValue() > count || e.getValue() == count && e.getKey() < key) {
        key = e.getKey();
        count = e.getValue();
      }
    }
    return new int[] {key, count};
  }

  private static List<Map<Integer, Integer>> histograms(int n) {
    List<Map<Integer, Integer>> out = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      out.add(new HashMap<>());
    }
    return out;
  }
}
