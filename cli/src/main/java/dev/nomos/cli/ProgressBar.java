package dev.nomos.cli;

import dev.nomos.runtime.model.ProgressListener;
import java.io.PrintWriter;
import java.util.function.LongSupplier;

/**
 * A one-line progress bar on standard error for work that takes more than a second: it appears only
 * when a terminal is attached ({@code System.console() != null}) and after the first second,
 * redraws at most ten times a second, and erases itself when the work is done.
 */
final class ProgressBar implements ProgressListener, AutoCloseable {
  private static final int WIDTH = 30;
  private static final long DELAY_NANOS = 1_000_000_000L;
  private static final long REDRAW_NANOS = 100_000_000L;

  private final PrintWriter err;
  private final String label;
  private final boolean enabled;
  private final LongSupplier clock;
  private final long start;
  private long lastDraw;
  private boolean drawn;

  private ProgressBar(PrintWriter err, String label, boolean enabled, LongSupplier clock) {
    this.err = err;
    this.label = label;
    this.enabled = enabled;
    this.clock = clock;
    this.start = clock.getAsLong();
  }

  /** A bar for {@code label} ("reading", "fitting", ...) on {@code err}, shown only on a terminal. */
  static ProgressBar on(PrintWriter err, String label) {
    return new ProgressBar(err, label, System.console() != null, System::nanoTime);
  }

  /** A bar that draws even without a terminal (still after the first second). */
  static ProgressBar forced(PrintWriter err, String label) {
    return forced(err, label, System::nanoTime);
  }

  /** A forced bar on a given clock (nanoseconds), for tests. */
  static ProgressBar forced(PrintWriter err, String label, LongSupplier clock) {
    return new ProgressBar(err, label, true, clock);
  }

  @Override
  public void progress(long done, long total) {
    if (!enabled) {
      return;
    }
    long now = clock.getAsLong();
    // A total below 0 is unknown (data streamed from files): the count so far is shown instead.
    boolean finished = total >= 0 && done >= total;
    if (now - start < DELAY_NANOS && !finished) {
      return;
    }
    if (drawn && now - lastDraw < REDRAW_NANOS && !finished) {
      return;
    }
    if (!drawn && finished && now - start < DELAY_NANOS) {
      return; // Finished within the first second: never show a bar.
    }
    lastDraw = now;
    drawn = true;
    err.print("\r" + line(label, done, total));
    err.flush();
  }

  /** The bar's text: {@code label [#####.....]  45% 450/1000}, or {@code label 450 ...} when the total is unknown (below 0). */
  static String line(String label, long done, long total) {
    if (total < 0) {
      return label + " " + done + " ...";
    }
    double fraction = total <= 0 ? 1 : Math.min(1, (double) done / total);
    int filled = (int) Math.round(fraction * WIDTH);
    return label + " [" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] "
        + String.format("%3d%% %d/%d", Math.round(fraction * 100), done, total);
  }

  /** Erases the bar if it was shown. */
  @Override
  public void close() {
    if (drawn) {
      err.print("\r" + " ".repeat(line(label, 0, 0).length() + 24) + "\r");
      err.flush();
      drawn = false;
    }
  }
}
