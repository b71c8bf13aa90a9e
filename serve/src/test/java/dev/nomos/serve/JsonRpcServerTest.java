package dev.nomos.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nomos.runtime.Frame;
import dev.nomos.runtime.Law;
import dev.nomos.runtime.OpinionSink;
import dev.nomos.runtime.Slots;
import dev.nomos.runtime.model.ModelOptions;
import dev.nomos.runtime.model.WorldModel;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The JSON-RPC 2.0 line transport: every line gets its answer, and bad lines do not stop it. */
class JsonRpcServerTest {
  private static WorldModel model;
  private final StringWriter log = new StringWriter();

  @BeforeAll
  static void load() {
    model = Pong.model();
  }

  private JsonRpcServer server(WorldModel m) {
    return new JsonRpcServer(new ModelService(m), new PrintWriter(log, true));
  }

  private static String step(int id, String action) {
    return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"step\",\"params\":{\"frame\":" + Pong.record(1)
        + ",\"history\":[" + Pong.record(0) + "],\"action\":\"" + action + "\"}}";
  }

  private static JsonNode error(String response) {
    JsonNode r = Pong.json(response);
    assertEquals("2.0", r.get("jsonrpc").asText());
    assertFalse(r.has("result"), response);
    return r;
  }

  @Test
  void badLinesGetErrorsAndTheNextRequestIsAnswered() throws IOException {
    String input = String.join("\n",
        "this is not JSON",
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"teleport\"}",
        "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"sample\",\"params\":{\"frame\":" + Pong.record(1)
            + ",\"action\":\"UP\",\"n\":\"many\"}}",
        "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"step\",\"params\":{\"frame\":{\"t\":0,\"objects\":"
            + "[{\"id\":1,\"type\":\"avatar\",\"x\":1,\"y\":1}]},\"action\":\"UP\"}}",
        "",
        "[1, 2",
        step(4, "UP"),
        "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"shutdown\"}",
        step(6, "UP"));
    StringWriter out = new StringWriter();
    server(model).run(new BufferedReader(new StringReader(input)), out);
    List<String> lines = out.toString().lines().toList();
    assertEquals(7, lines.size(), out.toString());

    JsonNode notJson = error(lines.get(0));
    assertTrue(notJson.get("id").isNull());
    assertEquals(RpcError.PARSE_ERROR, notJson.get("error").get("code").asInt());
    assertTrue(notJson.get("error").get("message").asText().startsWith("not JSON at column "));

    JsonNode unknownMethod = error(lines.get(1));
    assertEquals(1, unknownMethod.get("id").asInt());
    assertEquals(RpcError.METHOD_NOT_FOUND, unknownMethod.get("error").get("code").asInt());
    assertEquals("method", unknownMethod.get("error").get("data").get("field").asText());

    JsonNode wrongType = error(lines.get(2));
    assertEquals(RpcError.INVALID_PARAMS, wrongType.get("error").get("code").asInt());
    assertEquals("params.n: expected an integer, got \"many\"", wrongType.get("error").get("message").asText());
    assertEquals("params.n", wrongType.get("error").get("data").get("field").asText());

    JsonNode wrongWorld = error(lines.get(3));
    assertEquals("params.frame.objects[0].type", wrongWorld.get("error").get("data").get("field").asText());

    assertEquals(RpcError.PARSE_ERROR, error(lines.get(4)).get("error").get("code").asInt());

    JsonNode answered = Pong.json(lines.get(5));
    assertEquals(4, answered.get("id").asInt());
    assertEquals(2, answered.get("result").get("frame").get("t").asInt());

    JsonNode shutdown = Pong.json(lines.get(6));
    assertEquals(5, shutdown.get("id").asInt());
    assertTrue(shutdown.has("result") && shutdown.get("result").isNull());
    assertEquals("", log.toString());
  }

  @Test
  void requestsThatAreNotJsonRpcAreInvalid() {
    JsonRpcServer server = server(model);
    assertInvalid("jsonrpc", "jsonrpc: expected \"2.0\", got nothing", server.handle("{\"id\":1,\"method\":\"info\"}"));
    assertInvalid("jsonrpc", "jsonrpc: expected \"2.0\", got \"1.0\"",
        server.handle("{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"info\"}"));
    assertInvalid("method", "method: expected a method name (a string), got 7",
        server.handle("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":7}"));
    assertInvalid("id", "id: expected a string, an integer or null, got an object",
        server.handle("{\"jsonrpc\":\"2.0\",\"id\":{},\"method\":\"info\"}"));
    assertInvalid("paramz", "paramz: unknown member (a request has jsonrpc, id, method, params)",
        server.handle("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"info\",\"paramz\":{}}"));
    JsonNode number = error(server.handle("42"));
    assertEquals(RpcError.INVALID_REQUEST, number.get("error").get("code").asInt());
    // Without an id a malformed request is still answered (with id null): it is no valid notification.
    assertInvalid("method", "method: expected a method name (a string), got nothing", server.handle("{\"jsonrpc\":\"2.0\"}"));
    assertInvalid(null, "an empty batch: send at least one request", server.handle("[]"));
  }

  private static void assertInvalid(String field, String message, String response) {
    JsonNode error = error(response).get("error");
    assertEquals(RpcError.INVALID_REQUEST, error.get("code").asInt());
    assertEquals(message, error.get("message").asText());
    assertEquals(field, error.has("data") ? error.get("data").get("field").asText() : null);
  }

  @Test
  void idsAreEchoedAndNotificationsGetNoAnswer() {
    JsonRpcServer server = server(model);
    assertEquals("abc", Pong.json(server.handle("{\"jsonrpc\":\"2.0\",\"id\":\"abc\",\"method\":\"info\"}")).get("id").asText());
    assertNull(server.handle("{\"jsonrpc\":\"2.0\",\"method\":\"info\"}"));
    assertNull(server.handle("{\"jsonrpc\":\"2.0\",\"method\":\"teleport\"}"));
    assertNull(server.handle("   "));
  }

  @Test
  void batchesAnswerEachRequestInOrder() {
    JsonRpcServer server = server(model);
    String batch = "[" + step(1, "UP") + ",{\"jsonrpc\":\"2.0\",\"method\":\"info\"}," + step(2, "JUMP") + ",7]";
    JsonNode responses = Pong.json(server.handle(batch));
    assertEquals(3, responses.size());
    assertEquals(1, responses.get(0).get("id").asInt());
    assertTrue(responses.get(0).has("result"));
    assertEquals("params.action", responses.get(1).get("error").get("data").get("field").asText());
    assertEquals(RpcError.INVALID_REQUEST, responses.get(2).get("error").get("code").asInt());
    assertNull(server.handle("[{\"jsonrpc\":\"2.0\",\"method\":\"info\"}]"));
  }

  @Test
  void aLawThatThrowsIsAnErrorNamingItAndAFaultOfOursIsSurvived() {
    Law fragile = new Law() {
      @Override
      public String name() {
        return "fragile";
      }

      @Override
      public void apply(Frame frame, OpinionSink out) {
        for (int o : frame.all()) {
          int x = frame.get(o, Slots.X);
          if (x == 13) {
            throw new IllegalStateException("x is 13");
          }
          if (x == 14) {
            throw new StackOverflowError();
          }
        }
      }
    };
    JsonRpcServer server = server(new WorldModel(model.schema(), List.of(fragile), new double[] {1}, ModelOptions.defaults()));
    String at13 = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"step\",\"params\":{\"frame\":{\"objects\":"
        + "[{\"id\":1,\"type\":\"Ball\",\"x\":13,\"y\":1}]},\"action\":\"UP\"}}";
    JsonNode failed = error(server.handle(at13)).get("error");
    assertEquals(RpcError.LAW_FAILED, failed.get("code").asInt());
    assertEquals("params.frame: law 'fragile': x is 13", failed.get("message").asText());

    JsonNode internal = error(server.handle(at13.replace("13", "14"))).get("error");
    assertEquals(RpcError.INTERNAL_ERROR, internal.get("code").asInt());
    assertEquals("internal error: java.lang.StackOverflowError", internal.get("message").asText());
    assertTrue(log.toString().startsWith("nomos serve: internal error answering step:"), log.toString());

    JsonNode fine = Pong.json(server.handle(at13.replace("13", "15")));
    assertEquals(1, fine.get("result").get("frame").get("t").asInt());
  }
}
