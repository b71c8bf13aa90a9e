package dev.nomos.runtime.trajectory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.nomos.runtime.AttributeSpec;
import dev.nomos.runtime.EntityType;
import dev.nomos.runtime.WorldSchema;
import dev.nomos.runtime.model.Metrics;
import dev.nomos.runtime.model.ProgressListener;
import dev.nomos.runtime.model.WorldModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded random damage to a valid file (values replaced by wrong kinds, fields dropped, lines
 * swapped, cut or doubled): every result either reads, and then runs through a model, or fails
 * with a {@link TrajectoryFormatException} naming the file and a line that exists. Never any other
 * exception, which the command line would show as an internal error.
 */
class MutatedRecordsTest {
  static final WorldSchema WORLD = new WorldSchema("W", 20, 20, -2, 2, List.of("NOOP", "UP"), List.of(
      new EntityType("Ball", 0, List.of()),
      new EntityType("Lamp", 1, List.of(AttributeSpec.ofInt("level", 0, 3), AttributeSpec.ofBool("on"),
          AttributeSpec.ofSymbols("color", List.of("red", "green"))))));
  static final String[] REPLACEMENTS = {"\"abc\"", "-1", "1.5", "null", "true", "[]", "{}", "99999999999", "\"\"",
      "0", "2", "\"UP\"", "\"Lamp\"", "-2147483648", "1e3"};
  /** A JSON scalar value after a colon. */
  static final Pattern VALUE = Pattern.compile(":(\"[^\"]*\"|-?[0-9.]+|true|false|null)");

  @TempDir
  Path dir;

  static List<String> base() {
    List<String> lines = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      lines.add("{\"episode\":0,\"t\":" + t + ",\"action\":" + (t == 7 ? "null" : "\"UP\"") + ",\"reward\":0,\"done\":"
          + (t == 7) + ",\"objects\":[{\"id\":1,\"type\":\"Ball\",\"x\":" + (2 + t) + ",\"y\":5,\"w\":1,\"h\":1},"
          + "{\"id\":2,\"type\":\"Lamp\",\"x\":1,\"y\":1,\"level\":" + (t % 4) + ",\"on\":" + (t % 2 == 0)
          + ",\"color\":\"red\"}]}");
    }
    return lines;
  }

  static List<String> mutate(List<String> lines, SplittableRandom random) {
    List<String> out = new ArrayList<>(lines);
    int edits = 1 + random.nextInt(3);
    for (int e = 0; e < edits; e++) {
      int k = random.nextInt(out.size());
      String line = out.get(k);
      switch (random.nextInt(6)) {
        case 0, 1 -> {
          List<int[]> spans = new ArrayList<>();
          Matcher m = VALUE.matcher(line);
          while (m.find()) {
            spans.add(new int[] {m.start(1), m.end(1)});
          }
          int[] s = spans.get(random.nextInt(spans.size()));
          out.set(k, line.substring(0, s[0]) + REPLACEMENTS[random.nextInt(REPLACEMENTS.length)] + line.substring(s[1]));
        }
        case 2 -> {
          Matcher m = Pattern.compile(",?\"[a-z]+\":(\"[^\"]*\"|-?[0-9.]+|true|false|null)").matcher(line);
          List<int[]> spans = new ArrayList<>();
          while (m.find()) {
            spans.add(new int[] {m.start(), m.end()});
          }
          int[] s = spans.get(random.nextInt(spans.size()));
          out.set(k, line.substring(0, s[0]) + line.substring(s[1]));
        }
        case 3 -> out.set(k, line.substring(0, random.nextInt(line.length())));
        case 4 -> out.add(k, line);
        default -> {
          int j = random.nextInt(out.size());
          out.set(k, out.get(j));
          out.set(j, line);
        }
      }
    }
    return out;
  }

  @Test
  void damagedFilesReadOrFailWithFileAndLine() throws IOException {
    assertEquals(1, Episodes.read(write(base(), "base.jsonl"), WORLD).size());
    SplittableRandom random = new SplittableRandom(20261121);
    WorldModel empty = WorldModel.of(WORLD, List.of());
    int failures = 0;
    for (int n = 0; n < 400; n++) {
      List<String> lines = mutate(base(), random);
      Path file = write(lines, "m" + n + ".jsonl");
      try {
        List<Episode> episodes = Episodes.read(file, WORLD);
        Metrics.evaluate(empty, episodes, ProgressListener.NONE);
      } catch (TrajectoryFormatException e) {
        failures++;
        assertEquals(file, e.file());
        assertTrue(e.line() >= 1 && e.line() <= lines.size(), e.getMessage());
      } catch (RuntimeException e) {
        fail("mutation " + n + " threw " + e + " on:\n" + String.join("\n", lines), e);
      }
      Files.delete(file);
    }
    assertTrue(failures > 200, "most damage must be caught: " + failures);
  }

  private Path write(List<String> lines, String name) throws IOException {
    return Files.write(dir.resolve(name), lines);
  }
}
