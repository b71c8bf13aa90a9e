package dev.nomos.learn.internal;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import dev.nomos.learn.ResponseCache;
import dev.nomos.learn.RetryPolicy;
import dev.nomos.runtime.Deadline;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One chat call with the response cache in front and retries with exponential back-off behind.
 * The LangChain4j client is built with no retries of its own, so every provider retries the same way.
 */
public final class ChatClient {

  /** One answer: its text, the tokens the call used, whether it came from the cache, how many attempts. */
  public record Answer(String text, long inputTokens, long outputTokens, boolean cached, int attempts) {}

  /** A call that failed on every attempt. */
  public static final class ChatFailure extends Exception {
    private final int attempts;

    ChatFailure(String message, int attempts, Throwable cause) {
      super(message, cause);
      this.attempts = attempts;
    }

    public int attempts() {
      return attempts;
    }
  }

  /** Waits between attempts; replaceable so tests need not sleep. */
  public interface Sleeper {
    void sleep(long millis) throws InterruptedException;
  }

  private final String provider;
  private final String modelName;
  private final Map<String, Object> parameters;
  private final ChatModel model;
  private final ResponseCache cache;
  private final RetryPolicy retry;
  private final Sleeper sleeper;

  public ChatClient(String provider, String modelName, Map<String, Object> parameters, ChatModel model,
      ResponseCache cache, RetryPolicy retry, Sleeper sleeper) {
    this.provider = provider;
    this.modelName = modelName;
    this.parameters = Map.copyOf(parameters);
    this.model = model;
    this.cache = cache;
    this.retry = retry;
    this.sleeper = sleeper;
  }

  public Answer chat(List<ResponseCache.Message> messages) throws ChatFailure {
    return chat(messages, Deadline.none());
  }

  /**
   * The answer to {@code messages}, given up at {@code deadline}: each attempt waits at most until
   * the deadline (the HTTP client's own timeout still bounds it too), and no attempt starts after it,
   * so an endpoint that never answers cannot hold a learner past its time budget. An abandoned
   * attempt finishes on a daemon thread and its answer is dropped.
   */
  public Answer chat(List<ResponseCache.Message> messages, Deadline deadline) throws ChatFailure {
    String key = ResponseCache.key(provider, modelName, messages, parameters);
    if (cache != null) {
      Optional<ResponseCache.Entry> hit = cache.get(key);
      if (hit.isPresent()) {
        return new Answer(hit.get().text(), hit.get().inputTokens(), hit.get().outputTokens(), true, 0);
      }
    }
    ChatRequest request = ChatRequest.builder().messages(toLangChain(messages)).build();
    RuntimeException last = null;
    for (int attempt = 1; attempt <= retry.maxAttempts(); attempt++) {
      if (deadline.passed()) {
        throw new ChatFailure(provider + " " + modelName + ": the time budget ran out before attempt " + attempt
            + (last == null ? "" : "; the last attempt failed: " + describe(last)), attempt - 1, last);
      }
      if (attempt > 1) {
        try {
          sleeper.sleep(retry.backoffBefore(attempt).toMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new ChatFailure("interrupted while waiting to retry", attempt - 1, e);
        }
      }
      try {
        ChatResponse response = withinDeadline(request, deadline);
        String text = response.aiMessage() == null || response.aiMessage().text() == null
            ? "" : response.aiMessage().text();
        TokenUsage usage = response.tokenUsage();
        long in = usage == null || usage.inputTokenCount() == null ? 0 : usage.inputTokenCount();
        long out = usage == null || usage.outputTokenCount() == null ? 0 : usage.outputTokenCount();
        if (cache != null) {
          cache.put(key, provider, modelName, messages, parameters, new ResponseCache.Entry(text, in, out));
        }
        return new Answer(text, in, out, false, attempt);
      } catch (RuntimeException e) {
        last = e;
      }
    }
    throw new ChatFailure(provider + " " + modelName + " failed after " + retry.maxAttempts() + " attempts: "
        + describe(last), retry.maxAttempts(), last);
  }

  /** One attempt, abandoned once {@code deadline} passes. */
  private ChatResponse withinDeadline(ChatRequest request, Deadline deadline) {
    if (deadline.isNone()) {
      return model.chat(request);
    }
    CompletableFuture<ChatResponse> call = CompletableFuture.supplyAsync(() -> model.chat(request), CALLS);
    try {
      return call.get(Math.max(1, (long) (deadline.remainingSeconds() * 1000)), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      call.cancel(true);
      throw new IllegalStateException("no answer before the time budget ran out");
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for an answer");
    }
  }

  /** Daemon threads for calls, so that a call abandoned at the deadline never keeps the JVM alive. */
  private static final java.util.concurrent.Executor CALLS = java.util.concurrent.Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "nomos-llm-call");
    t.setDaemon(true);
    return t;
  });

  private static String describe(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    if (root instanceof java.io.IOException) {
      // A refused or dropped connection surfaces as a bare ClosedChannelException: say what it means.
      return "cannot reach the endpoint (" + (root.getMessage() == null ? root.getClass().getSimpleName()
          : root.getClass().getSimpleName() + ": " + root.getMessage()) + ")";
    }
    return root == e ? message : e.getClass().getSimpleName() + " (" + message + ")";
  }

  private static List<ChatMessage> toLangChain(List<ResponseCache.Message> messages) {
    List<ChatMessage> out = new ArrayList<>();
    for (ResponseCache.Message m : messages) {
      switch (m.role()) {
        case "system" -> out.add(SystemMessage.from(m.text()));
        case "assistant" -> out.add(AiMessage.from(m.text()));
        default -> out.add(UserMessage.from(m.text()));
      }
    }
    return out;
  }
}
