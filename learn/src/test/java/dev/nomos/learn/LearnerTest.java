package dev.nomos.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nomos.compiler.codegen.Engine;
import dev.nomos.runtime.Deadline;
import dev.nomos.runtime.model.Metrics;
import dev.nomos.runtime.model.ModelOptions;
import dev.nomos.runtime.trajectory.Episode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class LearnerTest {
  private static final List<Episode> TRAIN = List.of(BouncingBall.episode(0, 3, 5, 1, 1, 120),
      BouncingBall.episode(1, 10, 2, -1, 1, 120));
  private static final List<Episode> TEST = List.of(BouncingBall.episode(2, 7, 14, 1, -1, 100));

  private static Learner learner(Proposer proposer, int iterations, List<IterationReport> heard) {
    return learner(proposer, iterations, heard, ModelSelection.defaults());
  }

  private static Learner learner(Proposer proposer, int iterations, List<IterationReport> heard,
      ModelSelection selection) {
    LearnListener listener = new LearnListener() {
      @Override
      public void iterationDone(IterationReport report) {
        heard.add(report);
      }
    };
    return new Learner(BouncingBall.SCHEMA, BouncingBall.SOURCE,
        new NomosLawCompiler(BouncingBall.SCHEMA, Engine.COMPILED), proposer,
        LearnOptions.enumerativeDefaults().withMaxIterations(iterations).withMaxTime(Duration.ofSeconds(40))
            .withSelection(selection),
        ModelOptions.defaults(), listener);
  }

  @Test
  void everyRoundIsScoredWithTheFloorItsFitFound() {
    // Without selection the last round's model is the result: it must carry its fitted floor, and
    // the round's reported test NLL must be that model's.
    LearnResult result = learner(new EnumerativeProposer(), 2, new ArrayList<>(), ModelSelection.OFF)
        .learn(TRAIN, TEST, List.of());
    assertTrue(result.model().floor().values().containsKey("x"), result.model().floor().toString());
    assertEquals(Metrics.evaluate(result.model(), TEST).nllPerTransition(),
        result.report().last().test().nllPerTransition(), 1e-9, result.report().toTable());
  }

  @Test
  void aRefitCutByTheBudgetKeepsTheFloorTheChosenRoundsFitFound() {
    // The clock jumps past the deadline as the refit on all the training data begins: the chosen
    // round's model is returned as it was fitted on the part learned from, with its own floor.
    AtomicLong clock = new AtomicLong();
    Deadline deadline = Deadline.in(Duration.ofHours(1), clock::get);
    LearnListener listener = new LearnListener() {
      @Override
      public void phase(int iteration, String phase) {
        if (phase.startsWith("refitting")) {
          clock.set(Duration.ofHours(2).toNanos());
        }
      }
    };
    Learner learner = new Learner(BouncingBall.SCHEMA, BouncingBall.SOURCE,
        new NomosLawCompiler(BouncingBall.SCHEMA, Engine.COMPILED), new EnumerativeProposer(),
        LearnOptions.enumerativeDefaults().withMaxIterations(1).withSelection(new ModelSelection(0.2, List.of())),
        ModelOptions.defaults(), listener);
    LearnResult result = learner.learn(TRAIN, List.of(), List.of(), deadline);
    assertEquals("time", result.report().stopReason());
    assertTrue(result.report().selection() != null, "selection chose a round");
    assertTrue(result.model().floor().values().containsKey("x"), result.model().floor().toString());
    assertTrue(result.lawFile("").contains("\nfloor {\n  alive "), result.lawFile(""));
  }

  @Test
  void theEnumerativeLoopLearnsTheBouncingBall() throws Exception {
    List<IterationReport> heard = new ArrayList<>();
    LearnResult result = learner(new EnumerativeProposer(), 4, heard).learn(TRAIN, TEST, List.of());
    LearnReport report = result.report();
    assertFalse(report.iterations().isEmpty());
    assertEquals(report.iterations(), heard, "the listener hears every iteration");
    IterationReport last = report.last();
    assertNotNull(last.test());
    assertTrue(last.test().attributeAccuracy() >= 0.99, report.toTable());
    assertTrue(last.test().exactFrameAccuracy() >= 0.99, report.toTable());
    // Within one run of the loop (one penalty, the same data), later rounds explain the data better.
    Map<Double, List<IterationReport>> runs = report.iterations().stream()
        .filter(r -> r.stage().equals(IterationReport.SELECT))
        .collect(java.util.stream.Collectors.groupingBy(IterationReport::lambda));
    List<List<IterationReport>> longer = runs.values().stream().filter(r -> r.size() > 1).toList();
    assertFalse(longer.isEmpty(), report.toTable());
    for (List<IterationReport> run : longer) {
      assertTrue(run.get(0).trainNll() > run.get(run.size() - 1).trainNll(), "training NLL falls: " + report.toTable());
    }
    // The learned file round-trips through the compiler with its weights.
    String file = result.lawFile("");
    assertTrue(file.contains(" weight "), file);
    assertTrue(file.contains("\nfloor {\n  alive "), "the refit's floor is written: " + file);
    assertTrue(result.model().floor().values().containsKey("x"), result.model().floor().toString());
    var json = new ObjectMapper().readTree(report.toJson());
    assertEquals(report.iterations().size(), json.get("iterations").size());
    assertTrue(json.get("final_attribute_accuracy").has("x"));
  }

  @Test
  void badCandidatesNeverStopTheLoopAndDuplicatesAreCounted() {
    String good = "law ball_keeps_vx {\n  for b: Ball\n  then b.vx := b.vx\n}";
    Proposer scripted = new Proposer() {
      int calls;

      @Override
      public String name() {
        return "scripted";
      }

      @Override
      public Proposal propose(ProposalRequest request) {
        calls++;
        if (calls > 1) {
          return Proposal.of(List.of(good));
        }
        return Proposal.of(List.of(
            "law unknown_type { for b: Nope then b.vx := 1 }",
            "law wrong_type { for b: Ball then b.vx := true }",
            "this is not a law",
            good,
            "law same_as_good   { for b: Ball then b.vx := b.vx }",
            "law side_hole { on contact(b: Ball, w: Wall, side: ?) then b.vx := -b.vx }"));
      }
    };
    List<IterationReport> heard = new ArrayList<>();
    // The scripted proposer counts its calls, so one run of the loop: no model selection.
    LearnResult result = learner(scripted, 3, heard, ModelSelection.OFF).learn(TRAIN, TEST, List.of());
    IterationReport first = result.report().iterations().get(0);
    assertEquals(6, first.proposed());
    assertEquals(3, first.rejected(), result.report().toTable());
    assertEquals(1, first.duplicates(), result.report().toTable());
    assertEquals("no-new-candidates", result.report().stopReason());
    List<String> sources = result.laws().stream().map(LearnedLaw::source).toList();
    assertTrue(sources.stream().anyMatch(s -> s.contains("side: LEFT") || s.contains("side: RIGHT")),
        "the side hole was filled from the data: " + sources);
  }

  @Test
  void anLlmTimeoutIsReportedAndTheLoopGoesOn() throws Exception {
    String inertia = "```nomos\nlaw ball_keeps_vx {\n  for b: Ball\n  then b.vx := b.vx\n}\n```";
    String bounce = "```nomos\nlaw ball_bounces {\n  on contact(b: Ball, w: Wall, side: ?)\n  then b.vx := -b.vx\n}\n```";
    try (var server = new ScriptedChatServer(ScriptedChatServer.Protocol.OPENAI,
        ScriptedChatServer.Reply.slow(inertia, 8000), ScriptedChatServer.Reply.slow(inertia, 8000),
        new ScriptedChatServer.Reply(inertia, 500, 40, 0), new ScriptedChatServer.Reply(bounce, 600, 50, 0))) {
      LlmSettings settings = LlmSettings.of("test-model").withBaseUrl(server.baseUrl()).withApiKey("sk-test")
          .withTimeout(Duration.ofMillis(2500)).withRetry(new RetryPolicy(2, Duration.ofMillis(1), 2, Duration.ofMillis(5)));
      NomosLawCompiler compiler = new NomosLawCompiler(BouncingBall.SCHEMA, Engine.COMPILED);
      Learner learner = new Learner(BouncingBall.SCHEMA, BouncingBall.SOURCE, compiler,
          LlmProposer.openAi(settings, compiler),
          LearnOptions.llmDefaults().withMaxIterations(3).withMaxTime(Duration.ofSeconds(40)), ModelOptions.defaults(),
          LearnListener.NONE);
      LearnReport report = learner.learn(TRAIN, TEST, List.of()).report();
      List<IterationReport> rows = report.iterations();
      assertEquals(3, rows.size(), report.toTable());
      assertEquals(0, rows.get(0).proposed(), "the timed-out round proposes nothing");
      assertEquals(1, rows.get(1).accepted(), report.toTable());
      assertEquals(1, rows.get(2).accepted(), "the side hole is filled and the bounce kept: " + report.toTable());
      assertEquals(540, rows.get(1).tokens());
      assertEquals(650, rows.get(2).tokens());
      assertEquals(3, report.llmCalls(), "one failed call and two answered ones");
    }
  }
}
