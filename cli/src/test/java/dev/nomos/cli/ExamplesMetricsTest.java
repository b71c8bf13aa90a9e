package dev.nomos.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * Every example's reference model, fitted on its training file with {@code nomos fit}, meets the
 * targets on its test file with {@code nomos eval}, and its README quotes the figures the commands
 * print now (so a change in the runtime cannot leave the documentation quietly stale).
 */
class ExamplesMetricsTest {
  static final Path EXAMPLES = Path.of("../examples");
  /** The README row of the fitted model: NLL per transition and exact-frame accuracy. */
  private static final Pattern FITTED_ROW =
      Pattern.compile("\\| reference fitted on train, on test \\| ([0-9.]+) \\| ([0-9.]+)% \\|");

  @TempDir
  Path dir;

  static String run(String... args) {
    CommandLine cl = Main.newCommandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int exit = cl.execute(args);
    assertEquals(0, exit, String.join(" ", args) + "\n" + err);
    return out.toString();
  }

  /** The reference model of {@code folder} evaluated on 400 steps of the world freshly recorded with {@code policy}. */
  static JsonNode evaluateOnFreshRecording(Path dir, Path folder, String world, String policy) throws IOException {
    Path data = dir.resolve(world + "-" + policy + ".jsonl.gz");
    run("record", world, "--policy", policy, "--steps", "400", "--seed", "20261121", "-o", data.toString());
    JsonNode e = new ObjectMapper().readTree(run("eval", folder.resolve("reference.law").toString(),
        "--data", data.toString(), "--format", "json"));
    assertEquals(400, e.get("transitions").asInt());
    return e;
  }

  static JsonNode fitAndEvaluate(Path dir, Path folder, String train, String test) throws IOException {
    Path fitted = dir.resolve("fitted.law");
    run("fit", folder.resolve("reference.law").toString(), "--data", folder.resolve(train).toString(),
        "-o", fitted.toString());
    return new ObjectMapper().readTree(run("eval", fitted.toString(), "--data", folder.resolve(test).toString(),
        "--format", "json"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"pong", "breakout", "sokoban", "platformer", "keydoor", "time"})
  void builtInWorldsMeetTheTargetsTheirReadmesQuote(String world) throws IOException {
    Path folder = EXAMPLES.resolve(world);
    assumeTrue(Files.isDirectory(folder), "examples not present");
    JsonNode e = fitAndEvaluate(dir, folder, "train.jsonl", "test.jsonl");
    double exact = e.get("exact_frame_accuracy").asDouble();
    assertTrue(exact >= 0.95, world + ": exact-frame accuracy " + exact);
    for (Iterator<Map.Entry<String, JsonNode>> it = e.get("attribute_accuracy").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> a = it.next();
      assertTrue(a.getValue().asDouble() >= 0.99, world + ": " + a.getKey() + " accuracy " + a.getValue());
    }
    Matcher row = FITTED_ROW.matcher(Files.readString(folder.resolve("README.md")));
    assertTrue(row.find(), world + "/README.md has no 'reference fitted on train, on test' row");
    assertEquals(row.group(1), String.format("%.4f", e.get("nll_per_transition").asDouble()), world + " README NLL");
    assertEquals(row.group(2), String.format("%.1f", 100 * exact), world + " README exact-frame accuracy");
  }

  /**
   * The worlds and their reference models agree beyond the recorded examples: a recording with a
   * seed and policy the examples never used is predicted exactly (Pong up to its random serves),
   * its rewards and episode ends included.
   */
  @ParameterizedTest
  @CsvSource({"pong, random", "pong, goal", "breakout, random", "breakout, goal", "sokoban, random", "sokoban, goal",
      "platformer, random", "platformer, goal", "keydoor, random", "keydoor, goal"})
  void freshRecordingsFollowTheReferenceModel(String world, String policy) throws IOException {
    Path folder = EXAMPLES.resolve(world);
    assumeTrue(Files.isDirectory(folder), "examples not present");
    JsonNode e = evaluateOnFreshRecording(dir, folder, world, policy);
    ReferenceOutcomesTest.assertOutcomesExact(e, world + " " + policy);
    double exact = e.get("exact_frame_accuracy").asDouble();
    if (world.equals("pong")) {
      assertTrue(exact >= 0.95, "pong " + policy + ": exact-frame accuracy " + exact);
    } else {
      assertEquals(1.0, exact, world + " " + policy + ": " + e.get("per_type"));
    }
  }
}
