package dev.nomos.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nomos.worlds.Worlds;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every built-in world's reference model states the reward and the end of the episode exactly: on
 * its test recording, reward accuracy at least 0.99 overall and 0.95 on the non-zero rewards, and
 * every predicted end recorded and every recorded end predicted (a cut by a step limit is not an
 * end). docs/worlds.md quotes the figures `nomos eval` prints now.
 */
class ReferenceOutcomesTest {
  private static final Path WORLDS_DOC = Path.of("../docs/worlds.md");

  static Stream<String> worlds() {
    return Worlds.names().stream();
  }

  @ParameterizedTest
  @MethodSource("worlds")
  void referenceStatesRewardAndEndOnItsTestRecording(String world) throws IOException {
    Path folder = ExamplesMetricsTest.EXAMPLES.resolve(world);
    assumeTrue(Files.isDirectory(folder) && Files.exists(WORLDS_DOC), "examples not present");
    JsonNode e = new ObjectMapper().readTree(ExamplesMetricsTest.run("eval", folder.resolve("reference.law").toString(),
        "--data", folder.resolve("test.jsonl").toString(), "--format", "json"));
    JsonNode reward = e.get("reward");
    JsonNode end = e.get("end");
    assertTrue(reward.get("accuracy").asDouble() >= 0.99, world + " reward accuracy " + reward);
    assertTrue(reward.get("nonzero_steps").asInt() > 0, world + ": the test recording earns no reward");
    assertTrue(reward.get("nonzero_accuracy").asDouble() >= 0.95, world + " non-zero reward accuracy " + reward);
    assertOutcomesExact(e, world + " test");

    List<String> row = worldsDocRow(world).orElseThrow(() -> new AssertionError("docs/worlds.md has no outcome row for " + world));
    assertEquals(percent(reward.get("accuracy")), row.get(1), world + " reward accuracy in docs/worlds.md");
    assertEquals(share(reward.get("nonzero_accuracy"), reward.get("nonzero_steps").asLong()), row.get(2),
        world + " non-zero reward accuracy in docs/worlds.md");
    assertTrue(row.get(3).startsWith(share(end.get("precision"), end.get("predicted").asLong())),
        world + " end precision in docs/worlds.md: " + row.get(3));
    assertTrue(row.get(4).startsWith(share(end.get("recall"), end.get("recorded").asLong())),
        world + " end recall in docs/worlds.md: " + row.get(4));
  }

  /** Every predicted end is a recorded one and every recorded end is predicted (where there are any). */
  static void assertOutcomesExact(JsonNode evaluation, String what) {
    JsonNode end = evaluation.get("end");
    if (end.get("predicted").asLong() > 0) {
      assertEquals(1.0, end.get("precision").asDouble(), what + ": end precision " + end);
    }
    if (end.get("recorded").asLong() > 0) {
      assertEquals(1.0, end.get("recall").asDouble(), what + ": end recall " + end);
    }
    assertEquals(1.0, evaluation.get("reward").get("accuracy").asDouble(), what + ": reward " + evaluation.get("reward"));
  }

  private static Optional<List<String>> worldsDocRow(String world) throws IOException {
    return Files.readAllLines(WORLDS_DOC).stream()
        .filter(l -> l.startsWith("| " + world + " | ") && l.contains("%"))
        .map(l -> Arrays.stream(l.split("\\|")).map(String::trim).skip(1).toList())
        .findFirst();
  }

  private static String percent(JsonNode fraction) {
    return String.format("%.1f%%", 100 * fraction.asDouble());
  }

  /** "87.5% (7 of 8)" as eval prints it, or "-" when there is nothing to count. */
  private static String share(JsonNode fraction, long of) {
    if (of == 0) {
      return "-";
    }
    return percent(fraction) + " (" + Math.round(fraction.asDouble() * of) + " of " + of + ")";
  }
}
