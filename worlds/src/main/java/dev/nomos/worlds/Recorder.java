package dev.nomos.worlds;

import dev.nomos.runtime.trajectory.ObjectState;
import dev.nomos.runtime.trajectory.StepRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Runs a world under a policy and emits trajectory records (JSON Lines v1): record t of an episode
 * holds the objects at step t, the action taken at t and the reward it earned; the episode's final
 * record has no action and {@code done} true, and {@code truncated} true too when the game did not
 * end there (its step limit, the requested number of transitions or the policy stopped it).
 * Episodes restart until the requested number of transitions is recorded; the last episode is cut
 * there.
 *
 * <p>Each episode's seed (and level, unless fixed) is drawn from one random source seeded with the
 * recording's seed, so a recording is reproducible from (world, level, policy, steps, seed).
 */
public final class Recorder {
  /** Pass as the level to draw each episode's level at random. */
  public static final int ANY_LEVEL = -1;

  /** Receives records in order. */
  @FunctionalInterface
  public interface RecordSink {
    void accept(StepRecord record) throws IOException;
  }

  /** What a recording produced. */
  public record Summary(int transitions, int records, int episodes) {}

  private Recorder() {}

  /**
   * Records up to {@code transitions} transitions; fewer if the policy stops (returns null).
   *
   * @param level a level of the world, or {@link #ANY_LEVEL}
   */
  public static Summary record(World world, Policy policy, int transitions, long seed, int level, RecordSink sink)
      throws IOException {
    if (transitions < 1) {
      throw new IllegalArgumentException("the number of steps must be at least 1, got " + transitions);
    }
    if (level != ANY_LEVEL && (level < 0 || level >= world.levelCount())) {
      throw new IllegalArgumentException(world.name() + " has levels 0 to " + (world.levelCount() - 1) + ", got " + level);
    }
    SplittableRandom episodes = new SplittableRandom(seed);
    int recorded = 0;
    int records = 0;
    int episode = 0;
    boolean stopped = false;
    while (recorded < transitions && !stopped) {
      int episodeLevel = level == ANY_LEVEL ? episodes.nextInt(world.levelCount()) : level;
      world.reset(episodes.nextLong(), episodeLevel);
      while (true) {
        List<ObjectState> objects = world.objects();
        int t = world.t();
        String action = world.done() || recorded >= transitions ? null : policy.act(world);
        if (action == null) {
          // A game that ended is terminated; a step limit, the transition budget or a policy that stops is a cut.
          boolean cut = !world.done() || world.truncated();
          sink.accept(new StepRecord(episode, t, null, 0, true, cut, objects));
          records++;
          stopped = !world.done() && recorded < transitions;
          break;
        }
        double reward = world.step(action);
        sink.accept(new StepRecord(episode, t, action, reward, false, objects));
        records++;
        recorded++;
      }
      episode++;
    }
    return new Summary(recorded, records, episode);
  }

  /** Records into a list (for tests and small in-memory datasets). */
  public static List<StepRecord> record(World world, Policy policy, int transitions, long seed, int level) {
    List<StepRecord> out = new ArrayList<>();
    try {
      record(world, policy, transitions, seed, level, out::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
