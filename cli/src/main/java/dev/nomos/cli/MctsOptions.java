package dev.nomos.cli;

import dev.nomos.plan.Mcts;
import picocli.CommandLine.Option;

/** The mcts options `plan` and `play` share: how deep and how a simulation looks ahead. */
final class MctsOptions {
  @Option(names = "--horizon", defaultValue = "" + Mcts.Settings.DEFAULT_HORIZON, paramLabel = "H",
      description = "mcts: steps per simulation (default ${DEFAULT-VALUE}).")
  int horizon;

  @Option(names = "--discount", defaultValue = "" + Mcts.Settings.DEFAULT_DISCOUNT, paramLabel = "D",
      description = "mcts: discount of each later step's reward, in (0, 1] (default ${DEFAULT-VALUE}).")
  double discount;

  @Option(names = "--rollout-repeat", defaultValue = "" + Mcts.Settings.DEFAULT_ROLLOUT_REPEAT, paramLabel = "P",
      description = "mcts: probability that a rollout step repeats the previous action instead of drawing one "
          + "uniformly, in [0, 1) (default ${DEFAULT-VALUE}; 0: uniformly random rollouts).")
  double rolloutRepeat;

  @Option(names = "--no-reuse",
      description = "mcts: start every plan from a new tree (by default a plan continues the subtree of the "
          + "outcome the world showed after the previous plan's first action).")
  boolean noReuse;

  /** The settings these options give, with {@code seed}; bad values are usage errors. */
  Mcts.Settings settings(long seed) {
    if (horizon < 1) {
      throw new UserFacingException("--horizon must be at least 1, got " + horizon, ExitCodes.USAGE);
    }
    if (!(discount > 0 && discount <= 1)) {
      throw new UserFacingException("--discount must be in (0, 1], got " + discount, ExitCodes.USAGE);
    }
    if (!(rolloutRepeat >= 0 && rolloutRepeat < 1)) {
      throw new UserFacingException("--rollout-repeat must be in [0, 1), got " + rolloutRepeat, ExitCodes.USAGE);
    }
    return new Mcts.Settings(horizon, discount, Mcts.Settings.defaults().exploration(), seed, rolloutRepeat, !noReuse);
  }
}
