package dev.nomos.runtime.fit.internal;

/** A smooth objective: its value at x, with the gradient written into {@code gradient}. */
@FunctionalInterface
public interface DifferentiableFunction {
  double evaluate(double[] x, double[] gradient);
}
