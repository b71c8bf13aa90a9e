package dev.nomos.worlds.internal;

import dev.nomos.worlds.World;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The bookkeeping every built-in world shares: action validation, the step counter, the episode's
 * step limit and the episode's seeded random source.
 */
public abstract class BaseWorld implements World {
  private final String name;
  private final List<String> actions;
  private int t;
  private boolean done;
  private boolean finished;
  private boolean started;
  /** The episode's random source, reseeded by every reset. */
  protected SplittableRandom random = new SplittableRandom(0);

  protected BaseWorld(String name, List<String> actions) {
    this.name = name;
    this.actions = List.copyOf(actions);
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final List<String> actions() {
    return actions;
  }

  @Override
  public final void reset(long seed, int level) {
    if (level < 0 || level >= levelCount()) {
      throw new IllegalArgumentException(
          name + " has levels 0 to " + (levelCount() - 1) + ", got level " + level);
    }
    random = new SplittableRandom(seed);
    t = 0;
    done = false;
    finished = false;
    started = true;
    start(level);
  }

  @Override
  public final double step(String action) {
    if (!started) {
      throw new IllegalStateException(name + ": reset the world before stepping it");
    }
    if (done) {
      throw new IllegalStateException(name + ": the episode is over; reset the world");
    }
    int a = actions.indexOf(action);
    if (a < 0) {
      throw new IllegalArgumentException(name + " has no action '" + action + "'; its actions are " + actions);
    }
    double reward = advance(action);
    t++;
    if (t >= maxSteps()) {
      done = true;
    }
    return reward;
  }

  @Override
  public final int t() {
    return t;
  }

  @Override
  public final boolean done() {
    return done;
  }

  @Override
  public final boolean truncated() {
    return done && !finished;
  }

  /** Ends the episode after the current step (a win or a loss). */
  protected final void finish() {
    done = true;
    finished = true;
  }

  /** Sets up step 0 of an episode on {@code level}; {@link #random} is already seeded. */
  protected abstract void start(int level);

  /** Applies a valid action and moves the world one step; returns the reward. */
  protected abstract double advance(String action);

  /** The episode's step limit. */
  protected abstract int maxSteps();

  protected static int clamp(int v, int lo, int hi) {
    return Math.max(lo, Math.min(hi, v));
  }
}
