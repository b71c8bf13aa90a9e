package dev.nomos.runtime.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Reads whole input files with their limit checked before the work: a path that is not a regular
 * file (a FIFO that would block forever, {@code /dev/zero} that never ends, a directory) is refused
 * without being opened, a file whose size is over the limit is refused without being read, and a
 * file that grows while it is read is cut off at the limit and refused, so no input can hold more
 * than the limit in memory.
 */
public final class BoundedFiles {
  private BoundedFiles() {}

  /**
   * The bytes of {@code file}.
   *
   * @throws IOException whose message says what is wrong ("not a regular file", "the file is N bytes
   *     or more; the limit is M"), fit to follow the file's name in a one-line error
   */
  public static byte[] read(Path file, long maxBytes) throws IOException {
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(file, BasicFileAttributes.class);
    } catch (NoSuchFileException e) {
      throw new IOException("no such file");
    }
    requireRegular(file, attributes);
    if (attributes.size() > maxBytes) {
      throw tooLarge(attributes.size(), maxBytes);
    }
    try (InputStream in = Files.newInputStream(file)) {
      byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
      if (bytes.length > maxBytes) {
        throw tooLarge(bytes.length, maxBytes);
      }
      return bytes;
    }
  }

  /**
   * Refuses {@code file} unless it is a regular file (after links), before anything opens it.
   *
   * @throws IOException "no such file", "is a directory" or "not a regular file (a FIFO or device)"
   */
  public static void requireRegularFile(Path file) throws IOException {
    try {
      requireRegular(file, Files.readAttributes(file, BasicFileAttributes.class));
    } catch (NoSuchFileException e) {
      throw new IOException("no such file");
    }
  }

  private static void requireRegular(Path file, BasicFileAttributes attributes) throws IOException {
    if (attributes.isDirectory()) {
      throw new IOException("is a directory");
    }
    if (!attributes.isRegularFile()) {
      boolean link = Files.isSymbolicLink(file) && !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS);
      throw new IOException("not a regular file (a FIFO, socket or device" + (link ? " behind a link" : "") + ")");
    }
  }

  private static IOException tooLarge(long size, long maxBytes) {
    return new IOException("the file is " + size + " bytes or more; the limit is " + maxBytes);
  }
}
