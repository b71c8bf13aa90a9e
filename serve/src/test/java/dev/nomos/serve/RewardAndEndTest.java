package dev.nomos.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nomos.runtime.Frame;
import dev.nomos.runtime.model.Simulator;
import dev.nomos.runtime.model.WorldModel;
import dev.nomos.runtime.trajectory.Episode;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A model that predicts reward and end: the service's predictions carry them with their
 * probabilities, as the runtime's {@link Simulator} gives them, and a rollout stops at a predicted end.
 * The Pong reference model states rewards (a ball in a goal zone scores).
 */
class RewardAndEndTest {
  private static WorldModel model;
  private static Episode episode;

  @BeforeAll
  static void load() {
    model = Pong.model();
    episode = Pong.episode(model);
  }

  private static ObjectNode at(int t) {
    ObjectNode p = Pong.JSON.createObjectNode();
    p.set("frame", Pong.record(t));
    ArrayNode history = p.putArray("history");
    for (int k = Math.max(0, t - 16); k < t; k++) {
      history.add(Pong.record(k));
    }
    return p;
  }

  /** A recorded step whose reward is not 0, so that the test sees a reward law at work. */
  private static int rewardedStep() {
    for (int t = 1; t < episode.frames().size() - 1; t++) {
      if (Pong.record(t).path("reward").asDouble() != 0) {
        return t;
      }
    }
    throw new AssertionError("the Pong test episode has no reward");
  }

  @Test
  void infoSaysWhatTheModelPredicts() {
    JsonNode predicts = new ModelService(model, new Predicts(true, false)).call("info", null).get("predicts");
    assertTrue(predicts.get("reward").asBoolean());
    assertFalse(predicts.get("terminated").asBoolean());
  }

  @Test
  void stepCarriesTheSimulatorsRewardAndEnd() {
    ModelService service = new ModelService(model, new Predicts(true, true));
    int rewarded = rewardedStep();
    boolean sawReward = false;
    for (int t : new int[] {1, rewarded, 30}) {
      String action = Pong.record(t).get("action").asText();
      Simulator.Step expected = new Simulator(model).mostLikely(episode.frames().get(t), model.schema().actionIndex(action));
      JsonNode result = service.call("step", at(t).put("action", action));
      assertEquals(expected.reward(), result.get("reward").asInt(), "t " + t);
      assertEquals(expected.rewardProbability(), result.get("reward_probability").asDouble(), 1e-12);
      assertEquals(expected.end(), result.get("terminated").asBoolean());
      assertEquals(expected.endProbability(), result.get("terminated_probability").asDouble(), 1e-12);
      assertEquals(expected.frameLogProbability(), result.get("log_probability").asDouble(), 1e-12);
      sawReward |= expected.reward() != 0;
    }
    assertTrue(sawReward, "the reward law predicts the recorded reward at t " + rewarded);
  }

  @Test
  void samplesCarryTheirDrawnReward() {
    ModelService service = new ModelService(model, new Predicts(true, false));
    int t = rewardedStep();
    String action = Pong.record(t).get("action").asText();
    JsonNode samples = service.call("sample", at(t).put("action", action).put("n", 5).put("seed", 7)).get("samples");
    Simulator simulator = new Simulator(model);
    SplittableRandom random = new SplittableRandom(7);
    for (JsonNode s : samples) {
      Simulator.Step drawn = simulator.sample(episode.frames().get(t), model.schema().actionIndex(action), random);
      assertEquals(drawn.reward(), s.get("reward").asInt());
      assertEquals(drawn.rewardProbability(), s.get("reward_probability").asDouble(), 1e-12);
      assertFalse(s.has("terminated"));
    }
  }

  @Test
  void aRolloutStopsAtAPredictedEnd() {
    // The goal walker's episode ends when it steps onto cell 6: from cell 3, on the third RIGHT.
    WorldModel walker = Pong.compile(List.of(Path.of("..", "python", "tests", "goal_walker.law")));
    ModelService service = new ModelService(walker, new Predicts(true, true));
    JsonNode result = service.call("rollout", Pong.json("{\"frame\": {\"t\": 0, \"objects\": [{\"id\": 1, \"type\":"
        + " \"Walker\", \"x\": 3, \"y\": 0}]}, \"actions\": [\"RIGHT\", \"RIGHT\", \"RIGHT\", \"RIGHT\", \"LEFT\"]}"));
    Simulator simulator = new Simulator(walker);
    int right = simulator.action("RIGHT");
    Frame current = start(walker);
    JsonNode steps = result.get("steps");
    double total = 0;
    for (int k = 0; k < 3; k++) {
      Simulator.Step s = simulator.mostLikely(current, right);
      JsonNode step = steps.get(k);
      assertEquals(s.reward(), step.get("reward").asInt());
      assertEquals(s.rewardProbability(), step.get("reward_probability").asDouble(), 1e-12);
      assertEquals(s.end(), step.get("terminated").asBoolean());
      assertEquals(s.endProbability(), step.get("terminated_probability").asDouble(), 1e-12);
      assertEquals(k == 2, s.end(), "step " + k);
      total += s.frameLogProbability();
      current = s.frame();
    }
    assertEquals(3, steps.size(), "no step after the end");
    assertEquals(total, result.get("log_probability").asDouble(), 1e-12);
  }

  @Test
  void scoreIsThePredictionsFrameProbabilityWhateverTheFrameSaysOfItsReward() {
    WorldModel walker = Pong.compile(List.of(Path.of("..", "python", "tests", "goal_walker.law")));
    ModelService service = new ModelService(walker, new Predicts(true, true));
    String frame = "{\"t\": 0, \"objects\": [{\"id\": 1, \"type\": \"Walker\", \"x\": 5, \"y\": 0}]";
    JsonNode step = service.call("step", Pong.json("{\"frame\": " + frame + "}, \"action\": \"RIGHT\"}"));
    for (String reward : new String[] {"", ", \"reward\": 1", ", \"reward\": -1"}) {
      JsonNode score = service.call("score", Pong.json("{\"frame\": " + frame + reward + "}, \"action\": \"RIGHT\", \"next\": "
          + step.get("frame") + "}"));
      assertEquals(step.get("log_probability").asDouble(), score.get("log_likelihood").asDouble(), 1e-12, reward);
    }
  }

  private static Frame start(WorldModel walker) {
    return Frame.builder(walker.schema()).add(1, walker.schema().type("Walker").index(), 3, 0, 1, 1).build();
  }
}
