package dev.nomos.runtime.trajectory;

import dev.nomos.runtime.WorldSchema;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads trajectory files as episodes of {@link Frame}s for a world: streams the records, tracks ids
 * where the file has none (with the world's velocity range), and encodes every record against the
 * schema with a {@link FrameCodec}. A malformed record stops the read with a
 * {@link TrajectoryFormatException}; what the world does not declare is refused too ({@link
 * ReadMode#STRICT}, the methods that return episodes only, as they have no way to report warnings)
 * or read with warnings ({@link #readAll(List, WorldSchema, ReadMode)}).
 */
public final class Episodes {
  private Episodes() {}

  /** All episodes of one file, in file order, refusing anything the world does not declare. */
  public static List<Episode> read(Path file, WorldSchema schema) throws IOException {
    return read(file, new FrameCodec(schema));
  }

  /**
   * All episodes of one file, in file order, encoded by {@code codec} (whose mode decides what the
   * world does not declare; its {@link FrameCodec#warnings()} collect what it read anyway).
   */
  public static List<Episode> read(Path file, FrameCodec codec) throws IOException {
    List<Episode> episodes = new ArrayList<>();
    try (EpisodeStream in = EpisodeStream.open(file, codec)) {
      for (Episode e; (e = in.next()) != null; ) {
        episodes.add(e);
      }
    }
    return episodes;
  }

  /** The episodes of several files, concatenated in argument order, refusing anything the world does not declare. */
  public static List<Episode> readAll(List<Path> files, WorldSchema schema) throws IOException {
    return readAll(files, schema, ReadMode.STRICT).episodes();
  }

  /**
   * The episodes of several files, concatenated in argument order, read by one codec in
   * {@code mode}; with the warnings of an open read and the codec, which writes frames back.
   */
  public static TrajectoryData readAll(List<Path> files, WorldSchema schema, ReadMode mode) throws IOException {
    FrameCodec codec = new FrameCodec(schema, mode);
    List<Episode> all = new ArrayList<>();
    for (Path f : files) {
      all.addAll(read(f, codec));
    }
    return new TrajectoryData(all, codec.warnings(), codec);
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
