package dev.nomos.runtime.model;

import static dev.nomos.runtime.model.TestLaws.law;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nomos.runtime.EntityType;
import dev.nomos.runtime.Frame;
import dev.nomos.runtime.Law;
import dev.nomos.runtime.Slots;
import dev.nomos.runtime.WorldSchema;
import dev.nomos.runtime.trajectory.Episode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetricsTest {
  static final WorldSchema WORLD = new WorldSchema("Line", 20, 20, -2, 2, List.of("NOOP"), List.of(
      new EntityType("Ball", 0, List.of()), new EntityType("Wall", 1, List.of())));

  static final Law INERTIA = law("inertia", (f, out) -> {
    for (int b : f.ofType(0)) {
      out.exact(b, Slots.X, f.x(b) + f.vx(b));
    }
  });
  static final Law KEEP = law("keep", (f, out) -> {
    for (int o : f.all()) {
      out.exact(o, Slots.ALIVE, 1);
    }
  });

  /** A ball moving right one step at a time past a wall that never moves. */
  static Episode episode() {
    List<Frame> frames = new ArrayList<>();
    Frame previous = null;
    for (int k = 0; k < 4; k++) {
      previous = Frame.builder(WORLD).previous(previous).action(0)
          .add(1, 0, 1 + k, 5, 1, 1).add(2, 1, 0, 0, 1, 1).build();
      frames.add(previous);
    }
    return new Episode(null, 0, frames, new int[] {1, 2, 3, 4});
  }

  @Test
  void scoresExactFramesAndMovingAttributes() throws Exception {
    WorldModel model = WorldModel.of(WORLD, List.of(INERTIA, KEEP));
    Evaluation e = Metrics.evaluate(model, List.of(episode()));
    assertEquals(3, e.transitions());
    // The first step has no velocity yet, so inertia predicts the ball stays: one of three is wrong.
    assertEquals(2.0 / 3, e.exactFrameAccuracy(), 1e-12);
    assertEquals(new AttributeScore(2, 3), e.attributes().get("x"));
    assertEquals(null, e.attributes().get("y"));
    assertEquals(2.0 / 3, e.perType().get("Ball").exactFrameAccuracy(), 1e-12);
    assertEquals(1.0, e.perType().get("Wall").exactFrameAccuracy(), 1e-12);
    assertEquals(e.nllPerTransition(),
        e.perType().get("Ball").nllPerTransition() + e.perType().get("Wall").nllPerTransition(), 1e-9);
    double expected = 0;
    Episode ep = episode();
    for (int k = 0; k < 3; k++) {
      expected -= model.logLikelihood(ep.frames().get(k), ep.frames().get(k + 1));
    }
    assertEquals(expected / 3, e.nllPerTransition(), 1e-9);
    assertEquals(3L, e.lawFirings().get("inertia"));
    assertEquals(6L, e.lawFirings().get("keep"));

    JsonNode json = new ObjectMapper().readTree(e.toJson());
    assertEquals(3, json.get("transitions").asInt());
    assertEquals(e.nllPerTransition(), json.get("nll_per_transition").asDouble(), 1e-12);
    assertEquals(2.0 / 3, json.get("exact_frame_accuracy").asDouble(), 1e-12);
    assertEquals(2.0 / 3, json.get("attribute_accuracy").get("x").asDouble(), 1e-12);
    assertTrue(json.get("per_type").has("Wall"));
  }

  @Test
  void transitionScoresPointAtTheRecord() {
    WorldModel model = WorldModel.of(WORLD, List.of(INERTIA, KEEP));
    List<TransitionScore> scores = Metrics.scoreTransitions(model, List.of(episode()), ProgressListener.NONE);
    assertEquals(3, scores.size());
    // The first transition is the surprising one.
    assertTrue(scores.get(0).logLikelihood() < scores.get(1).logLikelihood() - 5);
    assertEquals("<input>:1", scores.get(0).location());
  }

  @Test
  void predictedSpawnsMustMatchNewObjects() {
    Law spawnWall = law("spawn_wall", (f, out) -> out.spawn(1, 9, 9));
    WorldModel model = WorldModel.of(WORLD, List.of(INERTIA, KEEP, spawnWall));
    Evaluation e = Metrics.evaluate(model, List.of(episode()));
    assertEquals(0.0, e.perType().get("Wall").exactFrameAccuracy(), 1e-12);
    assertEquals(0.0, e.exactFrameAccuracy(), 1e-12);
  }
}
