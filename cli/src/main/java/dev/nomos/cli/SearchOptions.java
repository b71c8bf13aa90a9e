package dev.nomos.cli;

import dev.nomos.plan.SearchLimits;
import dev.nomos.plan.TimeMeasure;
import java.time.Duration;
import picocli.CommandLine.Option;

/** The search options `plan` and `play` share: how A* searches, and what the time limit counts. */
final class SearchOptions {
  @Option(names = "--no-macro", description = Planning.NO_MACRO_HELP)
  boolean noMacro;

  @Option(names = "--no-solo", description = Planning.NO_SOLO_HELP)
  boolean noSolo;

  @Option(names = "--wall-clock",
      description = "Count --max-seconds in elapsed time (default: the planning thread's CPU time, which a loaded "
          + "machine does not shrink).")
  boolean wallClock;

  Planning.AstarOptions astar() {
    return new Planning.AstarOptions(noMacro, noSolo);
  }

  TimeMeasure measure() {
    return wallClock ? TimeMeasure.WALL : TimeMeasure.THREAD_CPU;
  }

  /** {@code limits} measured as these options say. */
  SearchLimits measured(SearchLimits limits) {
    return new SearchLimits(limits.maxNodes(), limits.maxTime(), measure());
  }

  static Duration seconds(double s) {
    return Duration.ofNanos((long) (s * 1e9));
  }
}
