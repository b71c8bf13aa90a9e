package dev.nomos.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nomos.runtime.AttributeSpec;
import dev.nomos.runtime.EntityType;
import dev.nomos.runtime.WorldSchema;
import dev.nomos.runtime.model.WorldModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code step_packed} (docs/serve.md, "Packed steps") answers what {@code step} answers for the same
 * frames, in both encodings, and refuses a bad run of integers with an error naming the integer, the
 * state, the record and the field. The states are packed here from the recorded JSON, by the
 * documented layout.
 */
class PackedStepTest {
  private static final Path KEYDOOR = Path.of("..", "examples", "keydoor");

  /** The records of a recording, as JSON. */
  private static List<JsonNode> records(Path file) {
    try {
      List<JsonNode> out = new ArrayList<>();
      for (String line : Files.readAllLines(file)) {
        out.add(Pong.json(line));
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Appends the body of a JSON record: n, then per object id, type, x, y, w, h and its attributes. */
  private static void body(WorldSchema schema, JsonNode record, List<Integer> out) {
    out.add(record.get("objects").size());
    for (JsonNode o : record.get("objects")) {
      EntityType type = schema.type(o.get("type").asText());
      out.add(o.get("id").asInt());
      out.add(type.index());
      for (String place : List.of("x", "y", "w", "h")) {
        out.add(o.get(place).asInt());
      }
      for (AttributeSpec a : type.extras()) {
        JsonNode v = o.get(a.name());
        out.add(switch (a.kind()) {
          case INT -> v.asInt();
          case BOOL -> v.asBoolean() ? 1 : 0;
          case SYMBOL -> a.symbolIndex(v.asText());
        });
      }
    }
  }

  /** The state of record {@code t} of {@code records} with the {@code history} records before it. */
  private static void state(WorldSchema schema, List<JsonNode> records, int t, int history, List<Integer> out) {
    out.add(history + 1);
    out.add(records.get(t).get("t").asInt());
    for (int k = t - history; k <= t; k++) {
      JsonNode action = records.get(k).get("action");
      out.add(action == null || action.isNull() ? -1 : schema.actionIndex(action.asText()));
      body(schema, records.get(k), out);
    }
  }

  private static ArrayNode json(List<Integer> ints) {
    ArrayNode out = Pong.JSON.createArrayNode();
    ints.forEach(out::add);
    return out;
  }

  private static String base64(List<Integer> ints) {
    ByteBuffer bytes = ByteBuffer.allocate(ints.size() * 4).order(ByteOrder.LITTLE_ENDIAN);
    ints.forEach(bytes::putInt);
    return Base64.getEncoder().encodeToString(bytes.array());
  }

  private static int[] ints(JsonNode column) {
    if (column.isArray()) {
      int[] out = new int[column.size()];
      for (int k = 0; k < out.length; k++) {
        out[k] = column.get(k).intValue();
      }
      return out;
    }
    ByteBuffer bytes = ByteBuffer.wrap(Base64.getDecoder().decode(column.asText())).order(ByteOrder.LITTLE_ENDIAN);
    int[] out = new int[bytes.remaining() / 4];
    bytes.asIntBuffer().get(out);
    return out;
  }

  private static double[] doubles(JsonNode column) {
    if (column.isArray()) {
      double[] out = new double[column.size()];
      for (int k = 0; k < out.length; k++) {
        out[k] = column.get(k).doubleValue();
      }
      return out;
    }
    ByteBuffer bytes = ByteBuffer.wrap(Base64.getDecoder().decode(column.asText())).order(ByteOrder.LITTLE_ENDIAN);
    double[] out = new double[bytes.remaining() / 8];
    bytes.asDoubleBuffer().get(out);
    return out;
  }

  private static ObjectNode params(JsonNode states, String encoding) {
    ObjectNode p = Pong.JSON.createObjectNode();
    p.set("states", states);
    if (encoding != null) {
      p.put("encoding", encoding);
    }
    return p;
  }

  /** Every recorded step of the first episode of {@code records}, packed and stepped, against {@code step}. */
  private static void answersAsStep(WorldModel model, Predicts predicts, List<JsonNode> records, int history) {
    ModelService service = new ModelService(model, predicts);
    WorldSchema schema = model.schema();
    List<Integer> ints = new ArrayList<>();
    List<Integer> steps = new ArrayList<>();
    for (int t = history; t < records.size() - 1 && !records.get(t).path("done").asBoolean(); t++) {
      state(schema, records, t, history, ints);
      steps.add(t);
    }
    for (String encoding : List.of("json", "base64")) {
      JsonNode result = service.call("step_packed", params(
          encoding.equals("json") ? json(ints) : Pong.JSON.getNodeFactory().textNode(base64(ints)), encoding));
      assertEquals(steps.size(), result.get("count").asInt());
      int[] frames = ints(result.get("frames"));
      int[] offsets = ints(result.get("offsets"));
      double[] logProbability = doubles(result.get("log_probability"));
      assertEquals(steps.size() + 1, offsets.length);
      assertEquals(frames.length, offsets[steps.size()]);
      for (int k = 0; k < steps.size(); k++) {
        int t = steps.get(k);
        ObjectNode single = Pong.JSON.createObjectNode();
        single.set("frame", records.get(t));
        ArrayNode past = single.putArray("history");
        for (int h = t - history; h < t; h++) {
          past.add(records.get(h));
        }
        single.set("action", records.get(t).get("action"));
        JsonNode step = service.call("step", single);
        List<Integer> expected = new ArrayList<>();
        body(schema, step.get("frame"), expected);
        List<Integer> got = new ArrayList<>();
        for (int i = offsets[k]; i < offsets[k + 1]; i++) {
          got.add(frames[i]);
        }
        assertEquals(expected, got, encoding + ", t " + t);
        // The same frames and laws; the runtime's sums may differ in the last bits with what it ran before.
        assertEquals(step.get("log_probability").doubleValue(), logProbability[k], 1e-12, encoding + ", t " + t);
        if (predicts.reward()) {
          assertEquals(step.get("reward").intValue(), ints(result.get("reward"))[k]);
          assertEquals(step.get("reward_probability").doubleValue(), doubles(result.get("reward_probability"))[k], 1e-12);
        } else {
          assertFalse(result.has("reward"));
        }
        assertFalse(result.has("terminated"));
      }
    }
  }

  @Test
  void packedStepsAreTheStepsOfTheSameFramesInBothEncodings() {
    answersAsStep(Pong.model(), new Predicts(true, false), records(Pong.TEST), 1);
  }

  @Test
  void attributesTravelAsTheirIndexesWithoutHistoryToo() {
    // Key-and-door objects carry an int, a bool and a symbol.
    WorldModel keydoor = Pong.compile(List.of(KEYDOOR.resolve("world.law"), KEYDOOR.resolve("reference.law")));
    answersAsStep(keydoor, Predicts.NOTHING, records(KEYDOOR.resolve("test.jsonl")), 0);
  }

  @Test
  void endsArePredictedColumns() {
    WorldModel walker = Pong.compile(List.of(Path.of("..", "python", "tests", "goal_walker.law")));
    ModelService service = new ModelService(walker, new Predicts(true, true));
    // One state: one record at step 0, RIGHT (index 1), one Walker (type 0) at x 5.
    JsonNode result = service.call("step_packed", params(json(List.of(1, 0, 1, 1, 1, 0, 5, 0, 1, 1)), null));
    assertEquals(List.of(1, 1, 0, 6, 0, 1, 1), toList(ints(result.get("frames"))));
    assertEquals(1, ints(result.get("terminated"))[0]);
    assertEquals(1, ints(result.get("reward"))[0]);
    assertTrue(doubles(result.get("terminated_probability"))[0] > 0.5);
  }

  private static List<Integer> toList(int[] values) {
    List<Integer> out = new ArrayList<>();
    for (int v : values) {
      out.add(v);
    }
    return out;
  }

  /** A Pong state: r, t, then per record action, n and Ball rows (id 3, type 2). */
  private static final List<Integer> BALL_STATE = List.of(1, 0, 2, 1, 3, 2, 80, 100, 2, 4);

  private static RpcError refused(ModelService service, JsonNode params) {
    return assertThrows(RpcError.class, () -> service.call("step_packed", params));
  }

  private static List<Integer> concat(List<Integer> a, List<Integer> b) {
    List<Integer> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  private static List<Integer> with(List<Integer> state, int index, int value) {
    List<Integer> out = new ArrayList<>(state);
    out.set(index, value);
    return out;
  }

  @Test
  void aBadRunOfIntegersIsRefusedNamingWhereItWentWrong() {
    ModelService service = new ModelService(Pong.model());
    assertEquals(1, service.call("step_packed", params(json(BALL_STATE), "json")).get("count").asInt());
    List<Object[]> cases = List.of(
        new Object[] {with(BALL_STATE, 0, 0), "integer 0 (state 0, the record count r): expected at least 1"},
        new Object[] {with(BALL_STATE, 1, -1), "integer 1 (state 0, the step t): expected at least 0"},
        new Object[] {with(BALL_STATE, 2, 6), "integer 2 (state 0, record 0, action): expected -1 (none) or an action index 0 to 5"},
        new Object[] {with(BALL_STATE, 3, 9), "integer 3 (state 0, record 0, the object count n): expected 0 to 1"},
        new Object[] {with(BALL_STATE, 5, 9), "integer 5 (state 0, record 0, objects[0].type): expected a type index 0 to 6 (0 Player"},
        new Object[] {with(BALL_STATE, 8, -2), "integer 8 (state 0, record 0, objects[0].w): expected a non-negative integer, got -2"},
        new Object[] {BALL_STATE.subList(0, 7), "integer 3 (state 0, record 0, the object count n): expected 0 to 0 (the rows"},
        new Object[] {concat(BALL_STATE, List.of(1)), "ends inside state 1 (11 integers), where the step t was expected"},
        new Object[] {List.of(), "expected at least one state, got none"});
    for (Object[] c : cases) {
      @SuppressWarnings("unchecked")
      List<Integer> ints = (List<Integer>) c[0];
      RpcError e = refused(service, params(json(ints), null));
      assertEquals(RpcError.INVALID_PARAMS, e.code());
      assertEquals("params.states", e.field());
      assertTrue(e.getMessage().startsWith("params.states: " + c[1]), e.getMessage());
    }
    List<Integer> twoBalls = new ArrayList<>(List.of(1, 0, 2, 2));
    twoBalls.addAll(BALL_STATE.subList(4, 10));
    twoBalls.addAll(BALL_STATE.subList(4, 10));
    assertTrue(refused(service, params(json(twoBalls), null)).getMessage()
        .startsWith("params.states: integer 10 (state 0, record 0, objects[1].id): duplicate id 3 (objects[0] has it too)"));
  }

  @Test
  void attributesOutsideTheirDeclarationAreRefused() {
    WorldModel keydoor = Pong.compile(List.of(KEYDOOR.resolve("world.law")));
    ModelService service = new ModelService(keydoor);
    WorldSchema schema = keydoor.schema();
    int agent = schema.type("Agent").index();
    int door = schema.type("Door").index();
    // An Agent: dir 0..3, carrying a bool; a Door: state a symbol of three, color 0..5.
    List<Integer> state = List.of(1, 0, -1, 2, 1, agent, 1, 1, 1, 1, 2, 0, 2, door, 2, 1, 1, 1, 1, 3);
    assertEquals(1, service.call("step_packed", params(json(state), null)).get("count").asInt());
    assertTrue(refused(service, params(json(with(state, 10, 4)), null)).getMessage()
        .endsWith("(state 0, record 0, objects[0].dir): type Agent declares dir as an integer in 0..3, got 4"));
    assertTrue(refused(service, params(json(with(state, 11, 2)), null)).getMessage()
        .endsWith("objects[0].carrying): type Agent declares carrying as 0 or 1 (false or true), got 2"));
    assertTrue(refused(service, params(json(with(state, 18, 3)), null)).getMessage()
        .endsWith("objects[1].state): type Door declares state as a symbol index 0 to 2 (open, closed, locked), got 3"));
  }

  /** {@code count} Pong states of one Ball each, at x 15 but at x 13 in the states {@code at13}. */
  private static ArrayNode balls(int count, int... at13) {
    List<Integer> ints = new ArrayList<>();
    for (int k = 0; k < count; k++) {
      final int state = k;
      boolean thirteen = java.util.Arrays.stream(at13).anyMatch(s -> s == state);
      ints.addAll(List.of(1, k, 2, 1, 3, 2, thirteen ? 13 : 15, 100 + k % 50, 2, 4));
    }
    return json(ints);
  }

  @Test
  void nextStatesRunEveryStateOnUnderTheActionsGiven() {
    WorldModel model = Pong.model();
    WorldSchema schema = model.schema();
    ModelService service = new ModelService(model, new Predicts(true, false));
    List<JsonNode> records = records(Pong.TEST);
    List<Integer> ints = new ArrayList<>();
    List<Integer> steps = List.of(5, 40, 90);
    for (int t : steps) {
      state(schema, records, t, 1, ints);
    }
    int up = schema.actionIndex("UP");
    int down = schema.actionIndex("DOWN");
    ObjectNode first = params(json(ints), null);
    first.set("actions", json(List.of(up, up, up)));
    first.put("next_states", true);
    JsonNode once = service.call("step_packed", first);
    int[] next = ints(once.get("next_states"));
    int[] nextOffsets = ints(once.get("next_state_offsets"));
    assertEquals(next.length, nextOffsets[3]);
    ObjectNode second = params(json(toList(next)), null);
    second.set("actions", json(List.of(down, down, down)));
    JsonNode twice = service.call("step_packed", second);
    assertFalse(twice.has("next_states"));
    int[] frames = ints(twice.get("frames"));
    int[] offsets = ints(twice.get("offsets"));
    for (int k = 0; k < steps.size(); k++) {
      int t = steps.get(k);
      // A continued state: r and t + 1, the frame it left with the action taken there, the prediction with none.
      assertEquals(2, next[nextOffsets[k]]);
      assertEquals(t + 1, next[nextOffsets[k] + 1]);
      assertEquals(up, next[nextOffsets[k] + 2]);
      ObjectNode rollout = Pong.JSON.createObjectNode();
      rollout.set("frame", records.get(t));
      rollout.putArray("history").add(records.get(t - 1));
      rollout.putArray("actions").add("UP").add("DOWN");
      JsonNode rolled = service.call("rollout", rollout).get("steps");
      List<Integer> expected = new ArrayList<>();
      body(schema, rolled.get(1).get("frame"), expected);
      List<Integer> got = new ArrayList<>();
      for (int i = offsets[k]; i < offsets[k + 1]; i++) {
        got.add(frames[i]);
      }
      assertEquals(expected, got, "t " + t);
      assertEquals(rolled.get(1).get("log_probability").doubleValue(), doubles(twice.get("log_probability"))[k], 1e-12);
    }
  }

  @Test
  void aStateWithoutHistoryContinuesAsItsPredictionAlone() {
    ModelService service = new ModelService(Pong.model());
    ObjectNode p = params(json(BALL_STATE), null);
    p.put("next_states", true);
    JsonNode result = service.call("step_packed", p);
    List<Integer> expected = new ArrayList<>(List.of(1, 1, -1));
    expected.addAll(toList(ints(result.get("frames"))));
    assertEquals(expected, toList(ints(result.get("next_states"))));
  }

  @Test
  void badActionColumnsAreRefused() {
    ModelService service = new ModelService(Pong.model());
    ArrayNode states = json(concat(BALL_STATE, BALL_STATE));
    ObjectNode shortOne = params(states, null);
    shortOne.set("actions", json(List.of(1)));
    assertEquals("params.actions: 1 actions for 2 states; give one per state", refused(service, shortOne).getMessage());
    ObjectNode longOne = params(states, null);
    longOne.set("actions", json(List.of(1, 2, 3)));
    assertEquals("params.actions: 3 actions for 2 states; give one per state", refused(service, longOne).getMessage());
    ObjectNode outOfRange = params(states, null);
    outOfRange.set("actions", json(List.of(1, 7)));
    assertEquals("params.actions: integer 1 (the action of state 1): expected -1 (none) or an action index 0 to 5, got 7",
        refused(service, outOfRange).getMessage());
    ObjectNode notBool = params(states, null);
    notBool.put("next_states", "yes");
    assertEquals("params.next_states", refused(service, notBool).field());
  }

  @Test
  void theNumberOfThreadsDoesNotChangeTheAnswer() {
    WorldModel model = Pong.model();
    ObjectNode p = params(balls(500), null);
    p.put("next_states", true);
    JsonNode one = new ModelService(model, new Predicts(true, false), 1).call("step_packed", p);
    JsonNode three = new ModelService(model, new Predicts(true, false), 3).call("step_packed", p);
    assertEquals(500, three.get("count").asInt());
    assertEquals(one, three);
  }

  @Test
  void aLawThatThrowsNamesTheFirstStateItThrewOnWhateverThreadMetIt() {
    dev.nomos.runtime.Law fragile = new dev.nomos.runtime.Law() {
      @Override
      public String name() {
        return "fragile";
      }

      @Override
      public void apply(dev.nomos.runtime.Frame frame, dev.nomos.runtime.OpinionSink out) {
        for (int o : frame.all()) {
          if (frame.x(o) == 13) {
            throw new IllegalStateException("x is 13 at step " + frame.step());
          }
        }
      }
    };
    WorldModel model = new WorldModel(Pong.model().schema(), List.of(fragile), new double[] {1},
        dev.nomos.runtime.model.ModelOptions.defaults());
    for (int threads : new int[] {1, 4}) {
      ModelService service = new ModelService(model, Predicts.NOTHING, threads);
      RpcError e = refused(service, params(balls(400, 390, 150, 170), null));
      assertEquals(RpcError.LAW_FAILED, e.code());
      assertEquals("params.states", e.field());
      assertEquals("params.states: state 150: law 'fragile': x is 13 at step 150", e.getMessage());
      assertEquals(400, service.call("step_packed", params(balls(400), null)).get("count").asInt());
    }
  }

  @Test
  void badColumnsAndParametersAreRefused() {
    ModelService service = new ModelService(Pong.model());
    ArrayNode halfInts = json(BALL_STATE);
    halfInts.set(4, Pong.JSON.getNodeFactory().numberNode(2.5));
    assertEquals("params.states[4]: expected a 32-bit integer, got 2.5", refused(service, params(halfInts, null)).getMessage());
    assertEquals("params.states: expected an array of integers, got \"AAAA\"",
        refused(service, params(Pong.JSON.getNodeFactory().textNode("AAAA"), null)).getMessage());
    assertEquals("params.states: expected a base64 string of 32-bit integers, got an array",
        refused(service, params(json(BALL_STATE), "base64")).getMessage());
    assertTrue(refused(service, params(Pong.JSON.getNodeFactory().textNode("AA!A"), "base64")).getMessage()
        .startsWith("params.states: not base64: "));
    assertEquals("params.states: 3 bytes, not a whole number of 32-bit integers (4 bytes each)",
        refused(service, params(Pong.JSON.getNodeFactory().textNode("AAAA"), "base64")).getMessage());
    assertEquals("params.encoding: expected \"json\" or \"base64\", got \"hex\"",
        refused(service, params(json(BALL_STATE), "hex")).getMessage());
    ObjectNode extra = params(json(BALL_STATE), null);
    extra.put("action", "UP");
    assertEquals("params.action", refused(service, extra).field());
    assertEquals("params.states", refused(service, Pong.JSON.createObjectNode()).field());
  }
}
