package dev.nomos.runtime.fit.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BoundedLbfgsTest {
  static final BoundedLbfgs LBFGS = new BoundedLbfgs(10, 1000, 1e-9, 0);

  static double[] filled(int n, double v) {
    double[] a = new double[n];
    Arrays.fill(a, v);
    return a;
  }

  @Test
  void separableQuadraticStopsAtItsActiveBounds() {
    double[] c = {-1, 0.5, 2};
    double[] a = {1, 4, 0.5};
    DifferentiableFunction f = (x, g) -> {
      double v = 0;
      for (int i = 0; i < 3; i++) {
        v += a[i] * (x[i] - c[i]) * (x[i] - c[i]);
        g[i] = 2 * a[i] * (x[i] - c[i]);
      }
      return v;
    };
    BoundedLbfgs.Result r = LBFGS.minimize(f, new double[] {0.7, 0.7, 0.7}, filled(3, 0), filled(3, 1));
    assertArrayEquals(new double[] {0, 0.5, 1}, r.x(), 1e-8);
    assertTrue(r.converged(), r.reason());
  }

  @Test
  void coupledQuadraticWithOneActiveBound() {
    // 0.5 x'Ax - b'x with A = [[2, 1], [1, 2]], b = (-1, 3): unconstrained optimum (-5/3, 7/3);
    // on [0, 10]^2 the optimum is (0, 1.5) (x1's gradient there is 2.5 > 0).
    DifferentiableFunction f = (x, g) -> {
      g[0] = 2 * x[0] + x[1] + 1;
      g[1] = x[0] + 2 * x[1] - 3;
      return 0.5 * (2 * x[0] * x[0] + 2 * x[0] * x[1] + 2 * x[1] * x[1]) + x[0] - 3 * x[1];
    };
    BoundedLbfgs.Result r = LBFGS.minimize(f, new double[] {5, 5}, filled(2, 0), filled(2, 10));
    assertArrayEquals(new double[] {0, 1.5}, r.x(), 1e-7);
    assertEquals(-2.25, r.value(), 1e-10);
  }

  static final DifferentiableFunction ROSENBROCK = (x, g) -> {
    double a = 1 - x[0];
    double b = x[1] - x[0] * x[0];
    g[0] = -2 * a - 400 * x[0] * b;
    g[1] = 200 * b;
    return a * a + 100 * b * b;
  };

  @Test
  void rosenbrockWithItsMinimumInsideTheBox() {
    BoundedLbfgs.Result r = LBFGS.minimize(ROSENBROCK, new double[] {-1.2, 1}, filled(2, -5), filled(2, 5));
    assertArrayEquals(new double[] {1, 1}, r.x(), 1e-5);
  }

  @Test
  void rosenbrockCutOffByTheBox() {
    // With x <= 0.5 the minimum lies on the curve y = x^2 at x = 0.5: (0.5, 0.25), value 0.25.
    BoundedLbfgs.Result r = LBFGS.minimize(ROSENBROCK, new double[] {-1.2, 1}, new double[] {-2, -2},
        new double[] {0.5, 2});
    assertArrayEquals(new double[] {0.5, 0.25}, r.x(), 1e-6);
    assertEquals(0.25, r.value(), 1e-10);
  }

  @Test
  void startOutsideTheBoxIsProjected() {
    DifferentiableFunction f = (x, g) -> {
      g[0] = 2 * (x[0] - 3);
      return (x[0] - 3) * (x[0] - 3);
    };
    BoundedLbfgs.Result r = LBFGS.minimize(f, new double[] {-50}, new double[] {0}, new double[] {2});
    assertEquals(2, r.x()[0], 1e-12);
  }

  @Test
  void randomBoxConstrainedConvexQuadraticsSatisfyKkt() {
    SplittableRandom random = new SplittableRandom(3);
    for (int trial = 0; trial < 20; trial++) {
      int n = 40;
      double[][] m = new double[n][n];
      for (double[] row : m) {
        for (int j = 0; j < n; j++) {
          row[j] = random.nextDouble(-1, 1);
        }
      }
      double[][] a = new double[n][n];
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          double v = i == j ? 0.1 : 0;
          for (int k = 0; k < n; k++) {
            v += m[k][i] * m[k][j];
          }
          a[i][j] = v;
        }
      }
      double[] b = new double[n];
      for (int i = 0; i < n; i++) {
        b[i] = random.nextDouble(-20, 20);
      }
      DifferentiableFunction f = (x, g) -> {
        double v = 0;
        for (int i = 0; i < n; i++) {
          double ax = 0;
          for (int j = 0; j < n; j++) {
            ax += a[i][j] * x[j];
          }
          g[i] = ax - b[i];
          v += 0.5 * x[i] * ax - b[i] * x[i];
        }
        return v;
      };
      double[] lower = filled(n, 0);
      double[] upper = filled(n, 10);
      BoundedLbfgs.Result r = LBFGS.minimize(f, filled(n, 1), lower, upper);
      double[] g = new double[n];
      f.evaluate(r.x(), g);
      assertTrue(BoundedLbfgs.projectedGradientNorm(r.x(), g, lower, upper) < 1e-6,
          "trial " + trial + ": " + r.reason());
      long atBounds = Arrays.stream(r.x()).filter(v -> v == 0 || v == 10).count();
      assertTrue(atBounds > 0, "the test should exercise active bounds");
    }
  }

  @Test
  void isDeterministic() {
    BoundedLbfgs.Result a = LBFGS.minimize(ROSENBROCK, new double[] {-1.2, 1}, new double[] {-2, -2}, new double[] {0.5, 2});
    BoundedLbfgs.Result b = LBFGS.minimize(ROSENBROCK, new double[] {-1.2, 1}, new double[] {-2, -2}, new double[] {0.5, 2});
    assertArrayEquals(a.x(), b.x(), 0);
    assertEquals(a.evaluations(), b.evaluations());
  }
}
