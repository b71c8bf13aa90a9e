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
 * Random steps: where an object's next velocity on an axis takes several values under the same
 * context (a monster that steps left, right or not at all), a weighted choice with the frequencies
 * seen, {@code o.vx ~ weighted(-1: 0.15, 0: 0.7, 1: 0.15)}. Targets are independent given frame t,
 * so each axis gets its own choice; contexts narrow it (on its beat, a wall on one side). Besides
 * the type's choice under no condition, the contexts kept are those whose frequencies differ most
 * from it (by the log-likelihood they gain on their own cases), a few per target. A target that
 * some context decides (a value other than the type's usual one, nearly always, in enough cases:
 * an agent that steps where its action and heading say) is not random, and gets no choice.
 */
final class ChoiceMiner {
  /** Cases of a context at least, and a second value seen at least twice, before a choice is offered. */
  private static final int MIN_CASES = 8;
  private static final int MIN_SECOND = 2;
  /** Conditional choices kept per target, and the least gain (nats over their cases) they need. */
  private static final int PER_TARGET = 4;
  private static final double MIN_GAIN = 2.0;

  record Key(DraftBinder binder, Guard guard, String name, String group, String attr) {
    /** The object alone, under no condition: the type's choice the others are measured against. */
    boolean unconditional() {
      return guard.isEmpty() && !binder.contact();
    }
  }

  /** How often each value was seen, in ascending order of the values. */
  static final class Histogram {
    /**
     * The values seen, ascending, and how often each: a handful per target, added to for every
     * observation, so kept in two arrays rather than a map of boxed numbers.
     */
    private int[] values = new int[4];
    private int[] numbers = new int[4];
    private int distinct;
    /** {@link #counts()}, made when read after an addition. */
    private Map<Integer, Integer> counts;
    int total;
    int wrong;

    void add(int value, boolean wrongNow) {
      add(value, 1);
      total++;
      if (wrongNow) {
        wrong++;
      }
    }

    private void add(int value, int times) {
      int k = java.util.Arrays.binarySearch(values, 0, distinct, value);
      if (k < 0) {
        k = -k - 1;
        if (distinct == values.length) {
          values = java.util.Arrays.copyOf(values, 2 * distinct);
          numbers = java.util.Arrays.copyOf(numbers, 2 * distinct);
        }
        System.arraycopy(values, k, values, k + 1, distinct - k);
        System.arraycopy(numbers, k, numbers, k + 1, distinct - k);
        values[k] = value;
        numbers[k] = 0;
        distinct++;
      }
      numbers[k] += times;
      counts = null;
    }

    /** How often each value was seen, by value in ascending order. */
    Map<Integer, Integer> counts() {
      if (counts == null) {
        Map<Integer, Integer> out = new TreeMap<>();
        for (int k = 0; k < distinct; k++) {
          out.put(values[k], numbers[k]);
        }
        counts = java.util.Collections.unmodifiableMap(out);
      }
      return counts;
    }

    double p(int value) {
      int k = java.util.Arrays.binarySearch(values, 0, distinct, value);
      return (double) (k < 0 ? 0 : numbers[k]) / total;
    }

    boolean varied() {
      if (total < MIN_CASES) {
        return false;
      }
      int seenTwice = 0;
      for (int k = 0; k < distinct; k++) {
        if (numbers[k] >= MIN_SECOND) {
          seenTwice++;
        }
      }
      return seenTwice >= 2;
    }
  }

  private final Map<Key, Histogram> histograms = new LinkedHashMap<>();
  /**
   * Per target, the histograms of every context (by the number the miner gives it), to tell decided
   * targets from random ones.
   */
  private final Map<String, Map<Integer, Histogram>> evidence = new LinkedHashMap<>();
  /**
   * The outcome "a step in the action's direction" in {@link #evidence}: a velocity no target takes,
   * so that moves in different directions count as one value.
   */
  static final int WITH_THE_ACTION = Integer.MIN_VALUE;
  /** Share of a context's cases a value other than the usual one must take for the context to decide it. */
  private static final double DECIDES = 0.9;

  /** {@link #histograms}' histograms by the number of their key, null until observed. */
  private final ByNumber<Histogram> byKey = new ByNumber<>();

  /**
   * One observed next velocity of object o under a context.
   *
   * @param key the number in {@code keys} of the context's key (its binder, guard and name) and the target's
   * @param wrongNow whether the current model's most likely value was wrong there
   */
  void observe(int key, Numbering<Key> keys, int value, boolean wrongNow) {
    Histogram h = byKey.get(key);
    if (h == null) {
      h = byKey.put(key, histograms.computeIfAbsent(keys.get(key), x -> new Histogram()));
    }
    h.add(value, wrongNow);
    forgetDecisions();
  }

  /** {@link #evidence}'s histograms by the number of their group and context, null until observed. */
  private final ByNumber<Histogram> evidenceByKey = new ByNumber<>();

  /**
   * One observed next velocity under any context, offered or not: evidence that the target is decided.
   *
   * @param key the number in {@code keys} of {@code group << 32 | context}: the target ({@code type.vx})
   *     as its number in {@code groups}, and the context's number or {@link #withTheAction} of it
   *     (observations under one are pooled)
   */
  void evidence(int key, Numbering<Long> keys, Numbering<String> groups, int value) {
    Histogram h = evidenceByKey.get(key);
    if (h == null) {
      long groupAndContext = keys.get(key);
      h = evidenceByKey.put(key, evidence.computeIfAbsent(groups.get((int) (groupAndContext >>> 32)),
          g -> new LinkedHashMap<>()).computeIfAbsent((int) groupAndContext, k -> new Histogram()));
    }
    h.add(value, false);
    forgetDecisions();
  }

  /**
   * Per group, whether it is decided (given its unconditional histogram) and whether it is
   * random, as worked out since the last observation: the candidates ask once per histogram of a
   * target, and the joint steps twice per histogram of a type.
   */
  private final Map<String, Map.Entry<Histogram, Boolean>> decisions = new java.util.HashMap<>();
  private final Map<String, Boolean> randomness = new java.util.HashMap<>();

  private void forgetDecisions() {
    if (!decisions.isEmpty() || !randomness.isEmpty()) {
      decisions.clear();
      randomness.clear();
    }
  }

  /**
   * The number under which the outcomes "with the action or not" of context number {@code context}
   * are pooled: apart from the velocities seen under it.
   */
  static int withTheAction(int context) {
    return -1 - context;
  }

  /** Whether some context decides the target: it takes one value other than the usual one nearly always. */
  private boolean decided(String group, Histogram unconditional) {
    Map.Entry<Histogram, Boolean> known = decisions.get(group);
    if (known != null && known.getKey() == unconditional) {
      return known.getValue();
    }
    boolean decided = decidedAfresh(group, unconditional);
    decisions.put(group, Map.entry(unconditional, decided));
    return decided;
  }

  private boolean decidedAfresh(String group, Histogram unconditional) {
    int usual = unconditional.counts().entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    for (Histogram h : evidence.getOrDefault(group, Map.of()).values()) {
      if (h.total < MIN_CASES) {
        continue;
      }
      for (Map.Entry<Integer, Integer> e : h.counts().entrySet()) {
        if (e.getKey() != usual && e.getValue() >= DECIDES * h.total) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Whether the target (its group, {@code type.vx}) is random: under no condition it took several
   * values, and no context decides it.
   */
  boolean random(String group) {
    return randomness.computeIfAbsent(group, this::randomAfresh);
  }

  private boolean randomAfresh(String group) {
    for (Map.Entry<Key, Histogram> e : histograms.entrySet()) {
      if (e.getKey().unconditional() && e.getKey().group.equals(group)) {
        return e.getValue().varied() && !decided(group, e.getValue());
      }
    }
    return false;
  }

  /**
   * The choices worth proposing: per target, the unconditional one and the conditional ones that
   * gain most. A type that moves on a beat ({@code onBeat}, lower-cased names) gets no unconditional
   * choice: its steps off the beat are no choice, and a choice over every step says it may move there.
   */
  List<Candidate> candidates(Set<String> onBeat) {
    Map<String, Histogram> unconditional = new LinkedHashMap<>();
    for (Map.Entry<Key, Histogram> e : histograms.entrySet()) {
      if (e.getKey().unconditional()) {
        unconditional.put(e.getKey().group, e.getValue());
      }
    }
    Map<String, List<Map.Entry<Key, Double>>> byTarget = new LinkedHashMap<>();
    List<Candidate> out = new ArrayList<>();
    for (Map.Entry<Key, Histogram> e : histograms.entrySet()) {
      Key k = e.getKey();
      Histogram h = e.getValue();
      Histogram base = unconditional.get(k.group);
      if (!h.varied() || base == null || decided(k.group, base)) {
        continue;
      }
      if (k.unconditional()) {
        if (!onBeat.contains(k.binder.subject().toLowerCase())) {
          out.add(candidate(k, h));
        }
        continue;
      }
      double gain = gain(h, base);
      if (gain >= MIN_GAIN) {
        byTarget.computeIfAbsent(k.group, g -> new ArrayList<>()).add(Map.entry(k, gain));
      }
    }
    for (List<Map.Entry<Key, Double>> list : byTarget.values()) {
      list.sort(Map.Entry.<Key, Double>comparingByValue(Comparator.reverseOrder()));
      for (Map.Entry<Key, Double> e : list.subList(0, Math.min(PER_TARGET, list.size()))) {
        out.add(candidate(e.getKey(), histograms.get(e.getKey())));
      }
    }
    return out;
  }

  /** Log-likelihood gained on the context's cases by its own frequencies over the type's (smoothed). */
  private static double gain(Histogram h, Histogram base) {
    double gain = 0;
    for (Map.Entry<Integer, Integer> e : h.counts().entrySet()) {
      double q = (base.counts().getOrDefault(e.getKey(), 0) + 0.5) / (base.total + 0.5 * base.counts().size() + 0.5);
      gain += e.getValue() * Math.log(h.p(e.getKey()) / q);
    }
    return gain;
  }

  private static Candidate candidate(Key k, Histogram h) {
    StringBuilder choice = new StringBuilder("o." + k.attr + " ~ weighted(");
    boolean first = true;
    for (Map.Entry<Integer, Integer> e : h.counts().entrySet()) {
      choice.append(first ? "" : ", ").append(e.getKey()).append(": ")
          .append(String.format(Locale.ROOT, "%.2f", Math.max(0.01, h.p(e.getKey()))));
      first = false;
    }
    choice.append(')');
    LawDraft draft = new LawDraft(k.binder, k.guard, choice.toString());
    String type = k.binder.subject().toLowerCase();
    Candidate c = new Candidate(draft, type + "_" + k.attr + "_random" + (k.name.isEmpty() ? "" : "_" + k.name),
        k.group, draft.body(), Facing.NONE, false);
    c.correct = h.total;
    c.applicable = h.total;
    c.correctWhereWrong = h.wrong;
    return c;
  }
}
