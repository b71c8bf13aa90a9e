package dev.nomos.cli;

import dev.nomos.runtime.WorldSchema;
import dev.nomos.runtime.trajectory.Episode;
import dev.nomos.runtime.trajectory.EpisodeSource;
import dev.nomos.runtime.trajectory.EpisodeStream;
import dev.nomos.runtime.trajectory.FrameCodec;
import dev.nomos.runtime.trajectory.ReadMode;
import dev.nomos.runtime.trajectory.ReadWarning;
import dev.nomos.runtime.trajectory.TrajectoryFormatException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * The episodes of the {@code --data} files read one at a time, for the commands that go over the
 * data once (fit, eval): memory holds the episodes being scored, not the recording. Read errors
 * come out as the same one-line messages {@link ModelInput#readData} gives.
 */
final class StreamedData implements EpisodeSource {
  private final List<Path> files;
  private final FrameCodec codec;
  private int fileIndex = -1;
  private EpisodeStream current;
  private long records;
  private long episodes;
  private long transitions;

  StreamedData(List<Path> files, WorldSchema schema, boolean strict) {
    this.files = files;
    this.codec = new FrameCodec(schema, strict ? ReadMode.STRICT : ReadMode.OPEN);
  }

  @Override
  public Episode next() {
    while (true) {
      if (current == null) {
        if (++fileIndex >= files.size()) {
          return null;
        }
        Path file = files.get(fileIndex);
        try {
          current = EpisodeStream.open(file, codec);
        } catch (IOException e) {
          throw new UserFacingException("cannot read " + file + ": " + ModelInput.reason(e, file));
        }
      }
      Path file = files.get(fileIndex);
      Episode e;
      try {
        e = current.next();
        if (e == null) {
          current.close();
          current = null;
          continue;
        }
      } catch (TrajectoryFormatException ex) {
        close();
        throw new UserFacingException(ex.getMessage());
      } catch (IOException ex) {
        close();
        throw new UserFacingException("cannot read " + file + ": " + ModelInput.reason(ex, file));
      }
      records += e.frames().size();
      episodes++;
      transitions += e.transitions();
      return e;
    }
  }

  /** Prints the warnings of an open read, one line each (after the read, as {@link ModelInput#readData} does). */
  void printWarnings(PrintWriter err) {
    for (ReadWarning w : codec.warnings()) {
      err.println(w.message());
    }
    err.flush();
  }

  /** Refuses data that held no transition, once it has all been read. */
  void requireTransitions() {
    if (transitions > 0) {
      return;
    }
    throw new UserFacingException("no transitions in " + String.join(", ", files.stream().map(Path::toString).toList())
        + ": " + records + (records == 1 ? " record" : " records") + " in " + episodes
        + (episodes == 1 ? " episode" : " episodes") + "; a transition needs two consecutive records of one episode");
  }

  private void close() {
    if (current != null) {
      try {
        current.close();
      } catch (IOException ignored) {
        // The read already failed; that failure is the one reported.
      }
      current = null;
    }
  }
}
