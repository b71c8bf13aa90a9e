package dev.nomos.learn;

import dev.nomos.runtime.io.AtomicFiles;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * LLM answers on disk, keyed by the SHA-256 of the whole request (provider, model, messages,
 * parameters, as canonical JSON), so that a run can be replayed offline exactly. One JSON file per
 * answer under {@code dir/ab/abcdef....json}, written atomically; the file also holds the request,
 * so the cache can be read and audited by a person.
 */
public final class ResponseCache {
  private static final ObjectMapper JSON = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

  /** One cached answer and the tokens the live call reported. */
  public record Entry(String text, long inputTokens, long outputTokens) {}

  /** One chat message of a request: role {@code system}, {@code user} or {@code assistant}. */
  public record Message(String role, String text) {}

  private final Path dir;

  public ResponseCache(Path dir) {
    this.dir = dir;
  }

  public Path dir() {
    return dir;
  }

  /** The cache key of a request: hex SHA-256 of its canonical JSON. */
  public static String key(String provider, String model, java.util.List<Message> messages,
      Map<String, ?> parameters) {
    ObjectNode root = JSON.createObjectNode();
    root.put("provider", provider);
    root.put("model", model);
    var array = root.putArray("messages");
    for (Message m : messages) {
      array.addObject().put("role", m.role()).put("text", m.text());
    }
    root.set("parameters", JSON.valueToTree(new TreeMap<>(parameters)));
    try {
      byte[] canonical = JSON.writeValueAsBytes(root);
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
    } catch (IOException | NoSuchAlgorithmException e) {
      throw new IllegalStateException("cannot hash a chat request", e);
    }
  }

  public Optional<Entry> get(String key) {
    Path file = fileOf(key);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      var node = JSON.readTree(file.toFile());
      return Optional.of(new Entry(node.path("text").asText(), node.path("input_tokens").asLong(),
          node.path("output_tokens").asLong()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read cached LLM answer " + file + ": " + e.getMessage(), e);
    }
  }

  /** Stores an answer atomically (a temp file in the same directory, then an atomic move). */
  public void put(String key, String provider, String model, java.util.List<Message> messages,
      Map<String, ?> parameters, Entry entry) {
    Path file = fileOf(key);
    try {
      Files.createDirectories(file.getParent());
      ObjectNode root = JSON.createObjectNode();
      root.put("key", key);
      root.put("provider", provider);
      root.put("model", model);
      root.set("parameters", JSON.valueToTree(new TreeMap<>(parameters)));
      var array = root.putArray("messages");
      for (Message m : messages) {
        array.addObject().put("role", m.role()).put("text", m.text());
      }
      root.put("text", entry.text());
      root.put("input_tokens", entry.inputTokens());
      root.put("output_tokens", entry.outputTokens());
      AtomicFiles.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write LLM cache entry " + file + ": " + e.getMessage(), e);
    }
  }

  private Path fileOf(String key) {
    return dir.resolve(key.substring(0, 2)).resolve(key + ".json");
  }
}
