package dev.nomos.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class LspCommandTest {

  private static String frame(String json) {
    return "Content-Length: " + json.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + json;
  }

  @Test
  void servesJsonRpcOnTheGivenStreamsAndExitsZeroAfterShutdown() throws Exception {
    String input = frame("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{}}")
        + frame("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"shutdown\"}")
        + frame("{\"jsonrpc\":\"2.0\",\"method\":\"exit\"}");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code = new CommandLine(new LspCommand(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), out))
        .execute();
    String written = out.toString(StandardCharsets.UTF_8);
    assertEquals(0, code);
    assertTrue(written.startsWith("Content-Length: "), written);
    assertTrue(written.contains("\"semanticTokensProvider\""), written);
    assertTrue(written.contains("\"id\":\"2\"") || written.contains("\"id\":2"), written);
  }

  @Test
  void aRequestAfterShutdownIsAnInvalidRequestWithoutAStackTrace() {
    String input = frame("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{}}")
        + frame("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"shutdown\"}")
        + frame("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"textDocument/hover\",\"params\":"
            + "{\"textDocument\":{\"uri\":\"file:///a.law\"},\"position\":{\"line\":0,\"character\":0}}}")
        + frame("{\"jsonrpc\":\"2.0\",\"method\":\"exit\"}");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code = new CommandLine(new LspCommand(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), out))
        .execute();
    String written = out.toString(StandardCharsets.UTF_8);
    assertEquals(0, code);
    String answer = written.substring(written.lastIndexOf("Content-Length"));
    assertTrue(answer.contains("\"code\":-32600") && answer.contains("shutting down"), written);
    assertTrue(!answer.contains("Exception") && !answer.contains("\\tat "), answer);
  }

  @Test
  void exitWithoutShutdownIsAFailure() {
    String input = frame("{\"jsonrpc\":\"2.0\",\"method\":\"exit\"}");
    int code = new CommandLine(new LspCommand(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
        new ByteArrayOutputStream())).execute();
    assertEquals(1, code);
  }

  /** Once the framing is lost no later message can be found: the server ends instead of hanging. */
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"-5", "abc", "99999999999"})
  @org.junit.jupiter.api.Timeout(value = 30, threadMode = org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD)
  void aBadContentLengthEndsTheSessionWithExitCodeOne(String length) throws java.io.IOException {
    String input = frame("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{}}")
        + "Content-Length: " + length + "\r\n\r\n{}"
        + frame("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"shutdown\"}");
    // The client keeps its end open, as an editor does: only the server can end the session.
    java.io.PipedOutputStream silentClient = new java.io.PipedOutputStream();
    java.io.InputStream stillOpen = new java.io.SequenceInputStream(
        new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), new java.io.PipedInputStream(silentClient));
    int code = new CommandLine(new LspCommand(stillOpen, new ByteArrayOutputStream())).execute();
    assertEquals(1, code);
    silentClient.close();
  }

  @Test
  void isRegisteredWithHelp() {
    StringWriter help = new StringWriter();
    CommandLine cl = Main.newCommandLine();
    cl.setOut(new PrintWriter(help));
    assertEquals(0, cl.execute("lsp", "--help"));
    assertTrue(help.toString().contains("language server"), help.toString());
  }
}
