package dev.nomos.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nomos.runtime.AttributeSpec;
import dev.nomos.runtime.EntityType;
import dev.nomos.runtime.Frame;
import dev.nomos.runtime.WorldSchema;
import dev.nomos.runtime.model.LawException;
import dev.nomos.runtime.model.Simulator;
import dev.nomos.runtime.model.WorldModel;
import dev.nomos.serve.internal.FrameInput;
import dev.nomos.serve.internal.Columns;
import dev.nomos.serve.internal.FrameOutput;
import dev.nomos.serve.internal.PackedFrames;
import dev.nomos.serve.internal.PackedStepper;
import dev.nomos.serve.internal.Params;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/**
 * The methods of {@code nomos serve}, free of any transport: each takes a method name and its
 * parameters as JSON and returns the result as JSON, or throws an {@link RpcError} naming the bad
 * field. {@link JsonRpcServer} carries it over stdio; tests call it directly. See docs/serve.md for
 * every method.
 *
 * <p>Stateless between calls: every request carries its frame and history, so requests are
 * independent and a batch is just many of them. Not thread-safe (it reuses one {@link Simulator}, made once per service: once per connection).
 *
 * <p>Predictions carry {@code reward} and {@code terminated} (with their probabilities) only when the
 * model predicts them ({@link Predicts}), and {@code info.predicts} says which it does.
 */
public final class ModelService {
  /** The methods, in the order {@code info} lists them. */
  public static final List<String> METHODS = List.of("info", "step", "sample", "score", "rollout",
      "step_batch", "sample_batch", "score_batch", "rollout_batch", "step_packed", "shutdown");
  /** Most samples or rollout steps one request may ask for, so that a typo cannot stall the server. */
  public static final int MAX_DRAWS = 1_000_000;

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final Set<String> STEP_PARAMS = Set.of("frame", "history", "action");
  private static final Set<String> SAMPLE_PARAMS = Set.of("frame", "history", "action", "n", "seed");
  private static final Set<String> SCORE_PARAMS = Set.of("frame", "history", "action", "next");
  private static final Set<String> ROLLOUT_PARAMS = Set.of("frame", "history", "actions", "sample", "seed");
  private static final Set<String> BATCH_PARAMS = Set.of("requests", "frame", "history");
  private static final Set<String> PACKED_PARAMS = Set.of("states", "actions", "next_states", "encoding");

  private final WorldModel model;
  private final WorldSchema schema;
  private final Simulator simulator;
  private final Predicts predicts;
  private final FrameInput input;
  private final FrameOutput output;
  private final PackedFrames packed;
  private final PackedStepper stepper;
  private final Map<String, Function<Params, JsonNode>> methods;
  private boolean shutdown;

  /** A service for a model of frames only ({@link Predicts#NOTHING}). */
  public ModelService(WorldModel model) {
    this(model, Predicts.NOTHING);
  }

  /** @param predicts which world targets the model's laws speak to (the CLI reads it from the laws) */
  public ModelService(WorldModel model, Predicts predicts) {
    this(model, predicts, Runtime.getRuntime().availableProcessors());
  }

  /**
   * @param threads how many threads step a large {@code step_packed} batch (at least 1; the other
   *     methods answer on the caller's thread)
   */
  public ModelService(WorldModel model, Predicts predicts, int threads) {
    this.model = model;
    this.schema = model.schema();
    this.simulator = new Simulator(model);
    this.predicts = predicts;
    this.input = new FrameInput(schema);
    this.output = new FrameOutput(schema);
    this.packed = new PackedFrames(schema);
    this.stepper = new PackedStepper(model, packed, simulator, threads);
    Map<String, Function<Params, JsonNode>> byName = new HashMap<>();
    byName.put("info", p -> info(p.allowOnly("info", Set.of())));
    byName.put("step", p -> step(p.allowOnly("step", STEP_PARAMS), null));
    byName.put("sample", p -> sample(p.allowOnly("sample", SAMPLE_PARAMS), null));
    byName.put("score", p -> score(p.allowOnly("score", SCORE_PARAMS), null));
    byName.put("rollout", p -> rollout(p.allowOnly("rollout", ROLLOUT_PARAMS), null));
    byName.put("step_batch", p -> batch(p, "step", STEP_PARAMS, this::step));
    byName.put("sample_batch", p -> batch(p, "sample", SAMPLE_PARAMS, this::sample));
    byName.put("score_batch", p -> batch(p, "score", SCORE_PARAMS, this::score));
    byName.put("rollout_batch", p -> batch(p, "rollout", ROLLOUT_PARAMS, this::rollout));
    byName.put("step_packed", p -> stepPacked(p.allowOnly("step_packed", PACKED_PARAMS)));
    byName.put("shutdown", p -> shutdown(p.allowOnly("shutdown", Set.of())));
    this.methods = Map.copyOf(byName);
  }

  public WorldModel model() {
    return model;
  }

  /** Whether {@code shutdown} was called: the transport answers it and then stops. */
  public boolean shutdownRequested() {
    return shutdown;
  }

  /**
   * Answers one call.
   *
   * @param params the request's {@code params}: an object, or null when it has none
   * @throws RpcError for an unknown method, bad parameters, or a law that fails on the frame
   */
  public JsonNode call(String method, JsonNode params) {
    Function<Params, JsonNode> handler = methods.get(method);
    if (handler == null) {
      throw RpcError.about(RpcError.METHOD_NOT_FOUND, "method", "no method \"" + method + "\"; nomos serve has "
          + String.join(", ", METHODS));
    }
    return handler.apply(Params.of(params));
  }

  // ---- methods ---------------------------------------------------------------------------------

  private JsonNode info(Params p) {
    ObjectNode out = JSON.objectNode();
    out.put("world", schema.name());
    out.put("width", schema.screenWidth());
    out.put("height", schema.screenHeight());
    ObjectNode velocity = out.putObject("velocity");
    velocity.put("min", schema.velocityMin());
    velocity.put("max", schema.velocityMax());
    ArrayNode actions = out.putArray("actions");
    schema.actions().forEach(actions::add);
    ArrayNode types = out.putArray("types");
    for (EntityType type : schema.types()) {
      ObjectNode t = types.addObject();
      t.put("name", type.name());
      ArrayNode attributes = t.putArray("attributes");
      for (AttributeSpec a : type.extras()) {
        ObjectNode n = attributes.addObject();
        n.put("name", a.name());
        n.put("kind", a.kind().name().toLowerCase(Locale.ROOT));
        switch (a.kind()) {
          case INT -> {
            n.put("min", a.min());
            n.put("max", a.max());
          }
          case SYMBOL -> a.symbols().forEach(n.putArray("symbols")::add);
          case BOOL -> { }
        }
      }
    }
    ArrayNode laws = out.putArray("laws");
    model.lawNames().forEach(laws::add);
    out.put("max_history", Frame.MAX_HISTORY);
    ObjectNode predicts = out.putObject("predicts");
    predicts.put("reward", this.predicts.reward());
    predicts.put("terminated", this.predicts.terminated());
    ArrayNode names = out.putArray("methods");
    METHODS.forEach(names::add);
    return out;
  }

  /** @param shared the batch's frame, or null when the request gives its own */
  private JsonNode step(Params p, FrameInput.Read shared) {
    int action = action(p, "action");
    FrameInput.Read start = start(p, shared);
    return guarded(start, () -> {
      return prediction(simulator.mostLikely(start.frame(), action), start.episode(), start.t() + 1);
    });
  }

  private JsonNode sample(Params p, FrameInput.Read shared) {
    int action = action(p, "action");
    int n = p.integer("n", 1, 1, MAX_DRAWS);
    long seed = p.longInteger("seed", 0);
    FrameInput.Read start = start(p, shared);
    return guarded(start, () -> {
      RandomGenerator random = new SplittableRandom(seed);
      ObjectNode out = JSON.objectNode();
      ArrayNode samples = out.putArray("samples");
      for (int k = 0; k < n; k++) {
        samples.add(prediction(simulator.sample(start.frame(), action, random), start.episode(), start.t() + 1));
      }
      return out;
    });
  }

  private JsonNode score(Params p, FrameInput.Read shared) {
    int action = action(p, "action");
    FrameInput.Read start = start(p, shared);
    Frame next = input.readNext(start, p.required("next"), p.field("next"));
    return guarded(start, () -> {
      ObjectNode out = JSON.objectNode();
      // The objects' probability, as a prediction's log_probability is: a frame's own reward and done
      // are no observation of this step (the reward and end of a step are the model's predictions).
      out.put("log_likelihood", simulator.logProbability(start.frame(), action, next));
      return out;
    });
  }

  private JsonNode rollout(Params p, FrameInput.Read shared) {
    List<JsonNode> names = p.array("actions");
    if (names.isEmpty() || names.size() > MAX_DRAWS) {
      throw RpcError.invalidParam(p.field("actions"), "expected 1 to " + MAX_DRAWS + " actions, got " + names.size());
    }
    int[] actions = new int[names.size()];
    for (int k = 0; k < actions.length; k++) {
      actions[k] = actionIndex(names.get(k), p.field("actions") + "[" + k + "]");
    }
    boolean sample = p.bool("sample", false);
    long seed = p.longInteger("seed", 0);
    if (p.optional("seed") != null && !sample) {
      throw RpcError.invalidParam(p.field("seed"), "only matters with \"sample\": true (the most likely frames involve no chance)");
    }
    FrameInput.Read start = start(p, shared);
    return guarded(start, () -> {
      RandomGenerator random = sample ? new SplittableRandom(seed) : null;
      ObjectNode out = JSON.objectNode();
      ArrayNode steps = out.putArray("steps");
      double total = 0;
      Frame current = start.frame();
      for (int k = 0; k < actions.length; k++) {
        Simulator.Step s = sample ? simulator.sample(current, actions[k], random) : simulator.mostLikely(current, actions[k]);
        total += s.frameLogProbability();
        steps.add(prediction(s, start.episode(), start.t() + k + 1));
        if (predicts.terminated() && s.end()) {
          break; // the episode is over: no action after its end has a next frame
        }
        current = s.frame();
      }
      out.put("log_probability", total);
      return out;
    });
  }

  /**
   * Answers each request of {@code requests}. When the batch gives a {@code frame} (and
   * {@code history}), every request starts from it and gives none of its own: the frame is read once,
   * which is what comparing many actions from one frame needs.
   */
  private JsonNode batch(Params p, String method, Set<String> allowed, BiFunction<Params, FrameInput.Read, JsonNode> one) {
    p.allowOnly(method + "_batch", BATCH_PARAMS);
    FrameInput.Read shared = null;
    if (p.optional("frame") != null) {
      shared = input.read(p, "frame", "history");
    } else if (p.optional("history") != null) {
      throw RpcError.invalidParam(p.field("history"), "given without \"frame\"; a batch gives both or neither");
    }
    List<Params> requests = p.objects("requests");
    ObjectNode out = JSON.objectNode();
    ArrayNode results = out.putArray("results");
    for (Params request : requests) {
      request.allowOnly(method, allowed);
      if (shared != null) {
        for (String own : List.of("frame", "history")) {
          if (request.optional(own) != null) {
            throw RpcError.invalidParam(request.field(own), "the batch gives the frame and history; a request gives neither");
          }
        }
      }
      results.add(one.apply(request, shared));
    }
    return out;
  }

  /**
   * {@code step} for many states in packed columns (docs/serve.md, "Packed steps"): the same
   * predictions as {@code step_batch}, without a name or an object per value on either side.
   */
  private JsonNode stepPacked(Params p) {
    Columns encoding = Columns.of(p, "encoding");
    String field = p.field("states");
    int[] ints = encoding.ints(p.required("states"), field);
    int[] actions = p.optional("actions") == null ? null : encoding.ints(p.optional("actions"), p.field("actions"));
    boolean next = p.bool("next_states", false);
    PackedStepper.Steps steps = stepper.step(ints, actions, next, field, p.field("actions"));
    int n = steps.logProbability().length;
    ObjectNode out = JSON.objectNode();
    out.put("count", n);
    out.set("frames", encoding.of(steps.frames(), steps.framesLength()));
    out.set("offsets", encoding.of(steps.offsets(), n + 1));
    out.set("log_probability", encoding.of(steps.logProbability()));
    if (predicts.reward()) {
      out.set("reward", encoding.of(steps.reward(), n));
      out.set("reward_probability", encoding.of(steps.rewardProbability()));
    }
    if (predicts.terminated()) {
      out.set("terminated", encoding.of(steps.terminated(), n));
      out.set("terminated_probability", encoding.of(steps.terminatedProbability()));
    }
    if (next) {
      out.set("next_states", encoding.of(steps.nextStates(), steps.nextStatesLength()));
      out.set("next_state_offsets", encoding.of(steps.nextOffsets(), n + 1));
    }
    return out;
  }

  /** The frame a request starts from: the batch's, or its own. */
  private FrameInput.Read start(Params p, FrameInput.Read shared) {
    return shared != null ? shared : input.read(p, "frame", "history");
  }

  private JsonNode shutdown(Params p) {
    shutdown = true;
    return NullNode.instance;
  }

  // ---- helpers ---------------------------------------------------------------------------------

  /** A predicted frame with its probability, and the reward and end when the model predicts them. */
  private ObjectNode prediction(Simulator.Step s, int episode, int step) {
    ObjectNode out = JSON.objectNode();
    out.set("frame", output.write(s.frame(), episode, step));
    out.put("probability", s.frameProbability());
    out.put("log_probability", s.frameLogProbability());
    if (predicts.reward()) {
      out.put("reward", s.reward());
      out.put("reward_probability", s.rewardProbability());
    }
    if (predicts.terminated()) {
      out.put("terminated", s.end());
      out.put("terminated_probability", s.endProbability());
    }
    return out;
  }

  private int action(Params p, String name) {
    return actionIndex(p.required(name), p.field(name));
  }

  private int actionIndex(JsonNode value, String field) {
    if (value.isNull()) {
      return -1;
    }
    if (!value.isTextual()) {
      throw RpcError.invalidParam(field, "expected an action name (a string) or null, got " + Params.describe(value));
    }
    int index = schema.actionIndex(value.textValue());
    if (index < 0) {
      throw RpcError.invalidParam(field, "unknown action \"" + value.textValue() + "\"; world " + schema.name()
          + " declares " + (schema.actions().isEmpty() ? "no actions" : String.join(", ", schema.actions())));
    }
    return index;
  }

  /** Runs the model; a law that throws becomes an error naming the law and the request's frame. */
  private JsonNode guarded(FrameInput.Read start, java.util.function.Supplier<JsonNode> work) {
    try {
      return work.get();
    } catch (LawException e) {
      throw RpcError.about(RpcError.LAW_FAILED, start.field(), e.getMessage());
    }
  }
}
