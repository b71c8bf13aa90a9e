package dev.nomos.runtime.trajectory;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** File handling shared by trajectory readers and writers: gzip by the {@code .gz} extension. */
public final class TrajectoryFiles {
  private TrajectoryFiles() {}

  static boolean isGzip(Path file) {
    Path name = file.getFileName();
    return name != null && name.toString().endsWith(".gz");
  }

  /**
   * The bytes of a trajectory file, through gzip when its name ends in {@code .gz}; a gzip stream
   * comes back as a {@link CutOffGuard} so that a truncated file can be reported at its last line.
   */
  static InputStream openStream(Path file) throws IOException {
    if (Files.isDirectory(file)) {
      // Opening a directory succeeds on some systems and only the first read fails, without a name.
      throw new FileSystemException(file.toString(), null, "is a directory, not a trajectory file");
    }
    InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
    if (!isGzip(file)) {
      return in;
    }
    try {
      return new CutOffGuard(new GZIPInputStream(in, 1 << 16));
    } catch (java.io.EOFException e) {
      in.close();
      throw new IOException(file + ": empty or cut off before the end of its gzip header", e);
    } catch (IOException e) {
      in.close();
      throw new IOException(file + ": not a gzip file (the .gz extension asks for one): " + e.getMessage(), e);
    }
  }

  static OutputStream maybeGzip(Path file, OutputStream out) throws IOException {
    return isGzip(file) ? new java.util.zip.GZIPOutputStream(out, 1 << 16) : out;
  }
}
