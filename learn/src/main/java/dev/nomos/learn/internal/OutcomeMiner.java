package dev.nomos.learn.internal;

import dev.nomos.learn.Heading;
import dev.nomos.runtime.AttributeKind;
import dev.nomos.runtime.AttributeSpec;
import dev.nomos.runtime.EntityType;
import dev.nomos.runtime.Frame;
import dev.nomos.runtime.WorldSchema;
import dev.nomos.runtime.trajectory.Episode;
import dev.nomos.stdlib.Geometry;
import dev.nomos.stdlib.Side;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Proposes laws for the world's reward and the episode's end from recorded data. What a law can see
 * at t that goes with a reward or an end is, in the games these templates are generic over, a
 * contact: two types touching (on one side, or on any), perhaps under one action, perhaps with the
 * second touching a third type on the same side (a push: a against b against c). For each such
 * context the miner counts the transitions where it holds and, among them, those with each reward
 * and those where the episode ended; a context that goes with one non-zero reward (or with the end)
 * often enough and precisely enough becomes a candidate, with the reward as a constant or, when it
 * always equals an int attribute of one of the two objects, as that attribute. Two default laws
 * ("no reward", "the episode goes on") give the fit something to weigh the contexts against; they
 * come only with a context for their target. Names
 * and constants come from the data and the schema only.
 */
public final class OutcomeMiner {
  /** A context must go with its outcome at least this often ... */
  private static final int MIN_SUPPORT = 2;
  /** ... and in at least this share of the transitions where it holds. */
  private static final double MIN_PRECISION = 0.5;
  private static final int MAX_REWARD_LAWS = 8;
  private static final int MAX_END_LAWS = 4;

  /** {@link Context#side} for "b is in front of a" (a faces b), for types with a heading. */
  private static final int IN_FRONT = -2;

  private final WorldSchema schema;
  /** Per type, its heading, or null. */
  private final Heading[] headings;
  private final Map<String, Context> contexts = new LinkedHashMap<>();
  private long rewarded;
  private long ends;

  public OutcomeMiner(WorldSchema schema) {
    this(schema, List.of());
  }

  /** @param headings the world's headings ({@link Heading}): contexts then include "b is in front of a" */
  public OutcomeMiner(WorldSchema schema, List<Heading> headings) {
    this.schema = schema;
    this.headings = new Heading[schema.types().size()];
    for (Heading h : headings) {
      this.headings[schema.type(h.type()).index()] = h;
    }
  }

  /** Law sources (without weights) for the reward and the end of {@code episodes}; none when they show neither. */
  public static List<String> mine(WorldSchema schema, List<Episode> episodes) {
    return mine(schema, episodes, List.of());
  }

  /** As {@link #mine(WorldSchema, List)}, with contexts that speak of what an object faces. */
  public static List<String> mine(WorldSchema schema, List<Episode> episodes, List<Heading> headings) {
    OutcomeMiner m = new OutcomeMiner(schema, headings);
    for (Episode e : episodes) {
      List<Frame> frames = e.frames();
      for (int k = 0; k + 1 < frames.size(); k++) {
        m.add(frames.get(k), frames.get(k + 1));
      }
    }
    return m.candidates();
  }

  /** One context: two types touching (side or any), under an action or any. */
  private static final class Context {
    final int typeA;
    final int typeB;
    final int side;
    final int action;
    /** A type that b touches on the same side (a push: a against b against c), or -1. */
    final int typeC;
    long holds;
    final Map<Integer, Long> rewards = new LinkedHashMap<>();
    long ends;
    /** Per int attribute of a (first half) and b (second half): transitions with a non-zero reward equal to it. */
    final long[] attributeMatches;
    long nonZero;

    Context(int typeA, int typeB, int side, int action, int typeC, int attributes) {
      this.typeA = typeA;
      this.typeB = typeB;
      this.side = side;
      this.action = action;
      this.typeC = typeC;
      this.attributeMatches = new long[attributes];
    }
  }

  void add(Frame t, Frame next) {
    double recorded = t.reward();
    boolean whole = recorded == Math.rint(recorded) && Math.abs(recorded) < 1e9;
    int reward = whole ? (int) recorded : 0;
    boolean end = next.terminated();
    rewarded += whole && reward != 0 ? 1 : 0;
    ends += end ? 1 : 0;
    Set<String> seen = new HashSet<>();
    int[] all = t.all();
    for (int i : all) {
      for (int j : all) {
        if (i == j || t.type(i) > t.type(j) || !Geometry.touching(t, i, j)) {
          continue;
        }
        int side = Geometry.side(t, i, j);
        // Either may face the other (an agent stepping onto the goal it faces): one context per facer.
        for (int[] pair : new int[][] {{i, j}, {j, i}}) {
          if (facing(t, pair[0], pair[1])) {
            for (int a : new int[] {t.action(), -1}) {
              count(t.type(pair[0]), t.type(pair[1]), IN_FRONT, a, -1, t, pair[0], pair[1], whole, reward, end, seen);
            }
          }
        }
        List<Integer> beyond = new ArrayList<>();
        beyond.add(-1);
        for (int k : all) {
          if (k != i && k != j && !beyond.contains(t.type(k)) && Geometry.side(t, j, k) == side) {
            beyond.add(t.type(k));
          }
        }
        for (int c3 : beyond) {
        for (int s : c3 >= 0 ? new int[] {side} : new int[] {side, -1}) {
          for (int a : new int[] {t.action(), -1}) {
            count(t.type(i), t.type(j), s, a, c3, t, i, j, whole, reward, end, seen);
          }
        }
        }
      }
    }
  }

  /** Counts one transition in a context, once per transition however many pairs show it. */
  private void count(int typeA, int typeB, int side, int action, int typeC, Frame t, int i, int j, boolean whole,
      int reward, boolean end, Set<String> seen) {
    String key = typeA + "|" + typeB + "|" + side + "|" + action + "|" + typeC;
    Context c = contexts.computeIfAbsent(key, x -> new Context(typeA, typeB, side, action, typeC,
        intAttributes(typeA).size() + intAttributes(typeB).size()));
    if (!seen.add(key)) {
      return;
    }
    c.holds++;
    if (whole) {
      c.rewards.merge(reward, 1L, Long::sum);
    }
    c.ends += end ? 1 : 0;
    if (whole && reward != 0) {
      c.nonZero++;
      List<Integer> slotsA = intAttributes(typeA);
      List<Integer> slotsB = intAttributes(typeB);
      for (int k = 0; k < slotsA.size(); k++) {
        c.attributeMatches[k] += t.get(i, slotsA.get(k)) == reward ? 1 : 0;
      }
      for (int k = 0; k < slotsB.size(); k++) {
        c.attributeMatches[slotsA.size() + k] += t.get(j, slotsB.get(k)) == reward ? 1 : 0;
      }
    }
  }

  /** Whether object i of frame t has a heading and faces object j, which it touches. */
  private boolean facing(Frame t, int i, int j) {
    Heading h = headings[t.type(i)];
    return h != null && h.sideOf(t.get(i, schema.type(t.type(i)).slotOf(h.attribute()))) == Geometry.side(t, i, j);
  }

  /** Slots of the int extras of a type. */
  private List<Integer> intAttributes(int type) {
    List<Integer> out = new ArrayList<>();
    EntityType et = schema.type(type);
    for (int k = 0; k < et.extras().size(); k++) {
      AttributeSpec spec = et.extras().get(k);
      if (spec.kind() == AttributeKind.INT) {
        out.add(dev.nomos.runtime.Slots.FIRST_EXTRA + k);
      }
    }
    return out;
  }

  /** A written law and its name: laws of one name are variants of one context, of which one is kept. */
  private record Named(String name, String source) {}

  private record Scored(Named law, long support, double precision, int specificity) {
    String source() {
      return law.source();
    }
  }

  List<String> candidates() {
    List<Scored> rewards = new ArrayList<>();
    List<Scored> endings = new ArrayList<>();
    for (Context c : contexts.values()) {
      int specificity = (c.side != -1 ? 1 : 0) + (c.action >= 0 ? 1 : 0) + (c.typeC >= 0 ? 1 : 0);
      String attribute = rewardAttribute(c);
      if (attribute != null) {
        rewards.add(new Scored(law(c, "reward_is_" + attribute.replace('.', '_'), "reward := " + attribute),
            c.nonZero, (double) c.nonZero / c.holds, specificity));
      } else {
        for (Map.Entry<Integer, Long> r : c.rewards.entrySet()) {
          double precision = (double) r.getValue() / c.holds;
          if (r.getKey() != 0 && r.getValue() >= MIN_SUPPORT && precision >= MIN_PRECISION) {
            String value = String.valueOf(r.getKey());
            rewards.add(new Scored(law(c, "reward_" + value.replace('-', 'm'), "reward := " + value), r.getValue(),
                precision, specificity));
          }
        }
      }
      double endPrecision = c.holds == 0 ? 0 : (double) c.ends / c.holds;
      if (c.ends >= MIN_SUPPORT && endPrecision >= MIN_PRECISION) {
        endings.add(new Scored(law(c, "ends", "end := true"), c.ends, endPrecision, specificity));
      }
    }
    // A default law comes only with a context: alone it predicts what a target no law speaks to
    // predicts (no reward, going on) while making the target scored, so it could only cost.
    List<String> out = new ArrayList<>();
    List<String> rewardLaws = best(rewards, MAX_REWARD_LAWS);
    if (rewarded > 0 && !rewardLaws.isEmpty()) {
      out.addAll(rewardLaws);
      out.add("law no_reward_otherwise {\n  then reward := 0\n}");
    }
    List<String> endLaws = best(endings, MAX_END_LAWS);
    if (ends > 0 && !endLaws.isEmpty()) {
      out.addAll(endLaws);
      out.add("law episode_goes_on {\n  then end := false\n}");
    }
    return out;
  }

  /** {@code a.attr} or {@code b.attr} when every non-zero reward in the context equaled it (and there were enough). */
  private String rewardAttribute(Context c) {
    if (c.nonZero < MIN_SUPPORT || (double) c.nonZero / c.holds < MIN_PRECISION) {
      return null;
    }
    List<Integer> slotsA = intAttributes(c.typeA);
    List<Integer> slotsB = intAttributes(c.typeB);
    for (int k = 0; k < c.attributeMatches.length; k++) {
      if (c.attributeMatches[k] == c.nonZero) {
        boolean first = k < slotsA.size();
        int slot = first ? slotsA.get(k) : slotsB.get(k - slotsA.size());
        EntityType type = schema.type(first ? c.typeA : c.typeB);
        return (first ? "a." : "b.") + type.extraAt(slot).name();
      }
    }
    return null;
  }

  /** The most precise, then best supported, then least specific candidates, at most {@code limit}, with distinct names. */
  private static List<String> best(List<Scored> scored, int limit) {
    Set<String> names = new HashSet<>();
    return scored.stream()
        .sorted(Comparator.comparingDouble(Scored::precision).reversed()
            .thenComparing(Comparator.comparingLong(Scored::support).reversed())
            .thenComparingInt(Scored::specificity)
            .thenComparing(Scored::source))
        .filter(c -> names.add(c.law().name()))
        .limit(limit).map(Scored::source).toList();
  }

  private Named law(Context c, String what, String effect) {
    String a = schema.type(c.typeA).name();
    String b = schema.type(c.typeB).name();
    StringBuilder name = new StringBuilder(what + "_on_" + a.toLowerCase() + "_" + b.toLowerCase());
    StringBuilder binder = new StringBuilder("on contact(a: " + a + ", b: " + b);
    List<String> conditions = new ArrayList<>();
    if (c.side == IN_FRONT) {
      conditions.add(headings[c.typeA].facing("a", "b"));
      name.append("_in_front");
    } else if (c.side >= 0) {
      String side = Side.NAMES.get(c.side);
      binder.append(", side: ").append(side);
      name.append('_').append(side.toLowerCase());
    }
    binder.append(')');
    if (c.action >= 0 && c.action < schema.actions().size()) {
      String action = schema.actions().get(c.action);
      conditions.add("action == " + action);
      name.append("_after_").append(action.toLowerCase());
    } else if (c.action >= 0) {
      return law(new Context(c.typeA, c.typeB, c.side, -1, c.typeC, 0), what, effect);
    }
    if (c.typeC >= 0) {
      String beyond = schema.type(c.typeC).name();
      conditions.add("exists c: " + beyond + " where side(b, c) == " + Side.NAMES.get(c.side));
      name.append("_against_").append(beyond.toLowerCase());
    }
    String guard = conditions.isEmpty() ? "" : "\n  when " + String.join(" and ", conditions);
    String lawName = name.toString().replaceAll("[^A-Za-z0-9_]", "_");
    return new Named(lawName, "law " + lawName + " {\n  " + binder + guard + "\n  then " + effect + "\n}");
  }
}
