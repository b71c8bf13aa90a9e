package dev.nomos.runtime.trajectory;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Ends a gzip stream cleanly where its compressed data breaks off, and remembers that it did. The
 * reader's buffers run far ahead of the record being parsed, so the failure must not surface at the
 * read that hit it: the reader reads the intact records, and reports the cut at the exact line
 * where the data ends.
 */
final class CutOffGuard extends FilterInputStream {
  private boolean cutOff;

  CutOffGuard(InputStream gzip) {
    super(gzip);
  }

  /** Whether the compressed data ended before the gzip stream did. */
  boolean cutOff() {
    return cutOff;
  }

  @Override
  public int read() throws IOException {
    if (cutOff) {
      return -1;
    }
    try {
      return super.read();
    } catch (EOFException e) {
      cutOff = true;
      return -1;
    }
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (cutOff) {
      return -1;
    }
    try {
      return super.read(b, off, len);
    } catch (EOFException e) {
      cutOff = true;
      return -1;
    }
  }
}
