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

/** File handling shared by trajectory readers and writers: gzip by the {@code .gz} extension, UTF-8 text, permissions of atomically replaced files. */
public final class TrajectoryFiles {
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

  /**
   * Gives a temporary file the permissions its target will need: those of the file it replaces, or
   * rw-r--r-- for a new file (temporary files start private, which a recording must not stay).
   */
  public static void publicPermissions(Path temp, Path target) throws IOException {
    if (!Files.getFileStore(temp).supportsFileAttributeView(java.nio.file.attribute.PosixFileAttributeView.class)) {
      return;
    }
    java.util.Set<java.nio.file.attribute.PosixFilePermission> permissions = Files.exists(target)
        ? Files.getPosixFilePermissions(target)
        : java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--");
    Files.setPosixFilePermissions(temp, permissions);
  }

  static OutputStream maybeGzip(Path file, OutputStream out) throws IOException {
    return isGzip(file) ? new java.util.zip.GZIPOutputStream(out, 1 << 16) : out;
  }
}
