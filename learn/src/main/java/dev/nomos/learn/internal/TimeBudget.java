package dev.nomos.learn.internal;

import dev.nomos.runtime.Deadline;
import dev.nomos.runtime.model.ProgressListener;
import java.time.Duration;
import java.util.Objects;

/**
 * How the learner spends its wall-clock budget ({@code --max-time}). Everything must end by the
 * overall deadline, including what comes after the loop (refitting the chosen model on all the
 * training data and evaluating it), so an estimate of that finishing work is kept in reserve and
 * the runs of the loop share what is left. Estimates come from what the same work cost earlier in
 * the run; long phases are cut short through {@link #cancelling(Deadline)}. Runs of model
 * selection may work at the same time on several threads, so the estimates are kept under this
 * object's lock.
 */
public final class TimeBudget {
  private final Deadline overall;
  private double reserveSeconds;
  private double costCorrection = 1;

  /** Thrown out of a long phase by a {@link #cancelling} listener once its deadline has passed. */
  public static final class OutOfTime extends RuntimeException {
    public OutOfTime() {
      super("out of time", null, false, false);
    }
  }

  public TimeBudget(Deadline overall) {
    this.overall = Objects.requireNonNull(overall, "overall");
  }

  public Deadline overall() {
    return overall;
  }

  /** How much the candidates' checks misjudge the precompute, as the last run measured it. */
  public synchronized double costCorrection() {
    return costCorrection;
  }

  public synchronized void costCorrection(double measured) {
    costCorrection = measured;
  }

  /** Seconds kept back for the work after the loop. */
  public synchronized double reserveSeconds() {
    return reserveSeconds;
  }

  /** Sets the estimate of the work after the loop (the largest estimate seen so far wins). */
  public synchronized void reserve(double seconds) {
    if (seconds > reserveSeconds) {
      reserveSeconds = seconds;
    }
  }

  /**
   * The deadline of the next run when {@code runsLeft} runs (this one included) still share the
   * time before the overall deadline less the reserve, one after another: an equal share of what
   * is left, so time a run did not use goes to the later ones.
   */
  public Deadline nextRun(int runsLeft) {
    return nextRun(0, runsLeft, 1);
  }

  /**
   * The deadline of run {@code run} (from 0) of {@code runs} done {@code concurrent} at a time,
   * started now: the runs go in waves of {@code concurrent}, and this run's wave shares what is
   * left with the waves after it. One at a time, that is {@link #nextRun(int)} of the runs left.
   */
  public synchronized Deadline nextRun(int run, int runs, int concurrent) {
    if (overall.isNone()) {
      return overall;
    }
    int waves = (runs + concurrent - 1) / concurrent;
    int wavesLeft = Math.max(1, waves - run / concurrent);
    double share = Math.max(0, overall.remainingSeconds() - reserveSeconds) / wavesLeft;
    return overall.within(Duration.ofNanos((long) (share * 1e9)));
  }

  /**
   * The deadline of work that must not eat into the reserve: a run's share is what its rounds aim
   * at, but a round already fitting may run on to this (what it takes is then missing from the
   * runs after it, whose shares are worked out from what is left).
   */
  public synchronized Deadline beforeReserve() {
    if (overall.isNone()) {
      return overall;
    }
    return overall.within(Duration.ofNanos((long) (Math.max(0, overall.remainingSeconds() - reserveSeconds) * 1e9)));
  }

  /** A progress listener that ends the phase it watches with {@link OutOfTime} once {@code d} passes. */
  public static ProgressListener cancelling(Deadline d) {
    if (d.isNone()) {
      return ProgressListener.NONE;
    }
    return (done, total) -> {
      if (d.passed()) {
        throw new OutOfTime();
      }
    };
  }
}
