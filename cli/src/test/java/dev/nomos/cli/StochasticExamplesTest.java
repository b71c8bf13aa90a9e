package dev.nomos.cli;

import static dev.nomos.cli.ExamplesMetricsTest.fitAndEvaluate;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The worlds with random movers, random creations and k-step cycles (crossing, invaders): their
 * reference models, fitted on the training file, score the test file with a finite NLL below a
 * bound and an exact-frame accuracy above one (both measured, with a margin; their randomness keeps
 * them far from 1), their READMEs quote what the commands print now, and every type the reference
 * states exactly is predicted exactly on fresh recordings.
 */
class StochasticExamplesTest {
  private static final Pattern FITTED_ROW =
      Pattern.compile("\\| reference fitted on train, on test \\| ([0-9.]+) \\| ([0-9.]+)% \\|");

  @TempDir
  Path dir;

  @ParameterizedTest
  @CsvSource({"crossing, 3.0, 0.20", "invaders, 1.2, 0.65"})
  void fittedReferenceMeetsItsMeasuredBounds(String world, double maxNll, double minExact) throws IOException {
    Path folder = ExamplesMetricsTest.EXAMPLES.resolve(world);
    assumeTrue(Files.isDirectory(folder), "examples not present");
    JsonNode e = fitAndEvaluate(dir, folder, "train.jsonl", "test.jsonl");
    double nll = e.get("nll_per_transition").asDouble();
    double exact = e.get("exact_frame_accuracy").asDouble();
    assertTrue(Double.isFinite(nll) && nll <= maxNll, world + ": test NLL " + nll);
    assertTrue(exact >= minExact, world + ": exact-frame accuracy " + exact);
    Matcher row = FITTED_ROW.matcher(Files.readString(folder.resolve("README.md")));
    assertTrue(row.find(), world + "/README.md has no 'reference fitted on train, on test' row");
    assertEquals(row.group(1), String.format("%.4f", nll), world + " README NLL");
    assertEquals(row.group(2), String.format("%.1f", 100 * exact), world + " README exact-frame accuracy");
  }

  /**
   * On recordings with a seed the examples never used, the types whose rules have no chance in them
   * are predicted exactly: every moving attribute of the player and the cars' x (crossing; the cars'
   * phase read from history), and every moving attribute of every invaders type (the bombs' creation
   * is random, their fall is not); the player, the cannon, the missiles (created on FIRE) and the
   * invaders are right in every frame; so are every reward and every end of the episode.
   */
  @ParameterizedTest
  @CsvSource({"crossing, random, Player Car, Player", "crossing, goal, Player Car, Player",
      "invaders, random, Cannon Missile Invader Bomb, Cannon Missile Invader",
      "invaders, goal, Cannon Missile Invader Bomb, Cannon Missile Invader"})
  void freshRecordingsFollowTheReferenceWhereItIsExact(String world, String policy, String exactAttributes,
      String exactFrames) throws IOException {
    Path folder = ExamplesMetricsTest.EXAMPLES.resolve(world);
    assumeTrue(Files.isDirectory(folder), "examples not present");
    JsonNode e = ExamplesMetricsTest.evaluateOnFreshRecording(dir, folder, world, policy);
    ReferenceOutcomesTest.assertOutcomesExact(e, world + " " + policy);
    for (String type : List.of(exactFrames.split(" "))) {
      assertEquals(1.0, e.get("per_type").get(type).get("exact_frame_accuracy").asDouble(), world + " " + policy + " " + type);
    }
    for (String type : List.of(exactAttributes.split(" "))) {
      JsonNode accuracy = e.get("per_type").get(type).get("attribute_accuracy");
      assertTrue(accuracy.size() > 0, world + " " + type + ": no moving attribute");
      for (Iterator<Map.Entry<String, JsonNode>> it = accuracy.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> a = it.next();
        assertEquals(1.0, a.getValue().asDouble(), world + " " + policy + " " + type + "." + a.getKey());
      }
    }
  }
}
