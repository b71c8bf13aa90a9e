package dev.nomos.learn;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How to reach a chat model and how patiently.
 *
 * @param model the model name, for example {@code gpt-4o-mini} or {@code qwen2.5-coder:7b}
 * @param baseUrl the endpoint; null for the provider's default
 * @param apiKey the key (OpenAI-compatible endpoints); null where none is needed
 * @param timeout per call
 * @param retry retries with back-off after a failed call
 * @param temperature sampling temperature; null for the provider's default
 * @param maxOutputTokens cap on the tokens of one answer; null for the provider's default
 * @param cacheDir where answers are cached for offline replay; null for no cache
 * @param repairRounds how many times diagnostics of a bad answer go back to the model (at most 2)
 */
public record LlmSettings(String model, String baseUrl, String apiKey, Duration timeout, RetryPolicy retry,
    Double temperature, Integer maxOutputTokens, Path cacheDir, int repairRounds) {

  public static final int MAX_REPAIR_ROUNDS = 2;

  public LlmSettings {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(retry, "retry");
    if (repairRounds < 0 || repairRounds > MAX_REPAIR_ROUNDS) {
      throw new IllegalArgumentException("repairRounds must be 0.." + MAX_REPAIR_ROUNDS + ", got " + repairRounds);
    }
  }

  public static LlmSettings of(String model) {
    return new LlmSettings(model, null, null, Duration.ofSeconds(120), RetryPolicy.DEFAULT, 0.0, 2048, null,
        MAX_REPAIR_ROUNDS);
  }

  public LlmSettings withBaseUrl(String url) {
    return new LlmSettings(model, url, apiKey, timeout, retry, temperature, maxOutputTokens, cacheDir, repairRounds);
  }

  public LlmSettings withApiKey(String key) {
    return new LlmSettings(model, baseUrl, key, timeout, retry, temperature, maxOutputTokens, cacheDir, repairRounds);
  }

  public LlmSettings withTimeout(Duration t) {
    return new LlmSettings(model, baseUrl, apiKey, t, retry, temperature, maxOutputTokens, cacheDir, repairRounds);
  }

  public LlmSettings withRetry(RetryPolicy r) {
    return new LlmSettings(model, baseUrl, apiKey, timeout, r, temperature, maxOutputTokens, cacheDir, repairRounds);
  }

  public LlmSettings withCacheDir(Path dir) {
    return new LlmSettings(model, baseUrl, apiKey, timeout, retry, temperature, maxOutputTokens, dir, repairRounds);
  }
}
