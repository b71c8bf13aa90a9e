package dev.nomos.learn.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A world name from the names of recording files: the environment's part of the name, without what
 * says which recording of it this is.
 *
 * <p>The file name without {@code .gz}, {@code .jsonl}, {@code .json} is split into words at every
 * character that is not an ASCII letter or digit. Dropped: split words ({@code train}, {@code test},
 * {@code val}, ...), words naming data ({@code data}, {@code trajectories}, {@code rollouts}, ...),
 * seed, level, episode and run markers with or without their number ({@code seed1000}, {@code lvl1},
 * {@code level}, {@code 2}), versions ({@code v0}) and plain numbers. The rest is joined in
 * UpperCamelCase, keeping each word's own capitals: {@code MiniGrid-DoorKey-5x5-v0_seed1000_train}
 * gives {@code MiniGridDoorKey5x5}, {@code zelda_lvl1_train} gives {@code Zelda}. When nothing is
 * left ({@code train.jsonl}), the enclosing directories are tried (two at most), then {@code World}.
 * A name that would start with a digit gets {@code World} in front. With several files, the words
 * all their names start with are kept; when they share none, the first file names the world.
 */
public final class EnvironmentName {
  private static final Set<String> DROPPED = Set.of("train", "training", "test", "testing", "val", "valid",
      "validation", "dev", "eval", "evaluation", "holdout", "heldout", "split", "data", "dataset", "datasets",
      "traj", "trajs", "trajectory", "trajectories", "recording", "recordings", "rollout", "rollouts", "episodes",
      "seed", "seeds", "lvl", "level", "levels", "episode", "ep", "run", "runs", "part", "shard");
  /** A marker with its number, a version, or a plain number. */
  private static final Pattern NUMBERED = Pattern.compile(
      "(?i)(seed|s|lvl|lv|level|episode|ep|run|part|shard|split|v)?\\d+");
  /** How many enclosing directories are tried when the file name leaves nothing. */
  private static final int PARENTS = 2;

  private EnvironmentName() {}

  /** The world name for recordings in these files. */
  public static String of(List<Path> files) {
    List<List<String>> all = new ArrayList<>();
    for (Path f : files) {
      all.add(words(f));
    }
    List<String> common = new ArrayList<>(all.get(0));
    for (List<String> w : all) {
      int n = 0;
      while (n < common.size() && n < w.size() && common.get(n).equalsIgnoreCase(w.get(n))) {
        n++;
      }
      common = new ArrayList<>(common.subList(0, n));
    }
    return join(common.isEmpty() ? all.get(0) : common);
  }

  /** The environment's words of one file's name, or of its directories' when the name has none. */
  static List<String> words(Path file) {
    Path p = file.toAbsolutePath().normalize();
    List<String> w = words(baseName(p.getFileName().toString()));
    for (int up = 0; w.isEmpty() && up < PARENTS && p.getParent() != null && p.getParent().getFileName() != null;
        up++) {
      p = p.getParent();
      w = words(p.getFileName().toString());
    }
    return w;
  }

  private static String baseName(String fileName) {
    return fileName.replaceAll("(?i)\\.gz$", "").replaceAll("(?i)\\.(jsonl|json)$", "");
  }

  private static List<String> words(String name) {
    List<String> out = new ArrayList<>();
    for (String w : name.split("[^A-Za-z0-9]+")) {
      if (!w.isEmpty() && !DROPPED.contains(w.toLowerCase(Locale.ROOT)) && !NUMBERED.matcher(w).matches()) {
        out.add(w);
      }
    }
    return out;
  }

  private static String join(List<String> words) {
    StringBuilder sb = new StringBuilder();
    for (String w : words) {
      sb.append(Character.toUpperCase(w.charAt(0))).append(w.substring(1));
    }
    if (sb.length() == 0) {
      return "World";
    }
    return Character.isDigit(sb.charAt(0)) ? "World" + sb : sb.toString();
  }
}
