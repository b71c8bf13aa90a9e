package dev.nomos.lsp.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * The client's byte stream, passed through message by message after its header is checked. A
 * {@code Content-Length} that is missing, negative, not a number or over {@link #MAX_CONTENT_LENGTH}
 * leaves no way to find where the next message starts, so instead of reading on out of step (and
 * never answering again) the stream ends there, as if the client had closed it, and
 * {@link #failure()} says why; the server then exits with code 1, the LSP's code for an exit without
 * shutdown. (An end of input rather than an exception: the JSON-RPC library logs exceptions with
 * their stack traces.)
 */
public final class FramedInput extends InputStream {
  /** The largest message body accepted: far above any document the compiler would parse (1 MiB). */
  public static final int MAX_CONTENT_LENGTH = 64 << 20;
  private static final int MAX_HEADER_BYTES = 8192;

  private final InputStream in;
  private byte[] pending = new byte[0];
  private int pendingAt;
  /** Body bytes of the current message still to pass through. */
  private long bodyLeft;
  private String failure;

  public FramedInput(InputStream in) {
    this.in = in;
  }

  /** Why the stream was ended, or null while it is in step. */
  public String failure() {
    return failure;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    if (pendingAt < pending.length) {
      int n = Math.min(len, pending.length - pendingAt);
      System.arraycopy(pending, pendingAt, b, off, n);
      pendingAt += n;
      return n;
    }
    if (failure != null) {
      return -1;
    }
    if (bodyLeft == 0) {
      if (!readHeader()) {
        return -1;
      }
      return read(b, off, len);
    }
    int n = in.read(b, off, (int) Math.min(len, bodyLeft));
    if (n > 0) {
      bodyLeft -= n;
    }
    return n;
  }

  /** Reads and checks one header block into {@link #pending}; false at the end of input or of the framing. */
  private boolean readHeader() throws IOException {
    StringBuilder header = new StringBuilder();
    int c;
    while ((c = in.read()) >= 0) {
      header.append((char) c);
      if (header.length() > MAX_HEADER_BYTES) {
        return fail("a message header longer than " + MAX_HEADER_BYTES + " bytes");
      }
      if (header.length() >= 4 && header.substring(header.length() - 4).equals("\r\n\r\n")) {
        break;
      }
    }
    if (c < 0) {
      if (header.toString().isBlank()) {
        return false;
      }
      return fail("the input ends inside a message header");
    }
    long length = -1;
    for (String line : header.toString().split("\r\n")) {
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase("Content-Length")) {
        String value = line.substring(colon + 1).trim();
        if (!value.matches("[0-9]{1,10}") || Long.parseLong(value) > MAX_CONTENT_LENGTH) {
          return fail("Content-Length '" + value.replaceAll("\\p{Cntrl}", "?") + "' is not a length from 0 to "
              + MAX_CONTENT_LENGTH);
        }
        length = Long.parseLong(value);
      }
    }
    if (length < 0) {
      return fail("a message header without Content-Length");
    }
    pending = header.toString().getBytes(StandardCharsets.ISO_8859_1);
    pendingAt = 0;
    bodyLeft = length;
    return true;
  }

  private boolean fail(String why) {
    failure = why + "; the message stream cannot be followed past it";
    return false;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
