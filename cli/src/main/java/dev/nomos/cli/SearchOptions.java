package dev.nomos.cli;

import dev.nomos.plan.CautiousTransitions;
import dev.nomos.plan.SearchLimits;
import dev.nomos.plan.TimeMeasure;
import dev.nomos.plan.TransitionModel;
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

  @Option(names = "--min-step-probability", defaultValue = "0", paramLabel = "P",
      description = "astar and bfs: take only steps whose most likely next frame the model gives at least "
          + "probability P (0 to 1), so that a plan does not rest on a step the model is unsure of (where its laws "
          + "disagree); 0 takes every step (default ${DEFAULT-VALUE}).")
  double minStepProbability;

  /** {@code model} as the searches should see it: wary of unsure steps when --min-step-probability asks. */
  TransitionModel cautious(TransitionModel model) {
    if (!(minStepProbability >= 0 && minStepProbability <= 1)) {
      throw new UserFacingException("--min-step-probability must be between 0 and 1, got " + minStepProbability,
          ExitCodes.USAGE);
    }
    return minStepProbability > 0 ? new CautiousTransitions(model, minStepProbability) : model;
  }

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
