package dev.nomos.lsp.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class FramedInputTest {
  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void wellFramedMessagesPassThroughUnchanged() throws IOException {
    String stream = "Content-Length: 2\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{}"
        + "Content-Length: 14\r\n\r\n{\"id\":\"\u00e9t\u00e9\"}"; // 14 bytes: each é is two
    FramedInput in = new FramedInput(new ByteArrayInputStream(bytes(stream)));
    assertArrayEquals(bytes(stream), in.readAllBytes());
    assertNull(in.failure());
  }

  @ParameterizedTest
  @ValueSource(strings = {"-1", "abc", "1e3", "99999999999", "67108865", ""})
  void aLengthThatCannotBeFollowedEndsTheStreamAndSaysWhy(String length) throws IOException {
    String stream = "Content-Length: 2\r\n\r\n{}Content-Length: " + length + "\r\n\r\n{}Content-Length: 2\r\n\r\n{}";
    FramedInput in = new FramedInput(new ByteArrayInputStream(bytes(stream)));
    assertEquals("Content-Length: 2\r\n\r\n{}", new String(in.readAllBytes(), StandardCharsets.UTF_8));
    assertTrue(in.failure().startsWith("Content-Length '" + length + "'"), in.failure());
  }

  @Test
  void aHeaderWithoutLengthEndsTheStream() throws IOException {
    FramedInput in = new FramedInput(new ByteArrayInputStream(bytes("Content-Type: x\r\n\r\n{}")));
    assertEquals(0, in.readAllBytes().length);
    assertTrue(in.failure().startsWith("a message header without Content-Length"), in.failure());
  }
}
