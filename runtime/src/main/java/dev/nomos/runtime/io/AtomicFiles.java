package dev.nomos.runtime.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every file Nomos writes (models, fitted laws, recordings, formatted sources, caches) goes through
 * here: the content is written to a temporary file beside the target, which then replaces the
 * target in one atomic move. A failed or interrupted write leaves the old target as it was and no
 * temporary file behind; the new file gets the replaced file's permissions, or rw-r--r--.
 */
public final class AtomicFiles {

  /** Writes the content of a file to a stream. */
  @FunctionalInterface
  public interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  private AtomicFiles() {}

  /** Replaces (or creates) {@code target} with what {@code content} writes. */
  public static void write(Path target, Content content) throws IOException {
    Path absolute = target.toAbsolutePath();
    Path temp = createTempBeside(absolute);
    try {
      try (OutputStream out = Files.newOutputStream(temp)) {
        content.writeTo(out);
      }
      replace(temp, absolute);
    } finally {
      discardTemp(temp);
    }
  }

  /** Replaces (or creates) {@code target} with {@code text} in UTF-8. */
  public static void writeString(Path target, String text) throws IOException {
    write(target, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * Creates the temporary file of an atomic write of {@code target} (an absolute path) in the same
   * directory, with the permissions the target will need. If the JVM is stopped (Ctrl-C, SIGTERM)
   * before {@link #discardTemp} is called, the file is deleted on the way out, so an interrupted
   * command leaves no debris (and never touches the target). For writers that stream over time;
   * others use {@link #write}.
   */
  public static Path createTempBeside(Path target) throws IOException {
    Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".tmp");
    InFlight.add(temp);
    try {
      givePublicPermissions(temp, target);
    } catch (IOException | RuntimeException e) {
      discardTemp(temp);
      throw e;
    }
    return temp;
  }

  /** Moves a finished temporary file over the target, atomically where the file system can. */
  public static void replace(Path temp, Path target) throws IOException {
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** Deletes a temporary file of {@link #createTempBeside} if it is still there (after a move it is not). */
  public static void discardTemp(Path temp) throws IOException {
    try {
      Files.deleteIfExists(temp);
    } finally {
      InFlight.remove(temp);
    }
  }

  /**
   * Temporary files start private (rw-------), which a recording or a model meant for others must
   * not stay: they get the permissions of the file they replace, or rw-r--r-- for a new file.
   */
  private static void givePublicPermissions(Path temp, Path target) throws IOException {
    if (!Files.getFileStore(temp).supportsFileAttributeView(PosixFileAttributeView.class)) {
      return;
    }
    Set<PosixFilePermission> permissions = Files.exists(target)
        ? Files.getPosixFilePermissions(target)
        : PosixFilePermissions.fromString("rw-r--r--");
    Files.setPosixFilePermissions(temp, permissions);
  }

  /** Temporary files of unfinished atomic writes, deleted by one shutdown hook. */
  private static final class InFlight {
    private static final Set<Path> FILES = ConcurrentHashMap.newKeySet();

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
}
