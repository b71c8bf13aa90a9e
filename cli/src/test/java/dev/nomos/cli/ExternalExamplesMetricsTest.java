package dev.nomos.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The hand-written models of the external recordings ({@code examples/external}), fitted with
 * {@code nomos fit} and evaluated with {@code nomos eval}, give the figures their README quotes.
 */
class ExternalExamplesMetricsTest {
  @TempDir
  Path dir;

  @ParameterizedTest
  @CsvSource({
      "doorkey, MiniGrid DoorKey-5x5",
      "sokoban, GVGAI sokoban",
      "zelda, GVGAI zelda",
      "aliens, GVGAI aliens"})
  void externalRecordingsMatchTheirReadme(String name, String label) throws IOException {
    Path folder = ExamplesMetricsTest.EXAMPLES.resolve("external").resolve(name);
    assumeTrue(Files.isDirectory(folder), "examples not present");
    JsonNode e = ExamplesMetricsTest.fitAndEvaluate(dir, folder, "train.jsonl.gz", "test.jsonl.gz");
    String readme = Files.readString(ExamplesMetricsTest.EXAMPLES.resolve("external/README.md"));
    Matcher row = Pattern.compile("\\| " + Pattern.quote(label) + "[^|]*\\| ([0-9.]+) \\| ([0-9.]+)% \\|").matcher(readme);
    assertTrue(row.find(), "external/README.md has no row for " + label);
    assertEquals(row.group(1), String.format("%.4f", e.get("nll_per_transition").asDouble()), label + " README NLL");
    assertEquals(row.group(2), String.format("%.1f", 100 * e.get("exact_frame_accuracy").asDouble()),
        label + " README exact-frame accuracy");
  }
}
