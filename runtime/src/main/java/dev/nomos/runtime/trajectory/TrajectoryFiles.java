package dev.nomos.runtime.trajectory;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileSystemException;
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

  /**
   * Creates the temporary file of an atomic write of {@code target} (an absolute path) in the same
   * directory, with the permissions {@link #publicPermissions} gives. If the JVM is stopped (Ctrl-C,
   * SIGTERM) before {@link #discardTemp} is called, the file is deleted on the way out, so an
   * interrupted command leaves no debris (and never touches the target).
   */
  public static Path createTempBeside(Path target) throws IOException {
    Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".tmp");
    InFlight.add(temp);
    try {
      publicPermissions(temp, target);
    } catch (IOException | RuntimeException e) {
      discardTemp(temp);
      throw e;
    }
    return temp;
  }

  /** Deletes a temporary file of {@link #createTempBeside} if it is still there (after a move it is not). */
  public static void discardTemp(Path temp) throws IOException {
    try {
      Files.deleteIfExists(temp);
    } finally {
      InFlight.remove(temp);
    }
  }

  /** Temporary files of unfinished atomic writes, deleted by one shutdown hook. */
  private static final class InFlight {
    private static final java.util.Set<Path> FILES = java.util.concurrent.ConcurrentHashMap.newKeySet();

    static {
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        for (Path p : FILES) {
          try {
            Files.deleteIfExists(p);
          } catch (IOException | RuntimeException ignored) {
            // Best effort while the JVM goes down; the file is hidden (dot-named) in any case.
          }
        }
      }, "nomos-temp-cleanup"));
    }

    static void add(Path p) {
      FILES.add(p);
    }

    static void remove(Path p) {
      FILES.remove(p);
    }
  }

  static OutputStream maybeGzip(Path file, OutputStream out) throws IOException {
    return isGzip(file) ? new java.util.zip.GZIPOutputStream(out, 1 << 16) : out;
  }
}
