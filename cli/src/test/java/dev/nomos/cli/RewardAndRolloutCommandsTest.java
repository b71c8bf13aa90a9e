package dev.nomos.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code eval}'s reward and end report and horizon curve, and {@code simulate}'s predictions, on the Sokoban example. */
class RewardAndRolloutCommandsTest {
  static final Path SOKOBAN = Path.of("../examples/sokoban");
  @TempDir Path dir;
  String reference;
  String test;

  @BeforeEach
  void examples() {
    assumeTrue(Files.isDirectory(SOKOBAN), "examples not present");
    reference = SOKOBAN.resolve("reference.law").toString();
    test = SOKOBAN.resolve("test.jsonl").toString();
  }

  @Test
  void evalReportsRewardAndEndInTextAndJson() throws Exception {
    Run text = Run.run("eval", reference, "--data", test);
    assertEquals(0, text.exit(), text.err());
    assertTrue(text.out().contains("reward accuracy        100.0%"), text.out());
    assertTrue(text.out().contains("  on non-zero rewards  100.0%  (6 of 6"), text.out());
    assertTrue(text.out().contains("  recall               100.0%  (1 of 1 recorded ends)"), text.out());
    JsonNode json = new ObjectMapper().readTree(Run.run("eval", reference, "--data", test, "--format", "json").out());
    assertEquals(1.0, json.at("/reward/accuracy").asDouble());
    assertEquals(6, json.at("/reward/nonzero_steps").asInt());
    assertEquals(1.0, json.at("/end/precision").asDouble());
    assertEquals(1, json.at("/end/recorded").asInt(), "three of the four episodes are cuts, not ends");
  }

  @Test
  void aModelWithoutRewardLawsIsRightOnlyOnTheZeros() throws Exception {
    Path world = SOKOBAN.resolve("world.law");
    Path still = dir.resolve("still.law");
    Files.writeString(still, "use \"" + world.toAbsolutePath() + "\"\n\nlaw walls_stay {\n  for w: Wall\n  then w.vx := 0\n       w.vy := 0\n}\n");
    JsonNode json = new ObjectMapper().readTree(Run.run("eval", still.toString(), "--data", test, "--format", "json").out());
    assertEquals(0.0, json.at("/reward/nonzero_accuracy").asDouble());
    assertEquals(0.0, json.at("/end/recall").asDouble());
    assertTrue(json.at("/end/precision").isNull(), "no end predicted: precision undefined");
  }

  @Test
  void horizonGivesOneRowPerStepAndJsonSteps() throws Exception {
    Run text = Run.run("eval", reference, "--data", test, "--horizon", "3");
    assertEquals(0, text.exit(), text.err());
    assertTrue(text.out().contains("rollouts under the recorded actions from each of 500 steps (the most likely step):"), text.out());
    assertTrue(text.out().contains("      3      492       100.0%"), text.out());
    JsonNode json = new ObjectMapper().readTree(
        Run.run("eval", reference, "--data", test, "--horizon", "2", "--samples", "2", "--seed", "4", "--format", "json").out());
    assertEquals(2, json.at("/horizon/samples").asInt());
    assertEquals(2, json.at("/horizon/steps").size());
    assertEquals(1000, json.at("/horizon/steps/0/cases").asInt());
    assertTrue(json.at("/horizon/steps/1/exact_frame_accuracy").asDouble() > 0.99);
  }

  @Test
  void rolloutOptionsAreCheckedBeforeAnyWork() {
    Run noHorizon = Run.run("eval", reference, "--data", test, "--samples", "3");
    assertEquals(2, noHorizon.exit());
    assertTrue(noHorizon.err().contains("--samples needs --horizon"), noHorizon.err());
    Run zero = Run.run("eval", reference, "--data", test, "--horizon", "0");
    assertEquals(2, zero.exit());
    assertTrue(zero.err().contains("--horizon must be at least 1"), zero.err());
    Run simulate = Run.run("simulate", reference, "--from", test + ":0", "--actions", "UP", "--samples", "0");
    assertEquals(2, simulate.exit());
  }

  @Test
  void simulatePrintsPredictedRewardEndAndProbabilitiesAndReadsBack() throws Exception {
    Path out = dir.resolve("rollout.jsonl");
    Run run = Run.run("simulate", reference, "--from", test + ":0", "--actions", "RIGHT,RIGHT,LEFT", "-o", out.toString());
    assertEquals(0, run.exit(), run.err());
    List<String> lines = Files.readAllLines(out);
    assertEquals(3, lines.size());
    JsonNode first = new ObjectMapper().readTree(lines.get(0));
    assertTrue(first.at("/prediction/reward_probability").asDouble() > 0.99);
    assertTrue(first.at("/prediction/end_probability").asDouble() < 0.01);
    assertTrue(first.at("/prediction/log_probability").asDouble() <= 0);
    // The output is trajectory data again: eval reads it (the prediction field is skipped).
    Run again = Run.run("eval", reference, "--data", out.toString());
    assertEquals(0, again.exit(), again.err());
    Run samples = Run.run("simulate", reference, "--from", test + ":0", "--actions", "RIGHT,UP", "--samples", "3", "--seed", "1");
    assertEquals(0, samples.exit(), samples.err());
    assertEquals(6, samples.out().lines().count());
    assertTrue(samples.out().contains("\"episode\":2,"), samples.out());
  }
}
