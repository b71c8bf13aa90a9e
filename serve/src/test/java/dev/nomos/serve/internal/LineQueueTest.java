package dev.nomos.serve.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class LineQueueTest {
  @Test
  void givesTheLinesInOrderThenTheEndForGood() throws IOException {
    StringBuilder text = new StringBuilder();
    for (int k = 0; k < 100; k++) { // more than it reads ahead
      text.append("line ").append(k).append('\n');
    }
    LineQueue lines = new LineQueue(new BufferedReader(new StringReader(text.toString())));
    for (int k = 0; k < 100; k++) {
      assertEquals("line " + k, lines.next());
    }
    assertNull(lines.next());
    assertNull(lines.next());
  }

  @Test
  void aFailureToReadIsReportedAfterTheLinesBeforeIt() throws IOException {
    Reader failing = new Reader() {
      private boolean given;

      @Override
      public int read(char[] buffer, int offset, int length) throws IOException {
        if (given) {
          throw new IOException("pipe broken");
        }
        given = true;
        "first\n".getChars(0, 6, buffer, offset);
        return 6;
      }

      @Override
      public void close() {}
    };
    LineQueue lines = new LineQueue(new BufferedReader(failing));
    assertEquals("first", lines.next());
    IOException e = assertThrows(IOException.class, lines::next);
    assertEquals("pipe broken", e.getCause().getMessage());
  }
}
