package dev.nomos.runtime.internal;

import java.io.Serializable;
import java.util.Arrays;

/**
 * A sum of doubles without rounding error until it is read (Shewchuk's non-overlapping partials, as
 * in Python's {@code math.fsum}): its value is the exact sum rounded once, so it does not depend on
 * the order of the terms nor on how they were split into sums that were then added. That makes a
 * precompute cut into shards (threads, Spark partitions) give the very same numbers as one pass.
 */
public final class ExactSum implements Serializable {
  private static final long serialVersionUID = 1L;
  private double[] partials = new double[4];
  private int size;

  public void add(double value) {
    double x = value;
    int kept = 0;
    for (int i = 0; i < size; i++) {
      double y = partials[i];
      if (Math.abs(x) < Math.abs(y)) {
        double t = x;
        x = y;
        y = t;
      }
      double hi = x + y;
      double lo = y - (hi - x);
      if (lo != 0) {
        partials[kept++] = lo;
      }
      x = hi;
    }
    if (kept == partials.length) {
      partials = Arrays.copyOf(partials, kept * 2);
    }
    partials[kept++] = x;
    size = kept;
  }

  /** Adds every term of {@code other}. */
  public void add(ExactSum other) {
    for (int i = 0; i < other.size; i++) {
      add(other.partials[i]);
    }
  }

  /** The exact sum, correctly rounded to a double. */
  public double value() {
    if (size == 0) {
      return 0;
    }
    int i = size - 1;
    double hi = partials[i];
    double lo = 0;
    while (i > 0) {
      double x = hi;
      double y = partials[--i];
      hi = x + y;
      double yr = hi - x;
      lo = y - yr;
      if (lo != 0) {
        break;
      }
    }
    // Round half-even across the remaining partials, as fsum does.
    if (i > 0 && ((lo < 0 && partials[i - 1] < 0) || (lo > 0 && partials[i - 1] > 0))) {
      double y = lo * 2;
      double x = hi + y;
      if (y == x - hi) {
        hi = x;
      }
    }
    return hi;
  }
}
