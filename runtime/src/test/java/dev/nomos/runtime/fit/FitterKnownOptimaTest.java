package dev.nomos.runtime.fit;

import static java.lang.Math.log;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nomos.runtime.EntityType;
import dev.nomos.runtime.Frame;
import dev.nomos.runtime.Law;
import dev.nomos.runtime.OpinionSink;
import dev.nomos.runtime.Slots;
import dev.nomos.runtime.WorldSchema;
import dev.nomos.runtime.model.Floor;
import dev.nomos.runtime.model.ModelOptions;
import dev.nomos.runtime.model.WorldModel;
import dev.nomos.runtime.trajectory.Episode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The whole fitting pipeline (precompute, objective, bounded L-BFGS, pruning) against optima worked
 * out by hand. One law says "the ball moves right"; x has the support {4, 5, 6} (the value at t plus
 * the velocity range -1..1), so with weight θ the law's value has probability
 * {@code q = e^(νθ) / (e^(νθ) + 2)}. If a fraction f of the transitions move right, the objective
 * {@code mean LL - λθ} has derivative {@code ν (f - q) - λ}, so the optimum is
 * {@code q* = f - λ/ν}, {@code θ* = ln(2 q* / (1 - q*)) / ν}, clipped to [0, 10]. (ν = 10 unless said.)
 */
class FitterKnownOptimaTest {
  static final WorldSchema WORLD = new WorldSchema("Line", 10, 10, -1, 1, List.of("NOOP"),
      List.of(new EntityType("Ball", 0, List.of())));

  static Law right(String name) {
    return new Law() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public void apply(Frame f, OpinionSink out) {
        for (int b : f.ofType(0)) {
          out.exact(b, Slots.X, f.x(b) + 1);
        }
      }
    };
  }

  /** {@code moved} of {@code total} one-step episodes move the ball right; the others leave it. */
  static List<Episode> data(int moved, int total) {
    List<Episode> episodes = new ArrayList<>();
    for (int e = 0; e < total; e++) {
      Frame t = Frame.builder(WORLD).add(1, 0, 5, 5, 1, 1).action(0).build();
      Frame next = Frame.builder(WORLD).previous(t).add(1, 0, e < moved ? 6 : 5, 5, 1, 1).build();
      episodes.add(new Episode(null, e, List.of(t, next), new int[] {1, 2}));
    }
    return episodes;
  }

  static double optimum(double f, double lambda, double nu) {
    double q = f - lambda / nu;
    return Math.max(0, Math.min(10, log(2 * q / (1 - q)) / nu));
  }

  static double optimum(double f, double lambda) {
    return optimum(f, lambda, 10);
  }

  static FitResult fit(List<Law> laws, double lambda, List<Episode> data) {
    return fit(laws, ModelOptions.defaults().withLambda(lambda), data);
  }

  static FitResult fit(List<Law> laws, ModelOptions options, List<Episode> data) {
    double[] start = new double[laws.size()];
    java.util.Arrays.fill(start, 1);
    // The closed forms are those of the pure product of experts (no floor).
    return new Fitter().fit(new WorldModel(WORLD, laws, start, options, Floor.none()), data);
  }

  @Test
  void interiorOptimum() {
    FitResult r = fit(List.of(right("right")), 0.001, data(9, 10));
    assertEquals(optimum(0.9, 0.001), r.weightOf("right"), 1e-4);
    assertEquals(0.2889, r.weightOf("right"), 1e-3, "the closed form itself, for a reader checking by hand");
    assertTrue(r.converged());
    assertTrue(r.pruned().isEmpty());
  }

  @Test
  void strongerPenaltyMovesTheOptimumDown() {
    FitResult r = fit(List.of(right("right")), 0.5, data(9, 10));
    assertEquals(optimum(0.9, 0.5), r.weightOf("right"), 1e-4);
  }

  @Test
  void aLawRightLessOftenThanChanceEndsAtZeroAndIsPruned() {
    // f = 0.3 < 1/3: even at θ = 0 the law's value is likelier than the data says, so θ* = 0.
    FitResult r = fit(List.of(right("right")), 0.001, data(3, 10));
    assertEquals(0, r.weightOf("right"), 1e-9);
    assertEquals(List.of("right"), r.pruned());
    assertTrue(r.model().laws().isEmpty());
    assertEquals(log(2) + 2 * log(3), r.trainNll(), 1e-9,
        "without the law every target is uniform: log 2 (alive) + log 3 (x) + log 3 (y)");
  }

  @Test
  void theUpperBoundHoldsWhereTheOptimumLiesBeyondIt() {
    // With ν = 0.1 the unconstrained optimum is ln(18) / 0.1 ≈ 28.9; at θ = 10 the gradient still
    // pulls up by 0.1 (0.9 - e / (e + 2)) ≈ 0.03, so the bound must hold it at exactly 10.
    assertTrue(optimum(0.9, 0, 0.1) >= 10);
    FitResult r = fit(List.of(right("right")), ModelOptions.defaults().withNu(0.1).withLambda(0), data(9, 10));
    assertEquals(10, r.weightOf("right"), 1e-9);
    assertTrue(r.converged());
  }

  @Test
  void aLawThatIsAlwaysRightGrowsUntilTheObjectiveIsFlat() {
    // The supremum is at infinity; the fit stops once the law's value has all but probability 1.
    FitResult r = fit(List.of(right("right")), 0, data(10, 10));
    double q = 1 / (1 + 2 * Math.exp(-10 * r.weightOf("right")));
    assertTrue(1 - q < 1e-7, "q = " + q + " at weight " + r.weightOf("right"));
    assertTrue(r.converged());
  }

  @Test
  void redundantCopiesShareTheOptimum() {
    // Two identical laws: only the sum of their weights matters, and the L1 penalty is on the sum too.
    FitResult r = fit(List.of(right("a"), right("b")), 0.001, data(9, 10));
    assertEquals(optimum(0.9, 0.001), r.weightOf("a") + r.weightOf("b"), 1e-4);
    assertFalse(r.weightOf("a") < 0 || r.weightOf("b") < 0);
  }
}
