package dev.nomos.worlds;

import dev.nomos.worlds.internal.GoalSeeking;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** The recording policies: uniform random, a scripted action list, and each world's goal-seeking play. */
public final class Policies {
  private Policies() {}

  /** Uniform over the world's actions, from its own seeded random source. */
  public static Policy random(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    return world -> world.actions().get(random.nextInt(world.actions().size()));
  }

  /**
   * Plays toward the world's goal, taking a uniform random action instead with probability
   * {@code epsilon} (0 to 1), so that a recording also shows what bad moves do.
   *
   * @throws IllegalArgumentException if {@code world} has no goal-seeking play or epsilon is out of range
   */
  public static Policy goal(World world, long seed, double epsilon) {
    if (!(world instanceof GoalSeeking seeking)) {
      throw new IllegalArgumentException("world " + world.name() + " has no goal-seeking policy");
    }
    if (!(epsilon >= 0 && epsilon <= 1)) {
      throw new IllegalArgumentException("epsilon must be between 0 and 1, got " + epsilon);
    }
    SplittableRandom random = new SplittableRandom(seed);
    return w -> {
      if (w != world) {
        throw new IllegalArgumentException("this goal policy plays only the " + world.name() + " instance it was made for");
      }
      if (epsilon > 0 && random.nextDouble() < epsilon) {
        return w.actions().get(random.nextInt(w.actions().size()));
      }
      return seeking.goalAction(random);
    };
  }

  /**
   * The given actions in order; when they run out, starts over if {@code cycle}, else stops the
   * recording (returns null).
   */
  public static Policy scripted(List<String> actions, boolean cycle) {
    if (actions.isEmpty()) {
      throw new IllegalArgumentException("a scripted policy needs at least one action");
    }
    List<String> script = List.copyOf(actions);
    int[] next = {0};
    return world -> {
      if (next[0] == script.size()) {
        if (!cycle) {
          return null;
        }
        next[0] = 0;
      }
      return script.get(next[0]++);
    };
  }

  /**
   * Reads a script: one action per line; blank lines and lines starting with {@code #} are skipped.
   * Every action must be one of {@code world}'s.
   *
   * @throws ScriptFormatException naming the file, line and column of an unknown action
   */
  public static List<String> readScript(Path file, World world) throws IOException, ScriptFormatException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    List<String> actions = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String raw = lines.get(i);
      String action = raw.strip();
      if (action.isEmpty() || action.startsWith("#")) {
        continue;
      }
      if (!world.actions().contains(action)) {
        int column = raw.indexOf(action) + 1;
        throw new ScriptFormatException(file + ":" + (i + 1) + ":" + column + ": unknown action '" + action
            + "' for world " + world.name() + "; its actions are " + String.join(", ", world.actions()));
      }
      actions.add(action);
    }
    if (actions.isEmpty()) {
      throw new ScriptFormatException(file + ":1:1: the script has no actions");
    }
    return actions;
  }

  /** A script file that names an action the world does not have. */
  public static final class ScriptFormatException extends Exception {
    public ScriptFormatException(String message) {
      super(message);
    }
  }
}
