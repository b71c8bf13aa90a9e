package dev.nomos.runtime.trajectory;

import dev.nomos.runtime.Frame;
import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The episodes of a trajectory file one at a time, so that a recording far larger than memory can
 * be scored episode by episode ({@link Episodes} reads them all). Ids are tracked where the file has
 * none and records are encoded by a {@link FrameCodec}, as {@link Episodes} does.
 *
 * <pre>{@code
 * try (EpisodeStream in = EpisodeStream.open(path, new FrameCodec(schema))) {
 *   for (Episode e; (e = in.next()) != null; ) { ... }
 * }
 * }</pre>
 */
public final class EpisodeStream implements Closeable {
  private final TrajectoryReader in;
  private final Path file;
  private final FrameCodec codec;
  private final Tracker tracker;
  /** The first record of the next episode, read while finding the end of the last one. */
  private StepRecord pending;
  private int pendingLine;
  private boolean ended;

  private EpisodeStream(TrajectoryReader in, Path file, FrameCodec codec) {
    this.in = in;
    this.file = file;
    this.codec = codec;
    this.tracker = new Tracker(codec.schema().velocityMin(), codec.schema().velocityMax());
  }

  /** Opens a trajectory file (gzip when the name ends in {@code .gz}). */
  public static EpisodeStream open(Path file, FrameCodec codec) throws IOException {
    return new EpisodeStream(TrajectoryReader.open(file), file, codec);
  }

  /** Reads records from a character stream; {@code name} is the file named in messages and locations. */
  public static EpisodeStream of(Reader reader, Path name, FrameCodec codec) {
    return new EpisodeStream(TrajectoryReader.of(reader, name), name, codec);
  }

  /**
   * The next episode in file order, or null at the end of the file.
   *
   * @throws TrajectoryFormatException if a record is malformed or the world refuses it
   */
  public Episode next() throws IOException {
    if (ended && pending == null) {
      return null;
    }
    List<Frame> frames = new ArrayList<>();
    int[] lines = new int[16];
    int episode = -1;
    int firstStep = 0;
    Frame previous = null;
    while (true) {
      StepRecord r;
      int line;
      if (pending != null) {
        r = pending;
        line = pendingLine;
        pending = null;
      } else {
        r = ended ? null : in.read();
        line = in.line();
        if (r == null) {
          ended = true;
          break;
        }
      }
      if (!frames.isEmpty() && r.episode() != episode) {
        pending = r;
        pendingLine = line;
        break;
      }
      if (frames.isEmpty()) {
        firstStep = r.t();
      }
      episode = r.episode();
      StepRecord tracked;
      try {
        tracked = tracker.track(r);
      } catch (IllegalArgumentException limit) {
        throw new TrajectoryFormatException(file, line, "objects", limit.getMessage());
      }
      Frame f = codec.encode(tracked, previous, file, line);
      if (frames.size() == lines.length) {
        lines = Arrays.copyOf(lines, lines.length * 2);
      }
      lines[frames.size()] = line;
      frames.add(f);
      previous = f;
    }
    return frames.isEmpty() ? null : new Episode(file, episode, frames, Arrays.copyOf(lines, frames.size()), firstStep);
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
