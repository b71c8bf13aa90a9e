package dev.nomos.learn;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A chat server on 127.0.0.1 (random free port) that speaks the OpenAI chat-completions protocol
 * ({@code POST /v1/chat/completions}) or the Ollama chat protocol ({@code POST /api/chat},
 * non-streaming), answering from a script and recording every request body.
 */
final class ScriptedChatServer implements AutoCloseable {
  enum Protocol { OPENAI, OLLAMA }

  /** One scripted reply: the assistant's text, token counts, and a delay before answering. */
  record Reply(String content, int promptTokens, int completionTokens, long delayMillis) {
    static Reply of(String content) {
      return new Reply(content, 100, 20, 0);
    }

    static Reply slow(String content, long delayMillis) {
      return new Reply(content, 100, 20, delayMillis);
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private final Protocol protocol;
  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final Deque<Reply> script = new ArrayDeque<>();
  private final List<String> requests = new ArrayList<>();
  private final java.util.concurrent.atomic.AtomicInteger hits = new java.util.concurrent.atomic.AtomicInteger();

  ScriptedChatServer(Protocol protocol, Reply... replies) throws IOException {
    this.protocol = protocol;
    script.addAll(List.of(replies));
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(protocol == Protocol.OPENAI ? "/v1/chat/completions" : "/api/chat", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  /** The base URL a client is configured with. */
  String baseUrl() {
    String root = "http://127.0.0.1:" + server.getAddress().getPort();
    return protocol == Protocol.OPENAI ? root + "/v1" : root;
  }

  synchronized List<String> requests() {
    return List.copyOf(requests);
  }

  synchronized void enqueue(Reply... replies) {
    script.addAll(List.of(replies));
  }

  /** Requests that reached the handler, counted on arrival (before their body is read). */
  int hits() {
    return hits.get();
  }

  private void handle(HttpExchange exchange) throws IOException {
    hits.incrementAndGet();
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    Reply reply;
    synchronized (this) {
      requests.add(body);
      reply = script.isEmpty() ? Reply.of("no more scripted answers") : script.poll();
    }
    if (reply.delayMillis() > 0) {
      try {
        Thread.sleep(reply.delayMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    byte[] out = JSON.writeValueAsBytes(protocol == Protocol.OPENAI ? openAi(reply) : ollama(reply));
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    try {
      exchange.sendResponseHeaders(200, out.length);
      try (OutputStream os = exchange.getResponseBody()) {
        os.write(out);
      }
    } catch (IOException clientGaveUp) {
      // The client timed out and closed the connection; nothing left to answer.
    }
  }

  private static ObjectNode openAi(Reply reply) {
    ObjectNode root = JSON.createObjectNode();
    root.put("id", "chatcmpl-test").put("object", "chat.completion").put("created", 1).put("model", "test-model");
    ObjectNode choice = root.putArray("choices").addObject();
    choice.put("index", 0).put("finish_reason", "stop");
    choice.putObject("message").put("role", "assistant").put("content", reply.content());
    root.putObject("usage").put("prompt_tokens", reply.promptTokens()).put("completion_tokens", reply.completionTokens())
        .put("total_tokens", reply.promptTokens() + reply.completionTokens());
    return root;
  }

  private static ObjectNode ollama(Reply reply) {
    ObjectNode root = JSON.createObjectNode();
    root.put("model", "test-model").put("created_at", "2026-01-01T00:00:00Z");
    root.putObject("message").put("role", "assistant").put("content", reply.content());
    root.put("done", true).put("done_reason", "stop");
    root.put("prompt_eval_count", reply.promptTokens()).put("eval_count", reply.completionTokens());
    return root;
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
