package dev.nomos.cli;

import dev.nomos.runtime.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Output files of the commands: written atomically ({@link AtomicFiles}), with missing parent
 * directories created (as users expect of {@code -o runs/today/d.jsonl}), and every way an output
 * cannot be written turned into one clear line.
 */
final class OutputFiles {
  private OutputFiles() {}

  static void writeString(Path file, String text) throws IOException {
    Path absolute = file.toAbsolutePath();
    Files.createDirectories(absolute.getParent());
    AtomicFiles.writeString(absolute, text);
  }

  /**
   * Fails before any work is done when {@code file} clearly cannot be written: it is a directory, a
   * parent is a file, or the directory that would hold it is not writable. (Anything this misses
   * still fails cleanly through {@link #cannotWrite}.)
   */
  static void checkWritable(Path file) {
    Path absolute = file.toAbsolutePath().normalize();
    if (Files.isDirectory(absolute)) {
      throw new UserFacingException("cannot write " + file + ": it is a directory");
    }
    Path dir = absolute.getParent();
    while (dir != null && !Files.exists(dir)) {
      dir = dir.getParent();
    }
    if (dir == null) {
      return;
    }
    if (!Files.isDirectory(dir)) {
      throw new UserFacingException("cannot write " + file + ": " + dir + " is a file, not a directory");
    }
    if (!Files.isWritable(dir)) {
      throw new UserFacingException("cannot write " + file + ": no permission to write in " + dir);
    }
  }

  /** The one-line error for a failed write of {@code file}; the atomic writers left any old file as it was. */
  static UserFacingException cannotWrite(Path file, IOException e) {
    String kept = Files.exists(file) ? "; the old file is unchanged" : "";
    return new UserFacingException("cannot write " + file + ": " + ModelInput.reason(e, file) + kept);
  }
}
