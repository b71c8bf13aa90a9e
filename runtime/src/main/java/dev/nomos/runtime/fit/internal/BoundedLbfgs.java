package dev.nomos.runtime.fit.internal;

import java.util.function.BooleanSupplier;


/**
 * Minimises a smooth function over a box {@code lower <= x <= upper} with a projected limited-memory
 * BFGS method (the active-set variant of L-BFGS-B): variables at a bound whose gradient points out
 * of the box are held fixed; the L-BFGS two-loop recursion gives a direction in the others; a
 * backtracking Armijo search runs along the projected path {@code P(x + step d)}. When the
 * quasi-Newton direction fails to descend, the memory is dropped and the projected steepest-descent
 * direction is used instead. Deterministic: no randomness, fixed evaluation order.
 *
 * <p>Stops when the projected gradient's largest component is at most {@code gradientTolerance},
 * when the value decreases by less than {@code relativeTolerance} (relative) for two iterations in a
 * row, when no step decreases the value, after {@code maxIterations}, or when asked to stop.
 */
public final class BoundedLbfgs {
  private static final double ARMIJO = 1e-4;
  private static final int MAX_BACKTRACKS = 40;

  private final int memory;
  private final int maxIterations;
  private final double gradientTolerance;
  private final double relativeTolerance;

  /** The outcome: the minimiser found, its value, and why the search stopped. */
  public record Result(double[] x, double value, int iterations, int evaluations, boolean converged, String reason) {}

  public BoundedLbfgs(int memory, int maxIterations, double gradientTolerance, double relativeTolerance) {
    if (memory < 1 || maxIterations < 0) {
      throw new IllegalArgumentException("memory must be >= 1 and maxIterations >= 0");
    }
    this.memory = memory;
    this.maxIterations = maxIterations;
    this.gradientTolerance = gradientTolerance;
    this.relativeTolerance = relativeTolerance;
  }

  public static BoundedLbfgs defaults() {
    return new BoundedLbfgs(10, 500, 1e-6, 1e-10);
  }

  public Result minimize(DifferentiableFunction f, double[] start, double[] lower, double[] upper) {
    return minimize(f, start, lower, upper, () -> false);
  }

  /**
   * As {@link #minimize(DifferentiableFunction, double[], double[], double[])}, and also stops,
   * returning the best point so far (every accepted step decreases the value), once {@code stop}
   * says so; it is asked before each iteration.
   */
  public Result minimize(DifferentiableFunction f, double[] start, double[] lower, double[] upper,
      BooleanSupplier stop) {
    int n = start.length;
    if (lower.length != n || upper.length != n) {
      throw new IllegalArgumentException("bounds must have the dimension of the start point");
    }
    for (int i = 0; i < n; i++) {
      if (!(lower[i] <= upper[i])) {
        throw new IllegalArgumentException("empty box in dimension " + i + ": " + lower[i] + " > " + upper[i]);
      }
    }
    double[] x = project(start.clone(), lower, upper);
    double[] g = new double[n];
    double fx = f.evaluate(x, g);
    int evaluations = 1;
    double[][] s = new double[memory][n];
    double[][] y = new double[memory][n];
    double[] rho = new double[memory];
    int stored = 0;
    int newest = -1;
    double[] d = new double[n];
    double[] alpha = new double[memory];
    double[] xNew = new double[n];
    double[] gNew = new double[n];
    boolean[] free = new boolean[n];
    int smallDecreases = 0;
    int iteration = 0;
    while (true) {
      if (projectedGradientNorm(x, g, lower, upper) <= gradientTolerance) {
        return new Result(x, fx, iteration, evaluations, true, "projected gradient below tolerance");
      }
      if (iteration >= maxIterations) {
        return new Result(x, fx, iteration, evaluations, false, "iteration limit reached");
      }
      if (stop.getAsBoolean()) {
        return new Result(x, fx, iteration, evaluations, false, "stopped early");
      }
      iteration++;
      for (int i = 0; i < n; i++) {
        free[i] = !((x[i] <= lower[i] && g[i] > 0) || (x[i] >= upper[i] && g[i] < 0));
      }
      direction(g, free, s, y, rho, stored, newest, alpha, d);
      double slope = dot(g, d);
      if (!(slope < 0)) {
        stored = 0;
        steepest(g, free, d);
        slope = dot(g, d);
      }
      // First step of a fresh memory: keep it within a unit move.
      double step = stored == 0 ? Math.min(1.0, 1.0 / Math.max(1e-300, normInf(d))) : 1.0;
      boolean accepted = false;
      double fNew = fx;
      for (int back = 0; back < MAX_BACKTRACKS; back++) {
        boolean moved = false;
        double decrease = 0;
        for (int i = 0; i < n; i++) {
          xNew[i] = Math.min(upper[i], Math.max(lower[i], x[i] + step * d[i]));
          moved |= xNew[i] != x[i];
          decrease += g[i] * (xNew[i] - x[i]);
        }
        if (!moved) {
          break;
        }
        fNew = f.evaluate(xNew, gNew);
        evaluations++;
        if (fNew <= fx + ARMIJO * decrease) {
          accepted = true;
          break;
        }
        step *= 0.5;
      }
      if (!accepted) {
        if (stored > 0) {
          stored = 0; // Retry from the same point with steepest descent.
          continue;
        }
        return new Result(x, fx, iteration, evaluations, true, "no further decrease possible");
      }
      int slot = (newest + 1) % memory;
      double sy = 0;
      double ss = 0;
      for (int i = 0; i < n; i++) {
        s[slot][i] = xNew[i] - x[i];
        y[slot][i] = gNew[i] - g[i];
        sy += s[slot][i] * y[slot][i];
        ss += s[slot][i] * s[slot][i];
      }
      if (sy > 1e-12 * ss) {
        rho[slot] = 1.0 / sy;
        newest = slot;
        stored = Math.min(stored + 1, memory);
      }
      double previous = fx;
      System.arraycopy(xNew, 0, x, 0, n);
      System.arraycopy(gNew, 0, g, 0, n);
      fx = fNew;
      if (previous - fx <= relativeTolerance * Math.max(1.0, Math.max(Math.abs(previous), Math.abs(fx)))) {
        if (++smallDecreases >= 2) {
          return new Result(x, fx, iteration, evaluations, true, "relative decrease below tolerance");
        }
      } else {
        smallDecreases = 0;
      }
    }
  }

  /** Two-loop recursion on the free variables: d = -H g restricted to the free set. */
  private static void direction(double[] g, boolean[] free, double[][] s, double[][] y, double[] rho, int stored,
      int newest, double[] alpha, double[] d) {
    int n = g.length;
    int memory = rho.length;
    for (int i = 0; i < n; i++) {
      d[i] = free[i] ? g[i] : 0;
    }
    if (stored == 0) {
      for (int i = 0; i < n; i++) {
        d[i] = -d[i];
      }
      return;
    }
    for (int k = 0; k < stored; k++) {
      int j = Math.floorMod(newest - k, memory);
      double a = rho[j] * maskedDot(s[j], d, free);
      alpha[j] = a;
      for (int i = 0; i < n; i++) {
        if (free[i]) {
          d[i] -= a * y[j][i];
        }
      }
    }
    double gamma = dot(s[newest], y[newest]) / Math.max(1e-300, dot(y[newest], y[newest]));
    for (int i = 0; i < n; i++) {
      d[i] *= gamma;
    }
    for (int k = stored - 1; k >= 0; k--) {
      int j = Math.floorMod(newest - k, memory);
      double b = rho[j] * maskedDot(y[j], d, free);
      for (int i = 0; i < n; i++) {
        if (free[i]) {
          d[i] += s[j][i] * (alpha[j] - b);
        }
      }
    }
    for (int i = 0; i < n; i++) {
      d[i] = free[i] ? -d[i] : 0;
    }
  }

  private static void steepest(double[] g, boolean[] free, double[] d) {
    for (int i = 0; i < g.length; i++) {
      d[i] = free[i] ? -g[i] : 0;
    }
  }

  /** Largest component of P(x - g) - x: zero exactly at a point satisfying the box KKT conditions. */
  public static double projectedGradientNorm(double[] x, double[] g, double[] lower, double[] upper) {
    double norm = 0;
    for (int i = 0; i < x.length; i++) {
      double moved = Math.min(upper[i], Math.max(lower[i], x[i] - g[i])) - x[i];
      norm = Math.max(norm, Math.abs(moved));
    }
    return norm;
  }

  private static double[] project(double[] x, double[] lower, double[] upper) {
    for (int i = 0; i < x.length; i++) {
      x[i] = Math.min(upper[i], Math.max(lower[i], x[i]));
    }
    return x;
  }

  private static double dot(double[] a, double[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += a[i] * b[i];
    }
    return sum;
  }

  private static double maskedDot(double[] a, double[] b, boolean[] free) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      if (free[i]) {
        sum += a[i] * b[i];
      }
    }
    return sum;
  }

  private static double normInf(double[] a) {
    double m = 0;
    for (double v : a) {
      m = Math.max(m, Math.abs(v));
    }
    return m;
  }

  @Override
  public String toString() {
    return "BoundedLbfgs(m=" + memory + ", maxIterations=" + maxIterations + ", gtol=" + gradientTolerance
        + ", ftol=" + relativeTolerance + ")";
  }
}
