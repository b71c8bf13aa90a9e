package dev.nomos.plan;

import dev.nomos.runtime.Frame;
import java.util.SplittableRandom;

/**
 * The baseline: one uniformly random action per call, with no prediction (so nothing to validate).
 * Not a planner in any sense but the harness's: it lets {@code nomos play --policy random} run the
 * same loop.
 */
public final class RandomPolicy implements Planner {
  private final int actions;
  private final SplittableRandom random;

  public RandomPolicy(int actions, long seed) {
    this.actions = actions;
    this.random = new SplittableRandom(seed);
  }

  @Override
  public Plan plan(Frame start, SearchLimits limits) {
    return new Plan(Plan.Status.BEST_EFFORT, new int[] {random.nextInt(actions)}, java.util.List.of(), 0, 0,
        new SearchStats(0, 0, 0, 0));
  }

  @Override
  public String name() {
    return "random";
  }
}
