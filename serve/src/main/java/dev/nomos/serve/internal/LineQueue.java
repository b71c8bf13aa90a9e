package dev.nomos.serve.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * The lines of an input, read ahead on a thread of their own. A client may send its next request
 * before reading the answer to the last (to keep itself busy while the server works): were the
 * server not reading meanwhile, a request and an answer each larger than its pipe would block both
 * processes for good. A few lines are read ahead, no more, so a client that floods the server still
 * waits for it.
 */
public final class LineQueue {
  private static final int AHEAD = 8;
  /** Marks the end of the input (or a failure to read it) in the queue. */
  private static final String END = new String("end of input");

  private final BlockingQueue<String> lines = new ArrayBlockingQueue<>(AHEAD);
  private volatile IOException failure;

  /** Starts reading {@code in} on a daemon thread (the process may end while it waits for input). */
  public LineQueue(BufferedReader in) {
    Thread reader = new Thread(() -> {
      try {
        for (String line; (line = in.readLine()) != null; ) {
          lines.put(line);
        }
      } catch (IOException e) {
        failure = e;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        try {
          lines.put(END);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }, "nomos-serve-input");
    reader.setDaemon(true);
    reader.start();
  }

  /**
   * The next line, or null at the end of the input.
   *
   * @throws IOException when reading the input failed
   */
  public String next() throws IOException {
    String line;
    try {
      line = lines.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
    if (line == END) {
      lines.offer(END); // the end stays the end for a later call
      if (failure != null) {
        throw new IOException("reading the requests failed", failure);
      }
      return null;
    }
    return line;
  }
}
