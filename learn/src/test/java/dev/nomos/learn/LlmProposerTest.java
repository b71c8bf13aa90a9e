package dev.nomos.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nomos.learn.ScriptedChatServer.Protocol;
import dev.nomos.learn.ScriptedChatServer.Reply;
import dev.nomos.learn.internal.ParseOnlyChecker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The real LangChain4j clients against scripted chat servers on 127.0.0.1. */
@Timeout(30)
class LlmProposerTest {
  static final String BOUNCE = """
      law ball_bounces_off_wall {
        on contact(b: Ball, w: Wall, side: TOP)
        when b.vy < 0
        then b.vy := -b.vy
      }""";
  static final String INERTIA = """
      law ball_inertia {
        for b: Ball
        then b.vx := b.vx
             b.vy := b.vy
      }""";
  static final String BROKEN_BOUNCE = """
      law ball_bounces_off_wall {
        on contact(b: Ball, w: Wall, side: TOP)
        when b.vy < 0
        then b.vy := -
      }""";

  static String fenced(String... laws) {
    return "Here you go:\n```nomos\n" + String.join("\n\n", laws) + "\n```\n";
  }

  private static LlmSettings settings(ScriptedChatServer server) {
    return LlmSettings.of("test-model").withBaseUrl(server.baseUrl()).withApiKey("sk-test")
        .withTimeout(Duration.ofSeconds(5))
        .withRetry(new RetryPolicy(2, Duration.ofMillis(1), 2.0, Duration.ofMillis(10)));
  }

  private static LlmProposer openAi(ScriptedChatServer server) {
    return LlmProposer.openAi(settings(server), new ParseOnlyChecker("answer.law"));
  }

  @Test
  void openAiValidLawsAreReturnedWithTokenUsage() throws Exception {
    try (var server = new ScriptedChatServer(Protocol.OPENAI, new Reply(fenced(BOUNCE, INERTIA), 321, 45, 0))) {
      Proposal p = openAi(server).propose(TinyWorld.request(List.of()));
      assertEquals(List.of(BOUNCE.strip(), INERTIA.strip()), p.candidates());
      assertEquals(new Usage(1, 321, 45, 0), p.usage());
      String request = server.requests().get(0);
      assertTrue(request.replace(" ", "").contains("\"model\":\"test-model\""), request);
      assertTrue(request.contains("world Tiny"), "the prompt holds the world");
      assertTrue(request.contains("touches Wall#2 on its TOP"), "the prompt holds the rendered transitions");
      assertTrue(request.contains("touching(a: Object, b: Object) -> bool"), "the prompt holds the stdlib as the stdlib writes it");
    }
  }

  @Test
  void syntaxErrorsGoBackWithDiagnosticsAndTheRepairIsKept() throws Exception {
    try (var server = new ScriptedChatServer(Protocol.OPENAI,
        Reply.of(fenced(BROKEN_BOUNCE, INERTIA)), Reply.of(fenced(BOUNCE, INERTIA)))) {
      Proposal p = openAi(server).propose(TinyWorld.request(List.of()));
      assertEquals(List.of(INERTIA.strip(), BOUNCE.strip()), p.candidates());
      assertEquals(2, p.usage().calls());
      String repair = server.requests().get(1);
      assertTrue(repair.contains("N001"), "the diagnostics' code goes back: " + repair);
      assertTrue(repair.matches("(?s).*answer\\.law:[45]:\\d+: error N001.*"), "with the position");
      assertTrue(repair.contains("^"), "and a caret");
      assertTrue(repair.contains("then b.vy := -"), "the previous answer is part of the conversation");
    }
  }

  @Test
  void typeErrorsFoundByTheCheckerGoBackAndTheRepairIsKept() throws Exception {
    String wrongType = "law bounce_wrong {\n  on contact(b: Ball, w: Wall, side: TOP)\n  then b.vy := true\n}";
    String unknownAttribute = "law ball_speed {\n  for b: Ball\n  then b.speed := 1\n}";
    try (var server = new ScriptedChatServer(Protocol.OPENAI,
        Reply.of(fenced(wrongType, unknownAttribute)), Reply.of(fenced(BOUNCE, INERTIA)))) {
      LlmProposer proposer = LlmProposer.openAi(settings(server),
          new NomosLawCompiler(TinyWorld.SCHEMA, dev.nomos.compiler.codegen.Engine.INTERPRETED));
      Proposal p = proposer.propose(TinyWorld.request(List.of()));
      assertEquals(List.of(BOUNCE.strip(), INERTIA.strip()), p.candidates());
      String repair = server.requests().get(1);
      assertTrue(repair.matches("(?s).*candidate\\.law:3:\\d+: error N\\d+.*"), repair);
      assertTrue(repair.contains("speed"), "the unknown attribute is named");
      assertTrue(repair.contains("then b.vy := true"), "the offending line is quoted");
    }
  }

  @Test
  void repairStopsAfterTwoRounds() throws Exception {
    try (var server = new ScriptedChatServer(Protocol.OPENAI,
        Reply.of(fenced(BROKEN_BOUNCE)), Reply.of(fenced(BROKEN_BOUNCE)), Reply.of(fenced(BROKEN_BOUNCE)),
        Reply.of(fenced(BOUNCE)))) {
      Proposal p = openAi(server).propose(TinyWorld.request(List.of()));
      assertEquals(List.of(), p.candidates());
      assertEquals(3, server.requests().size(), "one call and two repair rounds");
    }
  }

  @Test
  void duplicatesOfEachOtherAndOfCurrentLawsAreDropped() throws Exception {
    String inertiaReformatted = INERTIA.replace("\n", "\n  ");
    try (var server = new ScriptedChatServer(Protocol.OPENAI,
        Reply.of(fenced(BOUNCE, INERTIA, BOUNCE, inertiaReformatted)))) {
      Proposal p = openAi(server).propose(TinyWorld.request(List.of(new CurrentLaw("ball_inertia", INERTIA, 2.0))));
      assertEquals(List.of(BOUNCE.strip()), p.candidates());
      assertTrue(p.notes().stream().anyMatch(n -> n.contains("3 duplicate")), p.notes().toString());
    }
  }

  @Test
  void garbageAnswersYieldNothingAndAskForABlock() throws Exception {
    try (var server = new ScriptedChatServer(Protocol.OPENAI, Reply.of("I am not sure what you mean."),
        Reply.of("```python\nprint('hi')\n```"), Reply.of("{\"laws\": []}"))) {
      Proposal p = openAi(server).propose(TinyWorld.request(List.of()));
      assertEquals(List.of(), p.candidates());
      assertEquals(3, p.usage().calls());
      assertTrue(server.requests().get(1).contains("had no ```nomos block"), server.requests().get(1));
    }
  }

  @Test
  void aTimeoutIsRetriedThenReportedAndTheNextProposalWorks() throws Exception {
    try (var server = new ScriptedChatServer(Protocol.OPENAI,
        Reply.slow(fenced(BOUNCE), 3000), Reply.slow(fenced(BOUNCE), 3000), Reply.of(fenced(INERTIA)))) {
      LlmSettings s = settings(server).withTimeout(Duration.ofMillis(800));
      LlmProposer proposer = LlmProposer.openAi(s, new ParseOnlyChecker("answer.law"));
      Proposal failed = proposer.propose(TinyWorld.request(List.of()));
      assertEquals(List.of(), failed.candidates());
      for (int wait = 0; wait < 50 && server.hits() < 2; wait++) {
        Thread.sleep(50);
      }
      assertEquals(2, server.hits(), "the timed-out call was retried once");
      assertTrue(failed.notes().get(0).contains("failed after 2 attempts"), failed.notes().toString());
      Proposal next = proposer.propose(TinyWorld.request(List.of()));
      assertEquals(List.of(INERTIA.strip()), next.candidates());
    }
  }

  /** The endpoint's own time-out is a minute, the deadline one second: the deadline wins, retries included. */
  @Test
  @org.junit.jupiter.api.Timeout(value = 20, threadMode = org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD)
  void anEndpointThatNeverAnswersIsGivenUpAtTheDeadline() throws Exception {
    try (var server = new ScriptedChatServer(Protocol.OPENAI,
        Reply.slow(fenced(BOUNCE), 60_000), Reply.slow(fenced(BOUNCE), 60_000), Reply.slow(fenced(BOUNCE), 60_000))) {
      LlmSettings s = settings(server).withTimeout(Duration.ofSeconds(60))
          .withRetry(new RetryPolicy(3, Duration.ofMillis(1), 2.0, Duration.ofMillis(10)));
      LlmProposer proposer = LlmProposer.openAi(s, new ParseOnlyChecker("answer.law"));
      ProposalRequest r = TinyWorld.request(List.of());
      ProposalRequest due = new ProposalRequest(r.schema(), r.worldSource(), r.currentLaws(), r.surprising(),
          r.renderedTransitions(), 5, r.remaining(), r.tried(), r.predicted(), r.headings(),
          dev.nomos.runtime.Deadline.in(Duration.ofSeconds(1)));
      Proposal p = proposer.propose(due);
      assertEquals(List.of(), p.candidates());
      assertTrue(p.notes().get(0).contains("time budget"), p.notes().toString());
      assertTrue(proposer.failureWithoutAnswers().isPresent());
    }
  }

  @Test
  void aRefusedConnectionNamesTheEndpointAndCountsAsNoAnswer() {
    LlmSettings refused = LlmSettings.of("test-model").withBaseUrl("http://127.0.0.1:9/v1").withApiKey("sk-test")
        .withTimeout(Duration.ofMillis(500)).withRetry(new RetryPolicy(1, Duration.ZERO, 1, Duration.ZERO));
    LlmProposer proposer = LlmProposer.openAi(refused, new ParseOnlyChecker("answer.law"));
    Proposal p = proposer.propose(TinyWorld.request(List.of()));
    String why = proposer.failureWithoutAnswers().orElseThrow();
    assertTrue(why.contains("http://127.0.0.1:9/v1") && why.contains("cannot reach the endpoint"), why);
    assertEquals(List.of(why), p.notes());
  }

  @Test
  void theCacheReplaysARunWithoutTheServer(@TempDir Path cache) throws Exception {
    Proposal live;
    try (var server = new ScriptedChatServer(Protocol.OPENAI,
        Reply.of(fenced(BROKEN_BOUNCE)), Reply.of(fenced(BOUNCE)))) {
      live = LlmProposer.openAi(settings(server).withCacheDir(cache), new ParseOnlyChecker("answer.law"))
          .propose(TinyWorld.request(List.of()));
    }
    LlmSettings offline = LlmSettings.of("test-model").withBaseUrl("http://127.0.0.1:9/v1").withApiKey("sk-test")
        .withTimeout(Duration.ofMillis(200)).withRetry(new RetryPolicy(1, Duration.ZERO, 1, Duration.ZERO))
        .withCacheDir(cache);
    Proposal replay = LlmProposer.openAi(offline, new ParseOnlyChecker("answer.law")).propose(TinyWorld.request(List.of()));
    assertEquals(live.candidates(), replay.candidates());
    assertEquals(List.of(BOUNCE.strip()), replay.candidates());
    assertEquals(new Usage(2, live.usage().inputTokens(), live.usage().outputTokens(), 2), replay.usage());
  }

  @Test
  void theBudgetLimitsCalls() throws Exception {
    try (var server = new ScriptedChatServer(Protocol.OPENAI, Reply.of(fenced(BROKEN_BOUNCE)), Reply.of(fenced(BOUNCE)))) {
      ProposalRequest r = TinyWorld.request(List.of());
      ProposalRequest oneCall = new ProposalRequest(r.schema(), r.worldSource(), r.currentLaws(), r.surprising(),
          r.renderedTransitions(), 5, new ProposalRequest.Budget(1, 1_000_000));
      Proposal p = openAi(server).propose(oneCall);
      assertEquals(1, server.requests().size());
      assertEquals(List.of(), p.candidates());
    }
  }

  @Test
  void ollamaValidAndRepairedLaws() throws Exception {
    try (var server = new ScriptedChatServer(Protocol.OLLAMA,
        new Reply(fenced(BROKEN_BOUNCE), 200, 30, 0), new Reply(fenced(BOUNCE), 250, 40, 0))) {
      LlmSettings s = LlmSettings.of("qwen-test").withBaseUrl(server.baseUrl()).withTimeout(Duration.ofSeconds(5))
          .withRetry(new RetryPolicy(2, Duration.ofMillis(1), 2.0, Duration.ofMillis(10)));
      Proposal p = LlmProposer.ollama(s, new ParseOnlyChecker("answer.law")).propose(TinyWorld.request(List.of()));
      assertEquals(List.of(BOUNCE.strip()), p.candidates());
      assertEquals(new Usage(2, 450, 70, 0), p.usage());
      assertTrue(server.requests().get(0).replace(" ", "").contains("\"stream\":false"), server.requests().get(0));
      assertTrue(server.requests().get(1).contains("N001"));
      assertFalse(server.requests().get(0).contains("N001"));
    }
  }
}
