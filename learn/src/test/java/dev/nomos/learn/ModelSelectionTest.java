package dev.nomos.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nomos.compiler.codegen.Engine;
import dev.nomos.learn.internal.ValidationSplit;
import dev.nomos.runtime.EntityType;
import dev.nomos.runtime.Frame;
import dev.nomos.runtime.WorldSchema;
import dev.nomos.runtime.model.ModelOptions;
import dev.nomos.runtime.trajectory.Episode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A ball rolls right one step at a time. On the transitions learned from it happens to stand still
 * whenever the action is UP; on the held-out ones (a fifth, spread over the recording) it does not.
 * A law "UP stops the ball", proposed in round 2, fits the part learned from and fails on the
 * held-out part, so selection keeps round 1.
 */
@Timeout(60)
class ModelSelectionTest {
  private static final String SOURCE = """
      world Lane {
        screen 200 x 10
        velocity -2..2
        actions NOOP, UP
        entity Ball
      }
      """;
  private static final WorldSchema SCHEMA = new WorldSchema("Lane", 200, 10, -2, 2, List.of("NOOP", "UP"),
      List.of(new EntityType("Ball", 0, List.of())));
  private static final String ROLLS = "law rolls {\n  for b: Ball\n  then b.vx := 1\n}";
  private static final String LEVEL = "law level {\n  for b: Ball\n  then b.vy := 0\n}";
  private static final String UP_STOPS = "law up_stops {\n  for b: Ball when action == UP\n  then b.vx := 0\n}";

  private static Episode lane() {
    Set<Integer> heldOut = heldOutSteps();
    List<Frame> frames = new ArrayList<>();
    Frame previous = null;
    int x = 1;
    for (int t = 0; t <= 100; t++) {
      int action = t % 4 == 2 ? 1 : 0;
      previous = Frame.builder(SCHEMA).add(1, 0, x, 4, 1, 1).action(action).previous(previous).build();
      frames.add(previous);
      x += action == 1 && !heldOut.contains(t) ? 0 : 1;
    }
    int[] lines = new int[frames.size()];
    for (int k = 0; k < lines.length; k++) {
      lines[k] = k + 1;
    }
    return new Episode(Path.of("lane.jsonl"), 0, frames, lines);
  }

  /** The steps whose transitions selection holds out of a recording of 100 transitions. */
  private static Set<Integer> heldOutSteps() {
    List<Frame> frames = new ArrayList<>();
    for (int t = 0; t <= 100; t++) {
      frames.add(Frame.builder(SCHEMA).add(1, 0, t, 4, 1, 1).action(0).build());
    }
    Set<Integer> steps = new HashSet<>();
    Episode plain = new Episode(Path.of("lane.jsonl"), 0, frames, new int[frames.size()]);
    for (Episode piece : ValidationSplit.of(List.of(plain), ModelSelection.defaults().validationFraction()).validation()) {
      for (int k = 0; k < piece.transitions(); k++) {
        steps.add(piece.firstStep() + k);
      }
    }
    return steps;
  }

  /** Proposes the general laws to an empty model and the spurious one afterwards. */
  private static final Proposer SCRIPTED = new Proposer() {
    @Override
    public String name() {
      return "scripted";
    }

    @Override
    public Proposal propose(ProposalRequest request) {
      return Proposal.of(request.currentLaws().isEmpty() ? List.of(ROLLS, LEVEL) : List.of(UP_STOPS));
    }
  };

  private static LearnResult learn(ModelSelection selection) {
    return new Learner(SCHEMA, SOURCE, new NomosLawCompiler(SCHEMA, Engine.COMPILED), SCRIPTED,
        LearnOptions.enumerativeDefaults().withMaxIterations(4).withMaxTime(Duration.ofSeconds(40))
            .withSelection(selection), ModelOptions.defaults(), LearnListener.NONE)
        .learn(List.of(lane()), List.of(), List.of());
  }

  private static boolean hasUpStops(LearnResult r) {
    return r.laws().stream().anyMatch(l -> l.source().contains("action == UP"));
  }

  @Test
  void withoutSelectionTheSpuriousLawOfTheLastRoundStays() {
    LearnResult r = learn(ModelSelection.OFF);
    assertNull(r.report().selection());
    assertTrue(hasUpStops(r), r.report().toTable());
  }

  @Test
  void selectionKeepsTheRoundThatPredictsTheHeldOutPartBest() throws Exception {
    LearnResult r = learn(ModelSelection.defaults());
    LearnReport report = r.report();
    LearnReport.Selection s = report.selection();
    assertNotNull(s, report.toTable());
    assertEquals(1, s.round(), report.toTable());
    assertEquals(80, s.fitTransitions());
    assertEquals(20, s.validationTransitions());
    assertFalse(hasUpStops(r), "the chosen model is round 1's: " + r.laws());
    assertEquals(2, r.laws().size());
    // Round 2 is worse on the validation part than round 1 in every run.
    for (double lambda : ModelSelection.defaults().lambdas()) {
      List<IterationReport> rows = report.iterations().stream()
          .filter(x -> x.stage().equals(IterationReport.SELECT) && x.lambda() == lambda).toList();
      assertTrue(rows.size() >= 2, report.toTable());
      assertTrue(rows.get(1).validation().attributeAccuracy() < rows.get(0).validation().attributeAccuracy(),
          report.toTable());
    }
    IterationReport last = report.last();
    assertEquals(IterationReport.REFIT, last.stage());
    assertEquals(1, last.iteration());
    JsonNode json = new ObjectMapper().readTree(report.toJson());
    assertEquals(1, json.get("selection").get("round").asInt());
    assertEquals(20, json.get("selection").get("validation").get("transitions").asInt());
    assertEquals("refit", json.get("iterations").get(json.get("iterations").size() - 1).get("stage").asText());
    assertTrue(report.toTable().contains("selected: round 1"), report.toTable());
  }

  @Test
  void theModelCallBudgetIsSharedByTheRunsOfTheGrid() {
    Proposer calling = new Proposer() {
      @Override
      public String name() {
        return "calling";
      }

      @Override
      public boolean callsModels() {
        return true;
      }

      @Override
      public Proposal propose(ProposalRequest request) {
        return new Proposal(SCRIPTED.propose(request).candidates(), new Usage(1, 10, 5, 0), List.of());
      }
    };
    LearnReport report = new Learner(SCHEMA, SOURCE, new NomosLawCompiler(SCHEMA, Engine.COMPILED), calling,
        LearnOptions.llmDefaults().withMaxIterations(4).withLlmBudget(4, 1_000).withMaxTime(Duration.ofSeconds(40))
            .withSelection(ModelSelection.defaults()), ModelOptions.defaults(), LearnListener.NONE)
        .learn(List.of(lane()), List.of(), List.of()).report();
    assertEquals(4, report.llmCalls(), "three runs of the loop, four calls in all: " + report.toTable());
    assertNotNull(report.selection(), report.toTable());
  }
}
