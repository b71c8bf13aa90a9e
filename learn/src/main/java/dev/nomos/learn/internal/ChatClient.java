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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
      if (attempt > 1) {
        try {
          sleeper.sleep(retry.backoffBefore(attempt).toMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new ChatFailure("interrupted while waiting to retry", attempt - 1, e);
        }
      }
      try {
        ChatResponse response = model.chat(request);
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

  private static String describe(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
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
