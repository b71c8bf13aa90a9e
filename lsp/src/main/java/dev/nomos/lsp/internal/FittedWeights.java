package dev.nomos.lsp.internal;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.nomos.compiler.Parser;
import dev.nomos.compiler.ast.LawDecl;
import dev.nomos.compiler.source.SourceFile;
import dev.nomos.runtime.io.BoundedFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Weights that {@code nomos fit} wrote for laws, found beside a source file: {@code <stem>.fitted.law}
 * first, then any other {@code .law} in the directory restating the law with a {@code weight},
 * then model jars ({@code *.jar} with {@code META-INF/nomos/model.json}). Results are cached per
 * file and invalidated when the file's size or modification time changes.
 */
public final class FittedWeights {
  /** A weight and the file it was read from. */
  public record Fitted(double weight, String from) {}

  private static final String MODEL_JSON = "META-INF/nomos/model.json";
  private static final int MAX_FILES = 100;
  private static final long MAX_MODEL_JSON_BYTES = 16L << 20;

  private record Stamp(long size, long modified) {}

  private record Entry(Stamp stamp, Map<String, Double> weights) {}

  private final Map<Path, Entry> cache = new ConcurrentHashMap<>();

  /** Every fitted weight for {@code law} beside {@code source}, most specific file first. */
  public List<Fitted> find(Path source, String law) {
    Path dir = source.toAbsolutePath().getParent();
    if (dir == null || !Files.isDirectory(dir)) {
      return List.of();
    }
    String fileName = source.getFileName().toString();
    String stem = fileName.endsWith(".law") ? fileName.substring(0, fileName.length() - 4) : fileName;
    Path fitted = dir.resolve(stem + ".fitted.law");
    List<Path> candidates = new ArrayList<>();
    if (Files.isRegularFile(fitted) && !fitted.equals(source.toAbsolutePath())) {
      candidates.add(fitted);
    }
    try (Stream<Path> files = Files.list(dir)) {
      files.sorted().limit(MAX_FILES)
          .filter(f -> !f.equals(fitted) && !f.equals(source.toAbsolutePath()) && Files.isRegularFile(f))
          .filter(f -> f.toString().endsWith(".law") || f.toString().endsWith(".jar"))
          .forEach(candidates::add);
    } catch (IOException unreadable) {
      return List.of();
    }
    List<Fitted> result = new ArrayList<>();
    for (Path candidate : candidates) {
      Double w = weights(candidate).get(law);
      if (w != null) {
        result.add(new Fitted(w, candidate.getFileName().toString()));
      }
    }
    return result;
  }

  private Map<String, Double> weights(Path file) {
    Stamp stamp;
    try {
      stamp = new Stamp(Files.size(file), Files.getLastModifiedTime(file).toMillis());
    } catch (IOException gone) {
      return Map.of();
    }
    Entry cached = cache.get(file);
    if (cached != null && cached.stamp().equals(stamp)) {
      return cached.weights();
    }
    Map<String, Double> weights = file.toString().endsWith(".jar") ? fromJar(file) : fromLaw(file);
    cache.put(file, new Entry(stamp, weights));
    return weights;
  }

  private static Map<String, Double> fromLaw(Path file) {
    try {
      String text = new String(BoundedFiles.read(file, 3L * Parser.MAX_SOURCE_CHARS), StandardCharsets.UTF_8);
      Map<String, Double> weights = new LinkedHashMap<>();
      for (LawDecl law : Parser.parse(new SourceFile(file.toString(), text)).unit().laws()) {
        if (law.weight() != null) {
          weights.putIfAbsent(law.name().text(), law.weight());
        }
      }
      return weights;
    } catch (IOException | RuntimeException unreadable) {
      return Map.of();
    }
  }

  private static Map<String, Double> fromJar(Path file) {
    try (ZipFile zip = new ZipFile(file.toFile())) {
      ZipEntry entry = zip.getEntry(MODEL_JSON);
      if (entry == null || entry.getSize() > MAX_MODEL_JSON_BYTES) {
        return Map.of();
      }
      try (InputStream in = zip.getInputStream(entry)) {
        return fromModelJson(JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
      }
    } catch (IOException | RuntimeException notAModel) {
      return Map.of();
    }
  }

  /**
   * Reads law weights from a model.json: {@code "laws": [{"name": n, "weight": w}, ...]},
   * {@code "laws": {n: {"weight": w}}} or {@code "weights": {n: w}}.
   */
  public static Map<String, Double> fromModelJson(JsonElement root) {
    Map<String, Double> weights = new LinkedHashMap<>();
    if (!root.isJsonObject()) {
      return weights;
    }
    JsonObject obj = root.getAsJsonObject();
    JsonElement laws = obj.get("laws");
    if (laws != null && laws.isJsonArray()) {
      for (JsonElement law : laws.getAsJsonArray()) {
        if (law.isJsonObject() && law.getAsJsonObject().has("name") && number(law.getAsJsonObject().get("weight"))) {
          weights.put(law.getAsJsonObject().get("name").getAsString(),
              law.getAsJsonObject().get("weight").getAsDouble());
        }
      }
    } else if (laws != null && laws.isJsonObject()) {
      laws.getAsJsonObject().entrySet().forEach(e -> {
        if (e.getValue().isJsonObject() && number(e.getValue().getAsJsonObject().get("weight"))) {
          weights.put(e.getKey(), e.getValue().getAsJsonObject().get("weight").getAsDouble());
        }
      });
    }
    JsonElement map = obj.get("weights");
    if (map != null && map.isJsonObject()) {
      map.getAsJsonObject().entrySet().forEach(e -> {
        if (number(e.getValue())) {
          weights.putIfAbsent(e.getKey(), e.getValue().getAsDouble());
        }
      });
    }
    return weights;
  }

  private static boolean number(JsonElement e) {
    return e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber();
  }
}
