package dev.nomos.runtime.trajectory;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** Opening trajectory files: gzip is chosen by the {@code .gz} extension, text is UTF-8. */
final class TrajectoryFiles {
  private TrajectoryFiles() {}

  static boolean isGzip(Path file) {
    Path name = file.getFileName();
    return name != null && name.toString().endsWith(".gz");
  }

  static BufferedReader openReader(Path file) throws IOException {
    InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
    try {
      if (isGzip(file)) {
        in = new GZIPInputStream(in, 1 << 16);
      }
    } catch (IOException e) {
      in.close();
      throw new IOException(file + ": not a gzip file (the .gz extension asks for one): " + e.getMessage(), e);
    }
    return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
  }

  static OutputStream maybeGzip(Path file, OutputStream out) throws IOException {
    return isGzip(file) ? new java.util.zip.GZIPOutputStream(out, 1 << 16) : out;
  }
}
