package dev.nomos.runtime.trajectory;

import dev.nomos.runtime.Frame;
import java.nio.file.Path;
import java.util.List;

/**
 * The frames of one recorded episode, each linked to its predecessor for history reads, with the
 * line of the file each came from and the step {@code t} of the first frame (frame k has step
 * {@code firstStep + k}). Transition k goes from {@code frames.get(k)} (whose action is the one
 * taken) to {@code frames.get(k + 1)}.
 */
public record Episode(Path file, int number, List<Frame> frames, int[] lines, int firstStep) {

  public Episode {
    frames = List.copyOf(frames);
    if (lines.length != frames.size()) {
      throw new IllegalArgumentException("one line per frame expected");
    }
  }

  /** An episode whose first frame is step 0. */
  public Episode(Path file, int number, List<Frame> frames, int[] lines) {
    this(file, number, frames, lines, 0);
  }

  /** The index in {@link #frames()} of step {@code t}, or -1 when the episode does not have it. */
  public int indexOfStep(int t) {
    long k = (long) t - firstStep;
    return k >= 0 && k < frames.size() ? (int) k : -1;
  }

  /** Number of transitions (frames - 1, never negative). */
  public int transitions() {
    return Math.max(0, frames.size() - 1);
  }

  /** "file:line" of frame k, for messages that point at the data. */
  public String location(int k) {
    return (file == null ? "<input>" : file.toString()) + ":" + lines[k];
  }
}
