package dev.nomos.runtime.model;

import static dev.nomos.runtime.model.TestLaws.law;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nomos.runtime.EntityType;
import dev.nomos.runtime.Frame;
import dev.nomos.runtime.Law;
import dev.nomos.runtime.Slots;
import dev.nomos.runtime.WorldSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The sparse engine against a dense evaluation of the brief's formula over every value of the
 * support, for random laws mixing exact values, ranges and weighted choices (several per law).
 */
class PoeBruteForceTest {
  static final WorldSchema WORLD = new WorldSchema("W", 100, 100, -3, 3, List.of("NOOP"),
      List.of(new EntityType("Ball", 0, List.of())));
  static final int X0 = 50;

  /** One opinion: a set of (value, relative weight) or a range. */
  record Opinion(int kind, int lo, int hi, int[] values, double[] weights) {}

  @Test
  void sparseLikelihoodEqualsDenseSoftmax() {
    SplittableRandom random = new SplittableRandom(11);
    double nu = 10;
    for (int trial = 0; trial < 300; trial++) {
      int lawCount = random.nextInt(1, 6);
      List<List<Opinion>> opinions = new ArrayList<>();
      List<Law> laws = new ArrayList<>();
      double[] theta = new double[lawCount];
      for (int i = 0; i < lawCount; i++) {
        // Negative weights too: a law that disfavours what it allows follows the same formula.
        theta[i] = random.nextInt(4) == 0 ? 0 : random.nextInt(3) == 0 ? -random.nextDouble(0, 3) : random.nextDouble(0, 3);
        List<Opinion> mine = new ArrayList<>();
        int n = random.nextInt(0, 4);
        for (int k = 0; k < n; k++) {
          int kind = random.nextInt(3);
          if (kind == 0) {
            int v = random.nextInt(42, 59);
            mine.add(new Opinion(0, v, v, null, null));
          } else if (kind == 1) {
            int lo = random.nextInt(42, 59);
            mine.add(new Opinion(1, lo, lo + random.nextInt(-1, 6), null, null));
          } else {
            int m = random.nextInt(1, 4);
            int[] values = new int[m];
            double[] weights = new double[m];
            for (int j = 0; j < m; j++) {
              values[j] = random.nextInt(42, 59);
              weights[j] = random.nextInt(5) == 0 ? 0 : random.nextInt(3) == 0 ? 1e-7 : random.nextDouble(0.1, 5);
            }
            mine.add(new Opinion(2, 0, 0, values, weights));
          }
        }
        opinions.add(mine);
        laws.add(law("law" + i, (f, out) -> {
          for (Opinion o : mine) {
            switch (o.kind()) {
              case 0 -> out.exact(0, Slots.X, o.lo());
              case 1 -> out.range(0, Slots.X, o.lo(), o.hi());
              default -> {
                out.beginChoice(0, Slots.X);
                for (int j = 0; j < o.values().length; j++) {
                  out.choice(o.values()[j], o.weights()[j]);
                }
                out.endChoice();
              }
            }
          }
        }));
      }
      WorldModel model = new WorldModel(WORLD, laws, theta, ModelOptions.defaults(), Floor.none());
      Frame t = Frame.builder(WORLD).add(1, 0, X0, 50, 1, 1).build();
      Inference inference = model.newInference();
      for (int observed = 40; observed <= 60; observed++) {
        Frame next = Frame.builder(WORLD).previous(t).add(1, 0, observed, 50, 1, 1).build();
        double others = -Math.log(2) - Math.log(7);
        double sparse = inference.logLikelihood(t, next) - others;
        assertEquals(dense(opinions, theta, nu, observed), sparse, 1e-9, "trial " + trial + " value " + observed);
      }
    }
  }

  @Test
  void samplesFollowTheDenseDistributionAndTheModeIsAMaximum() {
    SplittableRandom random = new SplittableRandom(5);
    double nu = 1; // A small nu spreads mass over unmentioned values, between the mentioned ones.
    List<List<Opinion>> opinions = List.of(
        List.of(new Opinion(0, 48, 48, null, null), new Opinion(1, 51, 52, null, null)),
        List.of(new Opinion(2, 0, 0, new int[] {50, 52, 55}, new double[] {1, 2, 1})));
    double[] theta = {0.7, 0.4};
    List<Law> laws = new ArrayList<>();
    for (int i = 0; i < opinions.size(); i++) {
      List<Opinion> mine = opinions.get(i);
      laws.add(law("law" + i, (f, out) -> {
        for (Opinion o : mine) {
          if (o.kind() == 0) {
            out.exact(0, Slots.X, o.lo());
          } else if (o.kind() == 1) {
            out.range(0, Slots.X, o.lo(), o.hi());
          } else {
            out.beginChoice(0, Slots.X);
            for (int j = 0; j < o.values().length; j++) {
              out.choice(o.values()[j], o.weights()[j]);
            }
            out.endChoice();
          }
        }
        out.exact(0, Slots.ALIVE, 1);
      }));
    }
    WorldModel model = new WorldModel(WORLD, laws, theta, ModelOptions.defaults().withNu(nu), Floor.none());
    Frame t = Frame.builder(WORLD).add(1, 0, X0, 50, 1, 1).build();
    Inference inference = model.newInference();
    int n = 40000;
    int[] counts = new int[200];
    for (int k = 0; k < n; k++) {
      Frame f = inference.sampleNext(t, -1, random);
      if (f.size() == 1) {
        counts[f.x(0)]++;
      }
    }
    int alive = java.util.Arrays.stream(counts).sum();
    double best = Double.NEGATIVE_INFINITY;
    for (int v = 40; v <= 60; v++) {
      double p = Math.exp(dense(opinions, theta, nu, v));
      boolean inSupport = (v >= X0 - 3 && v <= X0 + 3) || v == 55;
      assertEquals(inSupport ? p : 0, counts[v] / (double) alive, 0.01, "value " + v);
      if (inSupport) {
        best = Math.max(best, dense(opinions, theta, nu, v));
      }
    }
    int mode = inference.mostLikelyNext(t, -1).x(0);
    assertEquals(best, dense(opinions, theta, nu, mode), 1e-12);
  }

  /** log p(observed) by enumerating the support and every law's score of every value. */
  static double dense(List<List<Opinion>> opinions, double[] theta, double nu, int observed) {
    TreeSet<Integer> support = new TreeSet<>();
    for (int v = X0 - 3; v <= X0 + 3; v++) {
      support.add(v);
    }
    for (List<Opinion> law : opinions) {
      for (Opinion o : law) {
        for (int v = -200; v <= 200; v++) {
          if (allows(o, v) > Double.NEGATIVE_INFINITY) {
            support.add(v);
          }
        }
      }
    }
    support.add(observed);
    double[] logits = new double[support.size()];
    int k = 0;
    double observedLogit = 0;
    for (int v : support) {
      double a = 0;
      for (int i = 0; i < opinions.size(); i++) {
        if (opinions.get(i).isEmpty()) {
          continue;
        }
        double best = -nu;
        for (Opinion o : opinions.get(i)) {
          double s = allows(o, v);
          if (s > Double.NEGATIVE_INFINITY) {
            best = Math.max(best, Math.max(s, -nu));
          }
        }
        a += theta[i] * best;
      }
      logits[k++] = a;
      if (v == observed) {
        observedLogit = a;
      }
    }
    double max = Double.NEGATIVE_INFINITY;
    for (double a : logits) {
      max = Math.max(max, a);
    }
    double sum = 0;
    for (double a : logits) {
      sum += Math.exp(a - max);
    }
    return observedLogit - max - Math.log(sum);
  }

  /** The score an opinion gives v (0 or log q - log max q), or -infinity when it does not allow v. */
  static double allows(Opinion o, int v) {
    switch (o.kind()) {
      case 0:
      case 1:
        return v >= o.lo() && v <= o.hi() ? 0 : Double.NEGATIVE_INFINITY;
      default:
        double max = 0;
        for (double w : o.weights()) {
          max = Math.max(max, w);
        }
        double best = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < o.values().length; j++) {
          if (o.values()[j] == v && o.weights()[j] > 0) {
            best = Math.max(best, Math.log(o.weights()[j] / max));
          }
        }
        return best;
    }
  }
}
