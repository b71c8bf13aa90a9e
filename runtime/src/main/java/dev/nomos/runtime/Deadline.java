package dev.nomos.runtime;

import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * A point in time after which long work should stop and return what it has. The clock is a
 * nanosecond counter ({@link System#nanoTime} unless a test injects another), so a deadline is
 * immune to changes of the wall clock.
 *
 * <pre>{@code
 * Deadline d = Deadline.in(Duration.ofSeconds(60));
 * while (!d.passed()) { ... }
 * }</pre>
 */
public final class Deadline {
  private static final Deadline NONE = new Deadline(System::nanoTime, Long.MAX_VALUE);

  private final LongSupplier clock;
  /** The clock reading at which the deadline passes, or {@link Long#MAX_VALUE} for none. */
  private final long at;

  private Deadline(LongSupplier clock, long at) {
    this.clock = clock;
    this.at = at;
  }

  /** A deadline that never passes. */
  public static Deadline none() {
    return NONE;
  }

  /** The deadline {@code budget} from now. */
  public static Deadline in(Duration budget) {
    return in(budget, System::nanoTime);
  }

  /** The deadline {@code budget} from now on {@code clock} (nanoseconds). */
  public static Deadline in(Duration budget, LongSupplier clock) {
    Objects.requireNonNull(clock, "clock");
    long now = clock.getAsLong();
    long nanos = budget.isNegative() ? 0 : saturatedNanos(budget);
    return new Deadline(clock, nanos >= Long.MAX_VALUE - Math.max(0, now) ? Long.MAX_VALUE : now + nanos);
  }

  public boolean isNone() {
    return at == Long.MAX_VALUE;
  }

  public boolean passed() {
    return !isNone() && clock.getAsLong() >= at;
  }

  /** Seconds left (0 once passed; infinite for none). */
  public double remainingSeconds() {
    return isNone() ? Double.POSITIVE_INFINITY : Math.max(0, at - clock.getAsLong()) / 1e9;
  }

  /** Whether {@code seconds} of work started now would end after the deadline. */
  public boolean wouldPass(double seconds) {
    return seconds > remainingSeconds();
  }

  /** The earlier of this deadline and one {@code budget} from now, on the same clock. */
  public Deadline within(Duration budget) {
    Deadline other = in(budget, clock);
    return other.at < at ? other : this;
  }

  private static long saturatedNanos(Duration d) {
    try {
      return d.toNanos();
    } catch (ArithmeticException e) {
      return Long.MAX_VALUE;
    }
  }
}
