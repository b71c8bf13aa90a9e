package dev.nomos.runtime.trajectory;

import dev.nomos.runtime.Frame;
import dev.nomos.runtime.WorldSchema;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads trajectory files as episodes of {@link Frame}s for a world: streams the records, tracks ids
 * where the file has none (with the world's velocity range), and encodes every record against the
 * schema. Any bad record stops the read with a {@link TrajectoryFormatException}.
 */
public final class Episodes {
  private Episodes() {}

  /** All episodes of one file, in file order. */
  public static List<Episode> read(Path file, WorldSchema schema) throws IOException {
    FrameCodec codec = new FrameCodec(schema);
    Tracker tracker = new Tracker(schema.velocityMin(), schema.velocityMax());
    List<Episode> episodes = new ArrayList<>();
    try (TrajectoryReader in = TrajectoryReader.open(file)) {
      List<Frame> frames = new ArrayList<>();
      int[] lines = new int[16];
      int episode = -1;
      int firstStep = 0;
      Frame previous = null;
      for (StepRecord r; (r = in.read()) != null; ) {
        if (r.episode() != episode && !frames.isEmpty()) {
          episodes.add(new Episode(file, episode, frames, Arrays.copyOf(lines, frames.size()), firstStep));
          frames.clear();
          previous = null;
        }
        if (frames.isEmpty()) {
          firstStep = r.t();
        }
        episode = r.episode();
        Frame f = codec.encode(tracker.track(r), previous, file, in.line());
        if (frames.size() == lines.length) {
          lines = Arrays.copyOf(lines, lines.length * 2);
        }
        lines[frames.size()] = in.line();
        frames.add(f);
        previous = f;
      }
      if (!frames.isEmpty()) {
        episodes.add(new Episode(file, episode, frames, Arrays.copyOf(lines, frames.size()), firstStep));
      }
    }
    return episodes;
  }

  /** The episodes of several files, concatenated in argument order. */
  public static List<Episode> readAll(List<Path> files, WorldSchema schema) throws IOException {
    List<Episode> all = new ArrayList<>();
    for (Path f : files) {
      all.addAll(read(f, schema));
    }
    return all;
  }

  /** Total number of transitions. */
  public static int transitions(List<Episode> episodes) {
    int n = 0;
    for (Episode e : episodes) {
      n += e.transitions();
    }
    return n;
  }
}
