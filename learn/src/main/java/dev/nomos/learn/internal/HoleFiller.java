package dev.nomos.learn.internal;

import dev.nomos.compiler.check.Hole;
import dev.nomos.learn.Transition;
import dev.nomos.runtime.Frame;
import dev.nomos.runtime.Law;
import dev.nomos.runtime.Slots;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Fills the holes {@code ?} a candidate law leaves open ({@code side: ?}, {@code cover: ?}, integer
 * constants) by trying values on the transitions that prompted it, as PoE-World fits touch side and
 * percentage: every combination when there are few, otherwise one hole at a time. The filling whose
 * opinions are right most often (right minus wrong) wins; ties go to the earlier value. The holes
 * and their kinds are the checker's ({@link dev.nomos.learn.LawCompiler.Compiled#holes()}).
 */
public final class HoleFiller {
  static final List<String> SIDES = List.of("TOP", "BOTTOM", "LEFT", "RIGHT");
  static final List<String> COVERS = List.of("1.0", "0.75", "0.5", "0.25");
  private static final int MAX_COMBINATIONS = 128;

  private HoleFiller() {}

  /**
   * The best filling of the candidate's holes, or null when no filling compiles.
   *
   * @param holes the holes of {@code source} in source order, as the checker lists them
   * @param compile compiles law text to a law, or returns null when it does not check
   */
  public static String fill(String source, List<Hole> holes, List<Transition> transitions,
      Function<String, Law> compile) {
    if (holes.isEmpty()) {
      return source;
    }
    List<List<String>> options = new ArrayList<>();
    List<String> ints = intCandidates(transitions);
    long combinations = 1;
    for (Hole h : holes) {
      List<String> o = switch (h.kind()) {
        case SIDE -> SIDES;
        case COVER -> COVERS;
        case INT -> ints;
      };
      options.add(o);
      combinations *= o.size();
    }
    String[] choice = new String[holes.size()];
    for (int k = 0; k < choice.length; k++) {
      choice[k] = options.get(k).get(0);
    }
    if (combinations <= MAX_COMBINATIONS) {
      return exhaustive(source, holes, options, transitions, compile);
    }
    // Coordinate search: fix each hole in turn at its best value given the others.
    String best = null;
    for (int k = 0; k < holes.size(); k++) {
      int bestScore = Integer.MIN_VALUE;
      String bestValue = choice[k];
      for (String v : options.get(k)) {
        choice[k] = v;
        String text = substitute(source, holes, choice);
        int s = score(text, transitions, compile);
        if (s > bestScore) {
          bestScore = s;
          bestValue = v;
          best = s == Integer.MIN_VALUE ? best : text;
        }
      }
      choice[k] = bestValue;
    }
    String text = substitute(source, holes, choice);
    return score(text, transitions, compile) == Integer.MIN_VALUE ? best : text;
  }

  private static String exhaustive(String source, List<Hole> holes, List<List<String>> options,
      List<Transition> transitions, Function<String, Law> compile) {
    int[] index = new int[holes.size()];
    String[] choice = new String[holes.size()];
    String best = null;
    int bestScore = Integer.MIN_VALUE;
    while (true) {
      for (int k = 0; k < index.length; k++) {
        choice[k] = options.get(k).get(index[k]);
      }
      String text = substitute(source, holes, choice);
      int s = score(text, transitions, compile);
      if (s > bestScore) {
        bestScore = s;
        best = text;
      }
      int k = 0;
      while (k < index.length && ++index[k] == options.get(k).size()) {
        index[k++] = 0;
      }
      if (k == index.length) {
        return best;
      }
    }
  }

  private static int score(String text, List<Transition> transitions, Function<String, Law> compile) {
    Law law = compile.apply(text);
    if (law == null) {
      return Integer.MIN_VALUE;
    }
    int[] rw = OpinionCheck.count(law, transitions);
    return rw[0] - rw[1];
  }

  private static String substitute(String source, List<Hole> holes, String[] values) {
    StringBuilder sb = new StringBuilder(source);
    for (int k = holes.size() - 1; k >= 0; k--) {
      int at = holes.get(k).span().start();
      String v = values[k];
      // "-3" after a binary operator reads fine; wrap negatives to keep "a - -3" unambiguous.
      sb.replace(at, at + 1, v.startsWith("-") ? "(" + v + ")" : v);
    }
    return sb.toString();
  }

  /** Integers worth trying: next velocities, velocity changes and next extra values seen, most frequent first. */
  static List<String> intCandidates(List<Transition> transitions) {
    Map<Integer, Integer> freq = new HashMap<>();
    for (int v : new int[] {0, 1, -1}) {
      freq.put(v, 0);
    }
    for (Transition t : transitions) {
      Frame a = t.before();
      Frame b = t.after();
      for (int i : a.all()) {
        int j = b.indexOfId(a.id(i));
        if (j < 0) {
          continue;
        }
        int vx = b.x(j) - a.x(i), vy = b.y(j) - a.y(i);
        if (vx != a.vx(i) || vy != a.vy(i)) {
          freq.merge(vx, 1, Integer::sum);
          freq.merge(vy, 1, Integer::sum);
          freq.merge(vx - a.vx(i), 1, Integer::sum);
          freq.merge(vy - a.vy(i), 1, Integer::sum);
        }
        for (int s = Slots.FIRST_EXTRA; s < a.schema().type(a.type(i)).slotCount(); s++) {
          if (a.get(i, s) != b.get(j, s)) {
            freq.merge(b.get(j, s), 1, Integer::sum);
          }
        }
      }
    }
    return freq.entrySet().stream()
        .sorted(Comparator.<Map.Entry<Integer, Integer>>comparingInt(Map.Entry::getValue).reversed()
            .thenComparingInt(e -> Math.abs(e.getKey())).thenComparingInt(Map.Entry::getKey))
        .limit(16).map(e -> Integer.toString(e.getKey())).toList();
  }
}
