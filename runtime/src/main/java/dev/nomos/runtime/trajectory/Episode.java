package dev.nomos.runtime.trajectory;

import dev.nomos.runtime.Frame;
import java.nio.file.Path;
import java.util.List;

/**
 * The frames of one recorded episode, each linked to its predecessor for history reads, with the
 * line of the file each came from. Transition k goes from {@code frames.get(k)} (whose action is the
 * one taken) to {@code frames.get(k + 1)}.
 */
public record Episode(Path file, int number, List<Frame> frames, int[] lines) {

  public Episode {
    frames = List.copyOf(frames);
    if (lines.length != frames.size()) {
      throw new IllegalArgumentException("one line per frame expected");
    }
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
