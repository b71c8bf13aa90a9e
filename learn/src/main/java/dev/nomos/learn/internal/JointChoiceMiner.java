package dev.nomos.learn.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Random steps over both axes at once: where an object's next (vx, vy) takes several pairs under
 * one context and the axes are not independent (a monster that steps in one of four directions
 * never steps diagonally), a joint choice with the pairs' frequencies,
 * {@code choose { o.vx := 0, o.vy := 0 weight 0.6 | o.vx := 1, o.vy := 0 weight 0.1 | ... }}.
 * {@link ChoiceMiner} offers each axis its own choice; this one is offered besides, only where the
 * pairs' own frequencies gain enough log-likelihood over the product of the axes' frequencies.
 */
final class JointChoiceMiner {
  /** Cases of a context at least, and two pairs seen at least twice each, before a choice is offered. */
  private static final int MIN_CASES = 8;
  private static final int MIN_SECOND = 2;
  /** Nats over a context's cases that the joint frequencies must gain over independent axes. */
  private static final double MIN_GAIN = 2.0;
  /** Joint choices kept per type (the unconditional one counts). */
  private static final int PER_TYPE = 4;

  private record Key(String binder, String guard, String name, String type) {}

  private static final class Histogram {
    final Map<Long, Integer> pairs = new TreeMap<>();
    final Map<Integer, Integer> xs = new TreeMap<>();
    final Map<Integer, Integer> ys = new TreeMap<>();
    int total;
    int wrong;

    void add(int vx, int vy, boolean wrongNow) {
      pairs.merge(pack(vx, vy), 1, Integer::sum);
      xs.merge(vx, 1, Integer::sum);
      ys.merge(vy, 1, Integer::sum);
      total++;
      if (wrongNow) {
        wrong++;
      }
    }

    boolean varied() {
      return total >= MIN_CASES && pairs.values().stream().filter(c -> c >= MIN_SECOND).count() >= 2;
    }

    /** Log-likelihood of the cases under their pairs' frequencies minus under the product of the axes'. */
    double gainOverIndependentAxes() {
      double gain = 0;
      for (Map.Entry<Long, Integer> e : pairs.entrySet()) {
        double joint = (double) e.getValue() / total;
        double independent = (double) xs.get(vx(e.getKey())) / total * ys.get(vy(e.getKey())) / total;
        gain += e.getValue() * Math.log(joint / independent);
      }
      return gain;
    }
  }

  private final Map<Key, Histogram> histograms = new LinkedHashMap<>();

  /**
   * One observed next velocity pair of an object under a context.
   *
   * @param type the object's type name
   * @param wrongNow whether the current model's most likely value was wrong on either axis there
   */
  void observe(String binder, String guard, String name, String type, int vx, int vy, boolean wrongNow) {
    histograms.computeIfAbsent(new Key(binder, guard, name, type), k -> new Histogram()).add(vx, vy, wrongNow);
  }

  /** Per type, the contexts whose pairs depart most from independent axes. */
  List<Miner.Candidate> candidates() {
    Map<String, List<Map.Entry<Key, Double>>> byType = new LinkedHashMap<>();
    for (Map.Entry<Key, Histogram> e : histograms.entrySet()) {
      Histogram h = e.getValue();
      if (!h.varied()) {
        continue;
      }
      double gain = h.gainOverIndependentAxes();
      if (gain >= MIN_GAIN) {
        byType.computeIfAbsent(e.getKey().type, t -> new ArrayList<>()).add(Map.entry(e.getKey(), gain));
      }
    }
    List<Miner.Candidate> out = new ArrayList<>();
    for (List<Map.Entry<Key, Double>> list : byType.values()) {
      list.sort(Map.Entry.<Key, Double>comparingByValue(Comparator.reverseOrder()));
      for (Map.Entry<Key, Double> e : list.subList(0, Math.min(PER_TYPE, list.size()))) {
        out.add(candidate(e.getKey(), histograms.get(e.getKey())));
      }
    }
    return out;
  }

  private static Miner.Candidate candidate(Key k, Histogram h) {
    List<String> alternatives = new ArrayList<>();
    for (Map.Entry<Long, Integer> e : h.pairs.entrySet()) {
      alternatives.add("o.vx := " + vx(e.getKey()) + ", o.vy := " + vy(e.getKey()) + " weight "
          + String.format(Locale.ROOT, "%.2f", Math.max(0.01, (double) e.getValue() / h.total)));
    }
    String choice = "choose { " + String.join(" | ", alternatives) + " }";
    String body = "{\n  " + k.binder + (k.guard.isEmpty() ? "" : "\n  when " + k.guard) + "\n  then " + choice + "\n}";
    Miner.Candidate c = new Miner.Candidate(body, k.type + "_steps_random" + (k.name.isEmpty() ? "" : "_" + k.name),
        k.type + ".vx+vy", body, Miner.Facing.NONE, false);
    c.correct = h.total;
    c.applicable = h.total;
    c.correctWhereWrong = h.wrong;
    return c;
  }

  private static long pack(int vx, int vy) {
    return ((long) vx << 32) | (vy & 0xffffffffL);
  }

  private static int vx(long pair) {
    return (int) (pair >> 32);
  }

  private static int vy(long pair) {
    return (int) pair;
  }
}
