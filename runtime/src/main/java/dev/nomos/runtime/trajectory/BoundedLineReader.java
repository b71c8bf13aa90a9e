package dev.nomos.runtime.trajectory;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;

/**
 * Lines of text with a cap on each line's length, enforced while reading: a line longer than the cap
 * (a 3 GiB gzip member without a newline) is refused once the cap is passed, never held whole in
 * memory. Line ends are those of {@link java.io.BufferedReader#readLine}: {@code \n}, {@code \r}
 * or {@code \r\n}.
 */
final class BoundedLineReader implements Closeable {
  private final Reader in;
  private final char[] buffer = new char[1 << 16];
  private int position;
  private int limit;
  private boolean skipLineFeed;

  BoundedLineReader(Reader in) {
    this.in = in;
  }

  /** A line longer than the cap; the part read so far is dropped. */
  static final class LineTooLongException extends IOException {
    private static final long serialVersionUID = 1L;

    LineTooLongException(int maxChars) {
      super("the line is longer than " + maxChars + " characters, the limit of one record");
    }
  }

  /** The next line without its end, or null at the end of the input. */
  String readLine(int maxChars) throws IOException {
    StringBuilder line = null;
    while (true) {
      if (position == limit && !fill()) {
        return line == null ? null : line.toString();
      }
      if (skipLineFeed) {
        skipLineFeed = false;
        if (buffer[position] == '\n') {
          position++;
          continue;
        }
      }
      int start = position;
      while (position < limit && buffer[position] != '\n' && buffer[position] != '\r') {
        position++;
      }
      int length = position - start;
      int soFar = line == null ? 0 : line.length();
      if (soFar + length > maxChars) {
        throw new LineTooLongException(maxChars);
      }
      if (position < limit) {
        skipLineFeed = buffer[position] == '\r';
        position++;
        if (line == null) {
          return new String(buffer, start, length);
        }
        return line.append(buffer, start, length).toString();
      }
      if (line == null) {
        line = new StringBuilder(Math.max(16, length * 2));
      }
      line.append(buffer, start, length);
    }
  }

  /** Whether nothing but the end of the input is left (a pending {@code \n} of a {@code \r\n} aside). */
  boolean atEnd() throws IOException {
    if (position == limit && !fill()) {
      return true;
    }
    if (skipLineFeed && buffer[position] == '\n') {
      position++;
      skipLineFeed = false;
      return position == limit && !fill();
    }
    return false;
  }

  private boolean fill() throws IOException {
    int n;
    do {
      n = in.read(buffer, 0, buffer.length);
    } while (n == 0);
    if (n < 0) {
      position = limit = 0;
      return false;
    }
    position = 0;
    limit = n;
    return true;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
