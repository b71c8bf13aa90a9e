package dev.nomos.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nomos.compiler.codegen.Engine;
import dev.nomos.plan.ModelTransitions;
import dev.nomos.plan.TransitionModel;
import dev.nomos.runtime.Frame;
import dev.nomos.runtime.model.WorldModel;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --min-step-probability on plan and play, and the reward MCTS reads from a model with a floor. */
class CautiousPlanningTest {
  private static final String WORLD = "../examples/sokoban/world.law";
  private static final String REFERENCE = "../examples/sokoban/reference.law";
  private static final String EVERY_BOX_ON_A_GOAL =
      "not exists b: Box where not exists g: Goal where g.x == b.x and g.y == b.y";

  @TempDir
  Path dir;

  private Path start() {
    Path file = dir.resolve("start.jsonl");
    Run r = Run.run("record", "sokoban", "--policy", "random", "--steps", "2", "--seed", "1", "--level", "0", "-o",
        file.toString());
    assertEquals(0, r.exit(), r.err());
    return file;
  }

  private JsonNode plan(Path start, String minProbability) throws IOException {
    Run r = Run.run("plan", WORLD, REFERENCE, "--from", start + ":0", "--goal", EVERY_BOX_ON_A_GOAL,
        "--min-step-probability", minProbability, "--format", "json");
    return new ObjectMapper().readTree(r.out());
  }

  @Test
  void aThresholdTheModelMeetsChangesNothingAndOneItNeverMeetsLeavesNoPlan() throws IOException {
    Path start = start();
    JsonNode sure = plan(start, "0.5");
    assertEquals("solved", sure.get("status").asText());
    JsonNode plain = plan(start, "0");
    assertEquals(plain.get("length").asInt(), sure.get("length").asInt(), "the reference model is sure of every step");
    // The reference model's floor leaves every prediction a little short of certain.
    JsonNode never = plan(start, "1");
    assertEquals("unreachable", never.get("status").asText());
    assertEquals(0, never.get("length").asInt());
  }

  @Test
  void theThresholdMustBeAProbability() {
    Path start = start();
    Run r = Run.run("plan", WORLD, REFERENCE, "--from", start + ":0", "--goal", EVERY_BOX_ON_A_GOAL,
        "--min-step-probability", "1.5");
    assertEquals(ExitCodes.USAGE, r.exit());
    assertTrue(r.err().contains("--min-step-probability"), r.err());
    Run play = Run.run("play", "sokoban", "--model", WORLD, REFERENCE, "--min-step-probability", "-1");
    assertEquals(ExitCodes.USAGE, play.exit());
  }

  @Test
  void drawnStepsCarryTheMostLikelyRewardNotTheFloorsNoise() throws IOException {
    Path world = dir.resolve("w.law");
    Files.writeString(world, """
        world W {
          screen 10 x 10
          velocity -1..1
          actions NOOP
          entity A
        }

        law paid weight 1 {
          then reward := 1
        }

        floor {
          reward 0.5
        }
        """);
    WorldModel model = ModelInput.load(List.of(world), Engine.COMPILED, null, null,
        new PrintWriter(new StringWriter())).model;
    Frame frame = Frame.builder(model.schema()).add(1, 0, 2, 2, 1, 1).build();
    ModelTransitions transitions = new ModelTransitions(model);
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < 200; i++) {
      TransitionModel.Outcome drawn = transitions.sample(frame, 0, random);
      assertEquals(1.0, drawn.reward(), "draw " + i + ": half the reward's mass is the floor's, yet the reading is 1");
    }
  }
}
