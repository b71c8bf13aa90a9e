package dev.nomos.serve;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nomos.serve.internal.LineQueue;
import dev.nomos.serve.internal.Params;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * JSON-RPC 2.0 over lines of text for a {@link ModelService}: one request (or one batch array) per
 * line in, one response per line out, in order. Every line gets its answer, whatever it holds: text
 * that is not JSON, a request without a method, an unknown method, bad parameters and faults of the
 * service itself are error responses, and the next line is read as usual. Notifications (requests
 * without an {@code id}) get no response. It stops at the end of the input or after answering
 * {@code shutdown}.
 */
public final class JsonRpcServer {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  // A duplicate key is refused as the trajectory reader refuses it; the tree check is the cheap one
  // (the parser's own keeps a hash set per object).
  private static final JsonMapper MAPPER = JsonMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
      .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
      .build();

  private final ModelService service;
  private final PrintWriter log;

  /** @param log where faults of the service itself are described in full (standard error) */
  public JsonRpcServer(ModelService service, PrintWriter log) {
    this.service = service;
    this.log = log;
  }

  /** Answers lines until the input ends or {@code shutdown} is answered. */
  public void run(BufferedReader in, Writer out) throws IOException {
    // One generator for the whole session, streaming each response's tree into the output: no
    // intermediate string of a batch's megabyte of frames.
    try (JsonGenerator json = MAPPER.getFactory().createGenerator(out).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)) {
      json.setRootValueSeparator(null);
      LineQueue lines = new LineQueue(in);
      for (String line; !service.shutdownRequested() && (line = lines.next()) != null; ) {
        JsonNode response = respond(line);
        if (response != null) {
          MAPPER.writeTree(json, response);
          json.writeRaw('\n');
          json.flush();
        }
      }
    }
  }

  /** The response to one line as text, or null when there is none (a blank line, notifications only). */
  public String handle(String line) {
    JsonNode response = respond(line);
    return response == null ? null : write(response);
  }

  private JsonNode respond(String line) {
    if (line.isBlank()) {
      return null;
    }
    JsonNode request;
    try {
      request = parse(line);
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? "" : " at column " + e.getLocation().getColumnNr();
      return error(NullNode.instance, RpcError.of(RpcError.PARSE_ERROR, "not JSON" + where + ": " + e.getOriginalMessage()));
    }
    if (request.isArray()) {
      if (request.isEmpty()) {
        return error(NullNode.instance, RpcError.of(RpcError.INVALID_REQUEST, "an empty batch: send at least one request"));
      }
      ArrayNode responses = JSON.arrayNode();
      for (JsonNode r : request) {
        ObjectNode response = answer(r);
        if (response != null) {
          responses.add(response);
        }
      }
      return responses.isEmpty() ? null : responses;
    }
    ObjectNode response = answer(request);
    return response;
  }

  /** The response to one request, or null for a notification. */
  private ObjectNode answer(JsonNode request) {
    if (!request.isObject()) {
      return error(NullNode.instance, RpcError.of(RpcError.INVALID_REQUEST,
          "expected a request object {\"jsonrpc\": \"2.0\", \"id\": ..., \"method\": ..., \"params\": {...}}, got "
              + Params.describe(request)));
    }
    JsonNode id = request.get("id");
    boolean notification = id == null;
    if (id != null && !(id.isTextual() || id.isIntegralNumber() || id.isNull())) {
      return error(NullNode.instance, RpcError.about(RpcError.INVALID_REQUEST, "id",
          "expected a string, an integer or null, got " + Params.describe(id)));
    }
    JsonNode replyId = id == null ? NullNode.instance : id;
    try {
      JsonNode version = request.get("jsonrpc");
      if (version == null || !version.isTextual() || !version.textValue().equals("2.0")) {
        throw RpcError.about(RpcError.INVALID_REQUEST, "jsonrpc", "expected \"2.0\", got "
            + (version == null ? "nothing" : Params.describe(version)));
      }
      JsonNode method = request.get("method");
      if (method == null || !method.isTextual()) {
        throw RpcError.about(RpcError.INVALID_REQUEST, "method", "expected a method name (a string), got "
            + (method == null ? "nothing" : Params.describe(method)));
      }
      for (var names = request.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        if (!name.equals("jsonrpc") && !name.equals("id") && !name.equals("method") && !name.equals("params")) {
          throw RpcError.about(RpcError.INVALID_REQUEST, name, "unknown member (a request has jsonrpc, id, method, params)");
        }
      }
      JsonNode result = service.call(method.textValue(), request.get("params"));
      if (notification) {
        return null;
      }
      ObjectNode response = JSON.objectNode();
      response.put("jsonrpc", "2.0");
      response.set("id", replyId);
      response.set("result", result);
      return response;
    } catch (RpcError e) {
      // A malformed request is answered even without an id: the sender may not know it sent no valid call.
      return notification && e.code() != RpcError.INVALID_REQUEST ? null : error(replyId, e);
    } catch (RuntimeException | StackOverflowError e) {
      // A fault of ours, not of the request: described in full on the log, answered, and survived.
      log.println("nomos serve: internal error answering " + request.path("method").asText("?") + ":");
      e.printStackTrace(log);
      log.flush();
      return notification ? null : error(replyId, RpcError.of(RpcError.INTERNAL_ERROR, "internal error: " + e));
    }
  }

  /**
   * The line's JSON tree. Parsed from its characters in one buffer: Jackson reads a String longer than
   * 32k characters through a Reader in small pieces, and then copies a long string value (the base64
   * column of a packed batch) character by character.
   */
  private static JsonNode parse(String line) throws JsonProcessingException {
    try (JsonParser parser = MAPPER.getFactory().createParser(line.toCharArray())) {
      JsonNode tree = MAPPER.readTree(parser);
      return tree == null ? MissingNode.getInstance() : tree;
    } catch (JsonProcessingException e) {
      throw e;
    } catch (IOException e) {
      throw new UncheckedIOException("reading a line in memory", e);
    }
  }

  private static ObjectNode error(JsonNode id, RpcError e) {
    ObjectNode response = JSON.objectNode();
    response.put("jsonrpc", "2.0");
    response.set("id", id);
    ObjectNode error = response.putObject("error");
    error.put("code", e.code());
    error.put("message", e.getMessage());
    if (e.field() != null) {
      error.putObject("data").put("field", e.field());
    }
    return response;
  }

  private static String write(JsonNode response) {
    try {
      return MAPPER.writeValueAsString(response);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree could not be written", e);
    }
  }
}
