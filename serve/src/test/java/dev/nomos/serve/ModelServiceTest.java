package dev.nomos.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nomos.runtime.Frame;
import dev.nomos.runtime.model.Simulator;
import dev.nomos.runtime.model.WorldModel;
import dev.nomos.runtime.trajectory.Episode;
import dev.nomos.runtime.trajectory.FrameCodec;
import dev.nomos.runtime.trajectory.ObjectState;
import dev.nomos.runtime.trajectory.StepRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The service's methods on the Pong reference model, checked against the runtime's own answers. */
class ModelServiceTest {
  private static WorldModel model;
  private static Episode episode;
  private ModelService service = new ModelService(model);

  @BeforeAll
  static void load() {
    model = Pong.model();
    episode = Pong.episode(model);
  }

  /** frame t of the test episode with its history (the 16 records before it). */
  private static ObjectNode at(int t, String action) {
    ObjectNode p = Pong.JSON.createObjectNode();
    p.set("frame", Pong.record(t));
    ArrayNode history = p.putArray("history");
    for (int k = Math.max(0, t - 16); k < t; k++) {
      history.add(Pong.record(k));
    }
    p.put("action", action);
    return p;
  }

  private static int actionIndex(String name) {
    return model.schema().actionIndex(name);
  }

  /** The frame the runtime predicts from recorded frame t under {@code action}, written as the service writes frames. */
  private static JsonNode objects(Frame f) {
    StepRecord r = new FrameCodec(model.schema()).decode(f, 0, 0, 0, false);
    ArrayNode out = Pong.JSON.createArrayNode();
    for (ObjectState o : r.objects()) {
      ObjectNode n = out.addObject().put("id", o.id()).put("type", o.type()).put("x", o.x()).put("y", o.y()).put("w", o.w()).put("h", o.h());
      o.attributes().forEach((name, value) -> n.set(name, Pong.JSON.valueToTree(value)));
    }
    return out;
  }

  private RpcError error(String method, JsonNode params) {
    return assertThrows(RpcError.class, () -> service.call(method, params));
  }

  @Test
  void infoDescribesTheWorldWithActionsInDeclaredOrder() {
    JsonNode info = service.call("info", null);
    assertEquals("Pong", info.get("world").asText());
    assertEquals(160, info.get("width").asInt());
    assertEquals(model.schema().actions(), Pong.JSON.convertValue(info.get("actions"), List.class));
    assertEquals(model.lawNames(), Pong.JSON.convertValue(info.get("laws"), List.class));
    assertEquals(Frame.MAX_HISTORY, info.get("max_history").asInt());
    assertFalse(info.get("predicts").get("reward").asBoolean());
    assertFalse(info.get("predicts").get("terminated").asBoolean());
    assertEquals(ModelService.METHODS, Pong.JSON.convertValue(info.get("methods"), List.class));
  }

  @Test
  void stepIsTheRuntimesMostLikelyFrameWithItsProbability() {
    for (int t : new int[] {1, 17, 60}) {
      Simulator.Step expected = new Simulator(model).mostLikely(episode.frames().get(t), actionIndex("DOWN"));
      JsonNode result = service.call("step", at(t, "DOWN"));
      assertEquals(objects(expected.frame()), result.get("frame").get("objects"), "t " + t);
      assertEquals(t + 1, result.get("frame").get("t").asInt());
      assertEquals(expected.frameLogProbability(), result.get("log_probability").asDouble(), 1e-12);
      assertEquals(expected.frameProbability(), result.get("probability").asDouble(), 1e-12);
      // A service told the model predicts neither writes neither: absent, not 0 and false.
      assertFalse(result.has("reward"));
      assertFalse(result.has("terminated"));
      assertFalse(result.get("frame").has("reward"));
      assertFalse(result.get("frame").has("done"));
    }
  }

  @Test
  void historyReachesTheLaws() {
    // The ball's velocity comes from the frame before: without history the prediction differs.
    ObjectNode without = at(40, "NOOP");
    without.remove("history");
    ObjectNode frameOnly = (ObjectNode) without.get("frame");
    frameOnly.put("t", 0);
    assertNotEquals(service.call("step", at(40, "NOOP")).get("frame").get("objects"),
        service.call("step", without).get("frame").get("objects"));
  }

  @Test
  void scoreIsTheRuntimesLogLikelihoodOfTheRecordedNextFrame() {
    int t = 25;
    ObjectNode p = at(t, Pong.record(t).get("action").asText());
    p.set("next", Pong.record(t + 1));
    double expected = new Simulator(model).logProbability(episode.frames().get(t), actionIndex(Pong.record(t).get("action").asText()),
        episode.frames().get(t + 1));
    assertEquals(expected, service.call("score", p).get("log_likelihood").asDouble(), 1e-12);
  }

  @Test
  void sampleDrawsAsTheRuntimeDoesFromTheSeed() {
    ObjectNode p = at(33, "UP").put("n", 4).put("seed", 99);
    JsonNode samples = service.call("sample", p).get("samples");
    assertEquals(4, samples.size());
    Simulator simulator = new Simulator(model);
    SplittableRandom random = new SplittableRandom(99);
    for (JsonNode s : samples) {
      Simulator.Step drawn = simulator.sample(episode.frames().get(33), actionIndex("UP"), random);
      assertEquals(objects(drawn.frame()), s.get("frame").get("objects"));
      assertEquals(drawn.frameLogProbability(), s.get("log_probability").asDouble(), 1e-12);
    }
    assertEquals(samples, service.call("sample", p).get("samples"));
  }

  @Test
  void rolloutIsTheRuntimesRollout() {
    ObjectNode p = at(50, "UP");
    p.remove("action");
    p.putArray("actions").add("UP").add("UP").add("NOOP").add("DOWN");
    JsonNode result = service.call("rollout", p);
    List<Frame> expected = model.rollout(episode.frames().get(50),
        new int[] {actionIndex("UP"), actionIndex("UP"), actionIndex("NOOP"), actionIndex("DOWN")}, false, 0);
    double total = 0;
    for (int k = 0; k < expected.size(); k++) {
      JsonNode step = result.get("steps").get(k);
      assertEquals(objects(expected.get(k)), step.get("frame").get("objects"));
      assertEquals(51 + k, step.get("frame").get("t").asInt());
      total += step.get("log_probability").asDouble();
    }
    assertEquals(total, result.get("log_probability").asDouble(), 1e-9);

    p.put("sample", true).put("seed", 3);
    List<Frame> sampled = model.rollout(episode.frames().get(50),
        new int[] {actionIndex("UP"), actionIndex("UP"), actionIndex("NOOP"), actionIndex("DOWN")}, true, 3);
    JsonNode drawn = service.call("rollout", p).get("steps");
    for (int k = 0; k < sampled.size(); k++) {
      assertEquals(objects(sampled.get(k)), drawn.get(k).get("frame").get("objects"));
    }
  }

  @Test
  void batchFormsAnswerAsTheSingleCalls() {
    List<ObjectNode> singles = new ArrayList<>();
    for (int t = 2; t < 9; t++) {
      singles.add(at(t, t % 2 == 0 ? "UP" : "DOWN"));
    }
    ObjectNode batch = Pong.JSON.createObjectNode();
    ArrayNode requests = batch.putArray("requests");
    singles.forEach(s -> requests.add(s.deepCopy()));
    JsonNode results = service.call("step_batch", batch).get("results");
    assertEquals(singles.size(), results.size());
    for (int k = 0; k < singles.size(); k++) {
      assertEquals(service.call("step", singles.get(k)), results.get(k));
    }
    for (JsonNode r : requests) {
      ((ObjectNode) r).put("n", 2);
    }
    assertEquals(2, service.call("sample_batch", batch).get("results").get(3).get("samples").size());
  }

  @Test
  void aBatchMayGiveOneFrameForAllItsRequests() {
    ObjectNode batch = at(12, "UP");
    batch.remove("action");
    ArrayNode requests = batch.putArray("requests");
    model.schema().actions().forEach(a -> requests.addObject().put("action", a));
    JsonNode results = service.call("step_batch", batch).get("results");
    for (int k = 0; k < model.schema().actions().size(); k++) {
      assertEquals(service.call("step", at(12, model.schema().actions().get(k))), results.get(k));
    }
    ((ObjectNode) requests.get(2)).set("frame", Pong.record(3));
    assertField("params.requests[2].frame", "the batch gives the frame and history; a request gives neither",
        error("step_batch", batch));
    ObjectNode historyOnly = Pong.JSON.createObjectNode();
    historyOnly.putArray("history");
    historyOnly.putArray("requests");
    assertField("params.history", "given without \"frame\"; a batch gives both or neither", error("step_batch", historyOnly));
  }

  @Test
  void framesWithoutIdsAreTracked() {
    ObjectNode p = at(0, "NOOP");
    p.remove("history");
    for (JsonNode o : p.get("frame").get("objects")) {
      ((ObjectNode) o).remove("id");
    }
    JsonNode objects = service.call("step", p).get("frame").get("objects");
    List<Integer> ids = new ArrayList<>();
    objects.forEach(o -> ids.add(o.get("id").asInt()));
    assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9), ids);
  }

  @Test
  void badParametersAreErrorsNamingTheField() {
    assertField("params.frame", "missing", error("step", Pong.json("{\"action\": \"UP\"}")));
    assertField("params.action", "missing", error("step", at(3, "UP").without("action")));
    assertField("params.action", "expected an action name (a string) or null, got 2",
        error("step", at(3, "UP").put("action", 2)));
    assertField("params.action", "unknown action \"JUMP\"; world Pong declares NOOP, FIRE, UP, DOWN, UPFIRE, DOWNFIRE",
        error("step", at(3, "JUMP")));
    ObjectNode p = at(3, "UP");
    ((ObjectNode) p.get("frame").get("objects").get(2)).put("x", "left");
    assertField("params.frame.objects[2].x", "expected an integer, got \"left\"", error("step", p));
    ObjectNode otherWorld = at(3, "UP");
    ((ObjectNode) otherWorld.get("frame").get("objects").get(1)).put("type", "avatar");
    RpcError wrongWorld = error("step", otherWorld);
    assertField("params.frame.objects[1].type", "unknown type \"avatar\"; world Pong declares Player, Enemy, Ball, Wall, Zone, EnemyScore, PlayerScore",
        wrongWorld);
    ObjectNode extra = at(3, "UP");
    ((ObjectNode) extra.get("frame").get("objects").get(0)).put("hp", 3);
    assertEquals("params.frame.objects[0]", error("step", extra).field().substring(0, "params.frame.objects[0]".length()));
    ObjectNode badHistory = at(3, "UP");
    ((ObjectNode) badHistory.get("history").get(1)).put("t", 7);
    assertField("params.history[1].t", "expected 1 (one more than the previous record of episode 0), got 7",
        error("step", badHistory));
    assertField("params.history", "expected an array, got 5", error("step", at(3, "UP").put("history", 5)));
    assertField("params.frame", "expected a JSON object, got an array",
        error("step", at(3, "UP").set("frame", Pong.JSON.createArrayNode())));
    assertField("params.colour", "unknown parameter; step takes action, frame, history",
        error("step", at(3, "UP").put("colour", "red")));
    assertField("params.n", "expected an integer from 1 to 1000000, got 0", error("sample", at(3, "UP").put("n", 0)));
    assertField("params.n", "expected an integer, got \"3\"", error("sample", at(3, "UP").put("n", "3")));
    assertField("params.seed", "expected a 64-bit integer, got 1.5", error("sample", at(3, "UP").put("seed", 1.5)));
    ObjectNode rollout = at(3, "UP").without("action");
    rollout.putArray("actions").add("UP").add(7);
    assertField("params.actions[1]", "expected an action name (a string) or null, got 7", error("rollout", rollout));
    rollout.putArray("actions").add("UP");
    rollout.put("seed", 4);
    assertField("params.seed", "only matters with \"sample\": true (the most likely frames involve no chance)",
        error("rollout", rollout));
    ObjectNode score = at(3, "UP");
    score.set("next", Pong.record(9));
    assertField("params.next.t", "expected 4 (one more than the frame's), got 9", error("score", score));
    ObjectNode batch = Pong.JSON.createObjectNode();
    batch.putArray("requests").add(at(3, "UP")).add(at(4, "UP").put("action", "SIDEWAYS"));
    assertEquals("params.requests[1].action", error("step_batch", batch).field());
    assertField("params", "expected an object (parameters by name), got an array",
        error("step", Pong.JSON.createArrayNode()));
    RpcError unknown = error("stepp", null);
    assertEquals(RpcError.METHOD_NOT_FOUND, unknown.code());
    assertTrue(unknown.getMessage().startsWith("method: no method \"stepp\"; nomos serve has info, step,"));
  }

  private static void assertField(String field, String problem, RpcError e) {
    assertEquals(RpcError.INVALID_PARAMS, e.code());
    assertEquals(field, e.field());
    assertEquals(field + ": " + problem, e.getMessage());
  }

  @Test
  void shutdownIsRemembered() {
    assertFalse(service.shutdownRequested());
    assertTrue(service.call("shutdown", null).isNull());
    assertTrue(service.shutdownRequested());
  }
}
