package dev.nomos.learn.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Random steps on a grid, one axis at a time: where an object under a context stays or steps along
 * exactly one axis (a monster that tries one of four directions or rests), one joint choice over
 * both axes, {@code choose { stay weight 0.2 | o.vx := 1 weight 0.2 | o.vy := -1 weight 0.2 ... }},
 * with the frequencies seen. Two per-axis choices ({@link ChoiceMiner}) give diagonal steps
 * probability and each real step at most half of what it should; the joint choice says which pairs
 * occur. Offered only where both axes are random (neither decided by some context) and nearly every
 * case moved along one axis or none; contexts as for per-axis choices, the type's own choice plus
 * the few conditional ones whose frequencies differ most from it. Where some types block the mover
 * ({@link Blocking}), each step is written to stay when a blocker stands on its side, and the
 * frequencies are those of the steps tried: a stay beside a blocker may have been a blocked step,
 * so they are estimated by expectation-maximisation over what each case could have tried. A type
 * that moves on a beat gets no choice over every step (its steps off the beat are no choice).
 */
final class JointSteps {
  private static final int MIN_CASES = 8;
  private static final int MIN_SECOND = 2;
  /** Share of cases that stayed or moved along one axis only. */
  private static final double ONE_AXIS = 0.95;
  private static final int PER_TYPE = 4;
  private static final double MIN_GAIN = 2.0;

  record Key(DraftBinder binder, Guard guard, String name, String type) {
    boolean unconditional() {
      return guard.isEmpty() && !binder.contact();
    }
  }

  /** A step (vx, vy) in the order alternatives are written: stay, then x steps, then y steps. */
  private record Step(int vx, int vy) implements Comparable<Step> {
    boolean oneAxis() {
      return vx == 0 || vy == 0;
    }

    private static final Comparator<Step> ORDER =
        Comparator.comparingInt((Step s) -> s.vx == 0 && s.vy == 0 ? 0 : s.vy == 0 ? 1 : 2)
            .thenComparingInt(s -> s.vx).thenComparingInt(s -> s.vy);

    @Override
    public int compareTo(Step o) {
      return ORDER.compare(this, o);
    }

    String alternative() {
      if (vx == 0 && vy == 0) {
        return "stay";
      }
      return vy == 0 ? "o.vx := " + vx : "o.vy := " + vy;
    }

    /** The step, staying instead where one of {@code blockers} touches o on its side. */
    String alternative(List<String> blockers) {
      if (vx == 0 && vy == 0) {
        return "stay";
      }
      String side = dev.nomos.stdlib.Side.NAMES.get(Blocking.sideOfStep(vx, vy));
      String when = Blocking.blockedText(blockers, (self, other) -> "side(" + self + ", " + other + ") == " + side);
      return vy == 0 ? "o.vx := if " + when + " then 0 else " + vx : "o.vy := if " + when + " then 0 else " + vy;
    }
  }

  private static final class Steps {
    final Map<Step, Integer> counts = new TreeMap<>();
    /** The counts by the sides blockers stood on (a bit mask of Side ordinals). */
    final Map<Integer, Map<Step, Integer>> byBlockedSides = new TreeMap<>();
    int total;
    int wrong;

    void add(Step s, int blockedSides, boolean wrongNow) {
      counts.merge(s, 1, Integer::sum);
      byBlockedSides.computeIfAbsent(blockedSides, m -> new TreeMap<>()).merge(s, 1, Integer::sum);
      total++;
      if (wrongNow) {
        wrong++;
      }
    }

    /** The cases that stayed or moved along one axis. */
    int oneAxis() {
      return counts.entrySet().stream().filter(e -> e.getKey().oneAxis()).mapToInt(Map.Entry::getValue).sum();
    }

    boolean qualifies() {
      if (total < MIN_CASES || oneAxis() < ONE_AXIS * total) {
        return false;
      }
      boolean x = false;
      boolean y = false;
      int seenTwice = 0;
      for (Map.Entry<Step, Integer> e : counts.entrySet()) {
        Step s = e.getKey();
        if (!s.oneAxis() || e.getValue() < MIN_SECOND) {
          continue;
        }
        seenTwice++;
        x |= s.vx != 0;
        y |= s.vy != 0;
      }
      return seenTwice >= 2 && x && y;
    }

    double p(Step s) {
      return (double) counts.getOrDefault(s, 0) / oneAxis();
    }
  }

  private final Map<Key, Steps> histograms = new LinkedHashMap<>();

  /** {@link #histograms}' step counts by the number of their key, null until observed. */
  private final ByNumber<Steps> byKey = new ByNumber<>();

  /**
   * One observed step of object o under a context.
   *
   * @param key the number in {@code keys} of the context's key (its binder, guard and name) and o's type
   * @param blockedSides the sides on which a blocker of o's type touched it at t ({@link Blocking#blockedSides})
   */
  void observe(int key, Numbering<Key> keys, int vx, int vy, int blockedSides, boolean wrongNow) {
    Steps s = byKey.get(key);
    if (s == null) {
      s = byKey.put(key, histograms.computeIfAbsent(keys.get(key), x -> new Steps()));
    }
    s.add(new Step(vx, vy), blockedSides, wrongNow);
  }

  /**
   * The joint choices worth proposing, given which axes are random ({@link ChoiceMiner#random}).
   *
   * @param blockers per type (lower-cased, as keys name it), the types that block its steps
   * @param onBeat the types (lower-cased) that move on a beat
   */
  List<Candidate> candidates(ChoiceMiner axes, Map<String, List<String>> blockers, Set<String> onBeat) {
    Map<String, Steps> unconditional = new LinkedHashMap<>();
    for (Map.Entry<Key, Steps> e : histograms.entrySet()) {
      if (e.getKey().unconditional()) {
        unconditional.put(e.getKey().type, e.getValue());
      }
    }
    List<Candidate> out = new ArrayList<>();
    Map<String, List<Map.Entry<Key, Double>>> byType = new LinkedHashMap<>();
    for (Map.Entry<Key, Steps> e : histograms.entrySet()) {
      Key k = e.getKey();
      Steps s = e.getValue();
      Steps base = unconditional.get(k.type);
      if (base == null || !s.qualifies() || !axes.random(k.type + ".vx") || !axes.random(k.type + ".vy")) {
        continue;
      }
      if (k.unconditional()) {
        if (!onBeat.contains(k.type)) {
          out.add(candidate(k, s, blockers.getOrDefault(k.type, List.of())));
        }
        continue;
      }
      double gain = gain(s, base);
      if (gain >= MIN_GAIN) {
        byType.computeIfAbsent(k.type, t -> new ArrayList<>()).add(Map.entry(k, gain));
      }
    }
    for (List<Map.Entry<Key, Double>> list : byType.values()) {
      list.sort(Map.Entry.<Key, Double>comparingByValue(Comparator.reverseOrder()));
      for (Map.Entry<Key, Double> e : list.subList(0, Math.min(PER_TYPE, list.size()))) {
        out.add(candidate(e.getKey(), histograms.get(e.getKey()), blockers.getOrDefault(e.getKey().type, List.of())));
      }
    }
    return out;
  }

  /**
   * The frequencies of the steps tried (one-axis steps seen, stay included), by expectation-maximisation:
   * a case that moved tried that move; one that stayed tried staying or any step toward a side a
   * blocker stood on.
   */
  private static Map<Step, Double> tried(Steps s) {
    List<Step> support = s.counts.keySet().stream().filter(Step::oneAxis).toList();
    Map<Step, Double> q = new LinkedHashMap<>();
    for (Step step : support) {
      q.put(step, 1.0 / support.size());
    }
    for (int round = 0; round < 100; round++) {
      Map<Step, Double> next = new LinkedHashMap<>();
      double total = 0;
      for (Map.Entry<Integer, Map<Step, Integer>> byMask : s.byBlockedSides.entrySet()) {
        int mask = byMask.getKey();
        for (Map.Entry<Step, Integer> seen : byMask.getValue().entrySet()) {
          if (!seen.getKey().oneAxis()) {
            continue;
          }
          List<Step> could = new ArrayList<>();
          could.add(seen.getKey());
          if (seen.getKey().vx == 0 && seen.getKey().vy == 0) {
            for (Step step : support) {
              int side = Blocking.sideOfStep(step.vx, step.vy);
              if (side != dev.nomos.stdlib.Side.NONE.ordinal() && (mask & (1 << side)) != 0) {
                could.add(step);
              }
            }
          }
          double norm = could.stream().mapToDouble(q::get).sum();
          for (Step step : could) {
            next.merge(step, seen.getValue() * (norm == 0 ? 1.0 / could.size() : q.get(step) / norm), Double::sum);
          }
          total += seen.getValue();
        }
      }
      for (Step step : support) {
        q.put(step, total == 0 ? 0 : next.getOrDefault(step, 0.0) / total);
      }
    }
    return q;
  }

  /** Log-likelihood gained on the context's cases by its own frequencies over the type's (smoothed). */
  private static double gain(Steps s, Steps base) {
    double gain = 0;
    for (Map.Entry<Step, Integer> e : s.counts.entrySet()) {
      if (!e.getKey().oneAxis()) {
        continue;
      }
      double q = (base.counts.getOrDefault(e.getKey(), 0) + 0.5) / (base.total + 0.5 * base.counts.size() + 0.5);
      gain += e.getValue() * Math.log(s.p(e.getKey()) / q);
    }
    return gain;
  }

  private static Candidate candidate(Key k, Steps s, List<String> blockers) {
    boolean blocked = !blockers.isEmpty() && s.byBlockedSides.keySet().stream().anyMatch(m -> m != 0);
    Map<Step, Double> tried = blocked ? tried(s) : null;
    List<String> alternatives = new ArrayList<>();
    for (Step step : s.counts.keySet()) {
      if (step.oneAxis()) {
        double p = blocked ? tried.get(step) : s.p(step);
        String alternative = blocked ? step.alternative(blockers) : step.alternative();
        alternatives.add(alternative + " weight " + String.format(Locale.ROOT, "%.2f", Math.max(0.01, p)));
      }
    }
    String choice = "choose { " + String.join(" | ", alternatives) + " }";
    LawDraft draft = new LawDraft(k.binder, k.guard, choice);
    String type = k.type.toLowerCase(Locale.ROOT);
    Candidate c = new Candidate(draft, type + "_steps_at_random" + (k.name.isEmpty() ? "" : "_" + k.name),
        type + ".step", draft.body(), Facing.NONE, false);
    c.correct = s.total;
    c.applicable = s.total;
    c.correctWhereWrong = s.wrong;
    return c;
  }
}
