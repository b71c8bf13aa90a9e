package dev.nomos.runtime.model;

import static dev.nomos.runtime.model.TestLaws.law;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nomos.runtime.AttributeSpec;
import dev.nomos.runtime.EntityType;
import dev.nomos.runtime.Frame;
import dev.nomos.runtime.Law;
import dev.nomos.runtime.OpinionSink;
import dev.nomos.runtime.Slots;
import dev.nomos.runtime.WorldSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Joint choices against a dense evaluation of their meaning: over every tuple of values of the
 * joint targets, the product of each law's factors (a law's joint choices on the object are one
 * factor, their union; its per-target opinions one factor per target), normalised, mixed with the
 * floor's uniform background of weight {@code 1 - Π (1 - ε_c)}; the other targets independently.
 */
public class JointChoiceTest {
  public static final WorldSchema WORLD = new WorldSchema("W", 100, 100, -2, 2, List.of("NOOP"),
      List.of(new EntityType("M", 0, List.of(AttributeSpec.ofInt("mood", 0, 3)))));
  public static final int X0 = 50;
  public static final int Y0 = 50;
  public static final int MOOD0 = 1;
  public static final int[] SLOTS = {Slots.X, Slots.Y, Slots.FIRST_EXTRA};
  public static final double NU = 10;

  /** A per-target opinion: kind 0 exact, 1 range, 2 choice; on coordinate {@code coord}. */
  public record Single(int coord, int kind, int lo, int hi, int[] values, double[] weights) {}

  /** A joint choice over {@code coords} (ascending), each alternative a value per coordinate. */
  public record Joint(int[] coords, int[][] alternatives, double[] weights) {}

  public record RandomLaw(List<Single> singles, List<Joint> joints) {}

  @Test
  void likelihoodEqualsDenseProductOfExperts() {
    SplittableRandom random = new SplittableRandom(7);
    for (int trial = 0; trial < 150; trial++) {
      List<RandomLaw> spec = randomLaws(random);
      double[] theta = randomWeights(random, spec.size());
      Floor floor = random.nextBoolean() ? Floor.none()
          : Floor.of(Map.of("x", 0.01 + random.nextDouble(0.2), "y", 0.02, "mood", random.nextDouble(0.3)));
      WorldModel model = new WorldModel(WORLD, laws(spec), theta, ModelOptions.defaults(), floor);
      Inference inference = model.newInference();
      Frame t = start();
      for (int k = 0; k < 6; k++) {
        int[] next = {X0 + random.nextInt(-4, 5), Y0 + random.nextInt(-4, 5), random.nextInt(0, 4)};
        Frame observed = Frame.builder(WORLD).previous(t).add(1, 0, next[0], next[1], 1, 1, next[2]).build();
        double expected = dense(spec, theta, floor, next) - Math.log(2); // nobody speaks to presence
        assertEquals(expected, inference.logLikelihood(t, observed), 1e-9, "trial " + trial + " " + spec);
      }
    }
  }

  @Test
  void mostLikelyFrameIsTheDenseModeTowardTheValuesAtT() {
    SplittableRandom random = new SplittableRandom(8);
    for (int trial = 0; trial < 150; trial++) {
      List<RandomLaw> spec = randomLaws(random);
      double[] theta = randomWeights(random, spec.size());
      WorldModel model = new WorldModel(WORLD, laws(spec), theta, ModelOptions.defaults(), Floor.defaults());
      Frame next = model.newInference().mostLikelyNext(start(), 0);
      int[] got = {next.x(0), next.get(0, Slots.Y), next.get(0, Slots.FIRST_EXTRA)};
      assertArrayEquals(denseMode(spec, theta), got, "trial " + trial + " " + spec);
    }
  }

  @Test
  void samplesFollowTheJointDistribution() {
    // Stay, or exactly one of four unit steps: the per-axis model cannot say this.
    List<RandomLaw> spec = List.of(new RandomLaw(List.of(), List.of(new Joint(new int[] {0, 1},
        new int[][] {{X0, Y0}, {X0 + 1, Y0}, {X0 - 1, Y0}, {X0, Y0 + 1}, {X0, Y0 - 1}},
        new double[] {0.6, 0.1, 0.1, 0.1, 0.1}))));
    Floor floor = Floor.of(Map.of("x", 0.01, "y", 0.02));
    List<Law> laws = new ArrayList<>(laws(spec));
    laws.add(law("stays", (f, out) -> out.exact(0, Slots.ALIVE, 1)));
    WorldModel model = new WorldModel(WORLD, laws, new double[] {10, 10}, ModelOptions.defaults(), Floor.of(
        Map.of("x", 0.01, "y", 0.02, "alive", 0.0)));
    Inference inference = model.newInference();
    SplittableRandom random = new SplittableRandom(3);
    Map<List<Integer>, Integer> counts = new java.util.HashMap<>();
    int draws = 20_000;
    for (int k = 0; k < draws; k++) {
      Frame next = inference.sampleNext(start(), 0, random);
      counts.merge(List.of(next.x(0), next.get(0, Slots.Y)), 1, Integer::sum);
    }
    for (int dx = -2; dx <= 2; dx++) {
      for (int dy = -2; dy <= 2; dy++) {
        int[] values = {X0 + dx, Y0 + dy, MOOD0};
        double p = Math.exp(dense(spec, new double[] {10}, floor, values) + Math.log(4)); // summed over the 4 moods
        double seen = counts.getOrDefault(List.of(X0 + dx, Y0 + dy), 0) / (double) draws;
        assertEquals(p, seen, 4 * Math.sqrt(p * (1 - p) / draws) + 1e-4, dx + "," + dy);
      }
    }
    // A diagonal step is only the floor's: (1 - 0.99 * 0.98) / 25 of the draws.
    assertTrue(counts.getOrDefault(List.of(X0 + 1, Y0 + 1), 0) < draws * 0.003, "diagonal steps are floor only");
  }

  // ---- the dense meaning -----------------------------------------------------------------------

  /** log p of the three targets x, y, mood at {@code values} under the dense definition. */
  public static double dense(List<RandomLaw> spec, double[] theta, Floor floor, int[] values) {
    TreeSet<Integer> block = new TreeSet<>();
    for (RandomLaw l : spec) {
      for (Joint j : l.joints()) {
        if (anyPositive(j.weights())) {
          for (int c : j.coords()) {
            block.add(c);
          }
        }
      }
    }
    double total = 0;
    double[] eps = {floor.epsilon("x"), floor.epsilon("y"), floor.epsilon("mood")};
    for (int c = 0; c < 3; c++) {
      if (block.contains(c)) {
        continue;
      }
      List<Integer> support = support(spec, c, false);
      if (!support.contains(values[c])) {
        support.add(values[c]);
      }
      boolean spoke = spoke(spec, c, support);
      double[] logits = new double[support.size()];
      for (int i = 0; i < logits.length; i++) {
        int[] v = values.clone();
        v[c] = support.get(i);
        logits[i] = logit(spec, theta, v, java.util.Set.of(c));
      }
      double lp = spoke ? logits[support.indexOf(values[c])] - logSumExp(logits) : -Math.log(support.size());
      total += spoke ? mix(lp, eps[c], support.size()) : lp;
    }
    if (block.isEmpty()) {
      return total;
    }
    int[] coords = block.stream().mapToInt(Integer::intValue).toArray();
    List<List<Integer>> supports = new ArrayList<>();
    long n = 1;
    double keep = 1;
    for (int c : coords) {
      List<Integer> s = support(spec, c, true);
      if (!s.contains(values[c])) {
        s.add(values[c]);
      }
      supports.add(s);
      n *= s.size();
      keep *= 1 - eps[c];
    }
    List<Double> logits = new ArrayList<>();
    double observed = Double.NaN;
    int[] index = new int[coords.length];
    while (true) {
      int[] v = values.clone();
      boolean isObserved = true;
      for (int i = 0; i < coords.length; i++) {
        v[coords[i]] = supports.get(i).get(index[i]);
        isObserved &= v[coords[i]] == values[coords[i]];
      }
      double a = logit(spec, theta, v, block);
      logits.add(a);
      if (isObserved) {
        observed = a;
      }
      int i = coords.length - 1;
      while (i >= 0 && ++index[i] == supports.get(i).size()) {
        index[i--] = 0;
      }
      if (i < 0) {
        break;
      }
    }
    double lp = observed - logSumExp(logits.stream().mapToDouble(Double::doubleValue).toArray());
    return total + mix(lp, 1 - keep, n);
  }

  /** The most likely values (ties toward the values at t by total distance, then the smaller values). */
  public static int[] denseMode(List<RandomLaw> spec, double[] theta) {
    int[] now = {X0, Y0, MOOD0};
    int[] best = null;
    double bestP = Double.NEGATIVE_INFINITY;
    long bestDistance = Long.MAX_VALUE;
    List<Integer> xs = support(spec, 0, true);
    List<Integer> ys = support(spec, 1, true);
    for (int x : xs) {
      for (int y : ys) {
        for (int m = 0; m <= 3; m++) {
          int[] v = {x, y, m};
          // Every normaliser is a constant: the mode maximises the sum of all factors' logits.
          double p = logit(spec, theta, v, java.util.Set.of(0, 1, 2));
          long distance = Math.abs(x - now[0]) + Math.abs(y - now[1]) + Math.abs(m - now[2]);
          if (p > bestP + 1e-9 || (p > bestP - 1e-9 && (distance < bestDistance
              || (distance == bestDistance && java.util.Arrays.compare(v, best) < 0)))) {
            if (p > bestP + 1e-9) {
              bestP = p;
            }
            best = v;
            bestDistance = distance;
          }
        }
      }
    }
    return best;
  }

  /** Σ_law θ Σ_factor score over the coordinates in {@code scope}. */
  public static double logit(List<RandomLaw> spec, double[] theta, int[] v, java.util.Set<Integer> scope) {
    double a = 0;
    for (int l = 0; l < spec.size(); l++) {
      RandomLaw law = spec.get(l);
      for (int c : scope) {
        double best = Double.NaN;
        for (Single s : law.singles()) {
          if (s.coord() == c) {
            double score = singleScore(s, v[c]);
            best = Double.isNaN(best) ? score : Math.max(best, score);
          }
        }
        if (!Double.isNaN(best)) {
          a += theta[l] * best;
        }
      }
      double best = Double.NaN;
      for (Joint j : law.joints()) {
        if (!anyPositive(j.weights()) || !scope.contains(j.coords()[0])) {
          continue;
        }
        double score = jointScore(j, v);
        best = Double.isNaN(best) ? score : Math.max(best, score);
      }
      if (!Double.isNaN(best)) {
        a += theta[l] * best;
      }
    }
    return a;
  }

  public static double singleScore(Single s, int value) {
    return switch (s.kind()) {
      case 0 -> value == s.lo() ? 0 : -NU;
      case 1 -> value >= s.lo() && value <= s.hi() ? 0 : -NU;
      default -> choiceScore(s.values(), s.weights(), value);
    };
  }

  public static double choiceScore(int[] values, double[] weights, int value) {
    double max = 0;
    for (double w : weights) {
      max = Math.max(max, w);
    }
    double best = -NU;
    for (int i = 0; i < values.length; i++) {
      if (values[i] == value && weights[i] > 0) {
        best = Math.max(best, Math.max(Math.log(weights[i] / max), -NU));
      }
    }
    return best;
  }

  /** A joint choice is one distribution: alternatives with the same values add their weights. */
  public static double jointScore(Joint j, int[] v) {
    Map<List<Integer>, Double> total = new java.util.HashMap<>();
    for (int a = 0; a < j.alternatives().length; a++) {
      if (j.weights()[a] > 0) {
        total.merge(java.util.Arrays.stream(j.alternatives()[a]).boxed().toList(), j.weights()[a], Double::sum);
      }
    }
    double max = total.values().stream().mapToDouble(Double::doubleValue).max().orElse(1);
    List<Integer> at = new ArrayList<>();
    for (int c : j.coords()) {
      at.add(v[c]);
    }
    Double w = total.get(at);
    return w == null ? -NU : Math.max(Math.log(w / max), -NU);
  }

  /** The support of a coordinate: x and y their base plus every value named; mood its range. */
  public static List<Integer> support(List<RandomLaw> spec, int c, boolean withJoint) {
    TreeSet<Integer> values = new TreeSet<>();
    if (c == 2) {
      for (int m = 0; m <= 3; m++) {
        values.add(m);
      }
      return new ArrayList<>(values);
    }
    int now = c == 0 ? X0 : Y0;
    for (int d = -2; d <= 2; d++) {
      values.add(now + d);
    }
    for (RandomLaw l : spec) {
      for (Single s : l.singles()) {
        if (s.coord() == c) {
          switch (s.kind()) {
            case 0 -> values.add(s.lo());
            case 1 -> {
              for (int v = s.lo(); v <= s.hi(); v++) {
                values.add(v);
              }
            }
            default -> {
              for (int i = 0; i < s.values().length; i++) {
                if (s.weights()[i] > 0) {
                  values.add(s.values()[i]);
                }
              }
            }
          }
        }
      }
      if (withJoint) {
        for (Joint j : l.joints()) {
          for (int i = 0; i < j.coords().length; i++) {
            if (j.coords()[i] == c) {
              for (int a = 0; a < j.alternatives().length; a++) {
                if (j.weights()[a] > 0) {
                  values.add(j.alternatives()[a][i]);
                }
              }
            }
          }
        }
      }
    }
    return new ArrayList<>(values);
  }

  public static boolean spoke(List<RandomLaw> spec, int c, List<Integer> support) {
    for (RandomLaw l : spec) {
      for (Single s : l.singles()) {
        if (s.coord() == c) {
          for (int v : support) {
            if (singleScore(s, v) > -NU) {
              return true;
            }
          }
        }
      }
    }
    return false;
  }

  public static double mix(double logPoe, double eps, long n) {
    return Math.log((1 - eps) * Math.exp(logPoe) + eps / n);
  }

  public static double logSumExp(double[] a) {
    double max = Double.NEGATIVE_INFINITY;
    for (double v : a) {
      max = Math.max(max, v);
    }
    double sum = 0;
    for (double v : a) {
      sum += Math.exp(v - max);
    }
    return max + Math.log(sum);
  }

  public static boolean anyPositive(double[] weights) {
    for (double w : weights) {
      if (w > 0) {
        return true;
      }
    }
    return false;
  }

  // ---- random laws -------------------------------------------------------------------------------

  public static Frame start() {
    return Frame.builder(WORLD).add(1, 0, X0, Y0, 1, 1, MOOD0).build();
  }

  public static double[] randomWeights(SplittableRandom random, int n) {
    double[] theta = new double[n];
    for (int i = 0; i < n; i++) {
      theta[i] = random.nextInt(5) == 0 ? 0 : random.nextDouble(0, 3);
    }
    return theta;
  }

  public static List<RandomLaw> randomLaws(SplittableRandom random) {
    List<RandomLaw> laws = new ArrayList<>();
    int n = random.nextInt(1, 5);
    boolean anyJoint = false;
    for (int l = 0; l < n; l++) {
      List<Single> singles = new ArrayList<>();
      for (int k = random.nextInt(0, 3); k > 0; k--) {
        int c = random.nextInt(3);
        int kind = random.nextInt(3);
        int lo = value(random, c);
        if (kind == 2) {
          int m = random.nextInt(1, 4);
          int[] values = new int[m];
          double[] weights = new double[m];
          for (int i = 0; i < m; i++) {
            values[i] = value(random, c);
            weights[i] = random.nextInt(6) == 0 ? 0 : random.nextDouble(0.05, 3);
          }
          singles.add(new Single(c, 2, 0, 0, values, weights));
        } else {
          singles.add(new Single(c, kind, lo, kind == 0 ? lo : lo + random.nextInt(-1, 3), null, null));
        }
      }
      List<Joint> joints = new ArrayList<>();
      for (int k = random.nextInt(anyJoint || l < n - 1 ? 0 : 1, 3); k > 0; k--) {
        anyJoint = true;
        TreeSet<Integer> coords = new TreeSet<>();
        for (int c = 0; c < 3; c++) {
          if (random.nextInt(3) > 0) {
            coords.add(c);
          }
        }
        if (coords.isEmpty()) {
          coords.add(random.nextInt(3));
        }
        int[] cs = coords.stream().mapToInt(Integer::intValue).toArray();
        int m = random.nextInt(1, 5);
        int[][] alternatives = new int[m][cs.length];
        double[] weights = new double[m];
        for (int a = 0; a < m; a++) {
          for (int i = 0; i < cs.length; i++) {
            alternatives[a][i] = random.nextInt(3) == 0 ? (cs[i] == 0 ? X0 : cs[i] == 1 ? Y0 : MOOD0) : value(random, cs[i]);
          }
          weights[a] = random.nextInt(8) == 0 ? 0 : random.nextInt(6) == 0 ? 1e-7 : random.nextDouble(0.05, 3);
        }
        joints.add(new Joint(cs, alternatives, weights));
      }
      laws.add(new RandomLaw(singles, joints));
    }
    return laws;
  }

  /** A value near the coordinate's value at t, sometimes outside the base support or declared range. */
  public static int value(SplittableRandom random, int c) {
    return c == 2 ? random.nextInt(-1, 5) : (c == 0 ? X0 : Y0) + random.nextInt(-4, 5);
  }

  public static List<Law> laws(List<RandomLaw> spec) {
    List<Law> laws = new ArrayList<>();
    for (int l = 0; l < spec.size(); l++) {
      RandomLaw r = spec.get(l);
      laws.add(law("law" + l, (f, out) -> emit(r, out)));
    }
    return laws;
  }

  public static void emit(RandomLaw r, OpinionSink out) {
    for (Single s : r.singles()) {
      int slot = SLOTS[s.coord()];
      switch (s.kind()) {
        case 0 -> out.exact(0, slot, s.lo());
        case 1 -> out.range(0, slot, s.lo(), s.hi());
        default -> {
          out.beginChoice(0, slot);
          for (int i = 0; i < s.values().length; i++) {
            out.choice(s.values()[i], s.weights()[i]);
          }
          out.endChoice();
        }
      }
    }
    for (Joint j : r.joints()) {
      out.beginJoint(0);
      for (int a = 0; a < j.alternatives().length; a++) {
        out.jointAlternative(j.weights()[a]);
        for (int i = 0; i < j.coords().length; i++) {
          out.jointValue(SLOTS[j.coords()[i]], j.alternatives()[a][i]);
        }
      }
      out.endJoint();
    }
  }
}
