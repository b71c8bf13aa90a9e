package dev.nomos.runtime.cluster;

import dev.nomos.runtime.trajectory.Episode;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * A run of consecutive transitions of one episode, named by where it lies in its trajectory file
 * rather than by frames in memory, so that a worker that reads the file finds the same transitions:
 * the frame on line {@code firstLine} of {@code file} and the {@code transitions} after it. A part of
 * an episode (a validation split, a cut to a number of transitions) keeps its history, since the
 * worker reads the whole episode around it.
 *
 * @param file the trajectory file, as a file system URI the workers can read
 * @param firstLine the line of the slice's first frame (1-based)
 * @param transitions how many transitions follow it
 */
public record TransitionSlice(String file, int firstLine, int transitions) implements Serializable {
  private static final long serialVersionUID = 1L;

  /**
   * The slice of an episode read from a file, naming the file by its absolute {@code file:} URI: a
   * cluster whose default file system is another (HDFS) still reads it from the local file system,
   * at the same path on every worker (a shared mount).
   */
  public static TransitionSlice of(Episode episode) {
    if (episode.file() == null) {
      throw new IllegalArgumentException("episode " + episode.number() + " was not read from a file");
    }
    return new TransitionSlice(episode.file().toAbsolutePath().toUri().toString(), episode.lines()[0],
        episode.transitions());
  }

  /** The slices of {@code episodes} in order, or null when one of them was not read from a file. */
  public static List<TransitionSlice> allOf(List<Episode> episodes) {
    List<TransitionSlice> out = new ArrayList<>(episodes.size());
    for (Episode e : episodes) {
      if (e.file() == null || e.frames().isEmpty()) {
        return null;
      }
      out.add(of(e));
    }
    return out;
  }
}
