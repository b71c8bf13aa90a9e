package dev.nomos.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nomos.compiler.codegen.Engine;
import dev.nomos.runtime.WorldSchema;
import dev.nomos.runtime.model.ModelOptions;
import dev.nomos.runtime.trajectory.Episode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Learning on several threads gives what it gives on one: the same laws with the same weights (to
 * 1e-9), the same report (all but the seconds), and the listener hears the same things in the same
 * order. Every run here ends well inside its time budget, where that identity is promised.
 */
@Timeout(120)
class LearnerThreadsTest {
  private static final List<Episode> SHAPES_TRAIN = List.of(ShapesWorld.randomWalk(7, 80), ShapesWorld.march(40),
      ShapesWorld.hatch(), ShapesWorld.spikes());
  private static final List<Episode> SHAPES_TEST = List.of(ShapesWorld.randomWalk(8, 60));

  /** What a learning run is judged by, with the times left out. */
  private record Outcome(LearnResult result, List<String> heard) {}

  private static Outcome learn(WorldSchema schema, String source, Proposer proposer, List<Episode> train,
      List<Episode> test, List<String> starting, LearnOptions options) {
    List<String> heard = Collections.synchronizedList(new ArrayList<>());
    LearnListener listener = new LearnListener() {
      @Override
      public void phase(int iteration, String phase) {
        heard.add(iteration + " phase " + phase);
      }

      @Override
      public void iterationDone(IterationReport r) {
        heard.add("done " + withoutSeconds(r));
      }

      @Override
      public void proposed(int iteration, Proposal proposal) {
        heard.add(iteration + " proposed " + proposal.candidates() + " " + proposal.notes());
      }

      @Override
      public void merged(int iteration, Map<String, String> merged) {
        heard.add(iteration + " merged " + merged);
      }

      @Override
      public void rejected(int iteration, String candidate, String reason) {
        heard.add(iteration + " rejected " + candidate + ": " + reason);
      }
    };
    LearnResult result = new Learner(schema, source, new NomosLawCompiler(schema, Engine.COMPILED), proposer, options,
        ModelOptions.defaults(), listener).learn(train, test, starting);
    return new Outcome(result, List.copyOf(heard));
  }

  private static IterationReport withoutSeconds(IterationReport r) {
    return new IterationReport(r.iteration(), r.surprising(), r.proposed(), r.rejected(), r.duplicates(), r.accepted(),
        r.pruned(), r.laws(), r.trainNll(), r.test(), r.llmCalls(), r.tokens(), 0, r.stage(), r.lambda(),
        r.validation());
  }

  private static void assertSame(Outcome one, Outcome many) {
    LearnResult a = one.result();
    LearnResult b = many.result();
    assertEquals(a.laws().size(), b.laws().size(), "law count");
    for (int k = 0; k < a.laws().size(); k++) {
      assertEquals(a.laws().get(k).name(), b.laws().get(k).name());
      assertEquals(a.laws().get(k).source(), b.laws().get(k).source());
      assertEquals(a.laws().get(k).weight(), b.laws().get(k).weight(), 1e-9, a.laws().get(k).name());
    }
    assertEquals(a.report().iterations().stream().map(LearnerThreadsTest::withoutSeconds).toList(),
        b.report().iterations().stream().map(LearnerThreadsTest::withoutSeconds).toList());
    assertEquals(a.report().stopReason(), b.report().stopReason());
    assertEquals(a.report().selection(), b.report().selection());
    assertEquals(a.report().merged(), b.report().merged());
    assertEquals(a.report().attributeAccuracy(), b.report().attributeAccuracy());
    assertEquals(a.report().perTypeAccuracy(), b.report().perTypeAccuracy());
    assertEquals(a.lawFile("use \"w.law\""), b.lawFile("use \"w.law\""));
    assertEquals(one.heard(), many.heard(), "the listener hears the same, in the same order");
  }

  private static LearnOptions shapesOptions() {
    return LearnOptions.enumerativeDefaults().withMaxIterations(3).withMaxTime(Duration.ofSeconds(100));
  }

  @Test
  void modelSelectionOnFourThreadsLearnsWhatOneThreadLearns() {
    Outcome one = learn(ShapesWorld.SCHEMA, "", new EnumerativeProposer(), SHAPES_TRAIN, SHAPES_TEST, List.of(),
        shapesOptions().withThreads(1));
    Outcome four = learn(ShapesWorld.SCHEMA, "", new EnumerativeProposer(), SHAPES_TRAIN, SHAPES_TEST, List.of(),
        shapesOptions().withThreads(4));
    assertNotEquals("time", one.result().report().stopReason(), "the budget was reached: no identity is promised");
    assertNotNull(one.result().report().selection());
    assertTrue(one.result().laws().size() > 3, "something was learned");
    assertTrue(one.result().report().iterations().stream().map(IterationReport::lambda).distinct().count() == 3,
        "three penalties ran");
    assertSame(one, four);
  }

  @Test
  void twoThreadsForThreeRunsAndMergingLearnWhatOneThreadLearns() {
    LearnOptions options = shapesOptions().withMergeIdentical(true);
    Outcome one = learn(ShapesWorld.SCHEMA, "", new EnumerativeProposer(), SHAPES_TRAIN, SHAPES_TEST, List.of(),
        options.withThreads(1));
    Outcome two = learn(ShapesWorld.SCHEMA, "", new EnumerativeProposer(), SHAPES_TRAIN, SHAPES_TEST, List.of(),
        options.withThreads(2));
    assertNotEquals("time", one.result().report().stopReason());
    assertSame(one, two);
  }

  @Test
  void withoutSelectionTheCandidatesChecksAndScoringOnThreadsLearnWhatOneThreadLearns() {
    LearnOptions options = shapesOptions().withSelection(ModelSelection.OFF);
    Outcome one = learn(ShapesWorld.SCHEMA, "", new EnumerativeProposer(), SHAPES_TRAIN, SHAPES_TEST, List.of(),
        options.withThreads(1));
    Outcome three = learn(ShapesWorld.SCHEMA, "", new EnumerativeProposer(), SHAPES_TRAIN, SHAPES_TEST, List.of(),
        options.withThreads(3));
    assertNotEquals("time", one.result().report().stopReason());
    assertSame(one, three);
  }

  /**
   * Candidates prepared at the same time are named clear of the laws in use then, not of each
   * other: where one takes a name another was compiled under, the later one is renamed and
   * compiled again, as one thread would have named it.
   */
  @Test
  void candidatesOfOneRoundThatShareANameAreNamedAsOneThreadNamesThem() {
    List<String> candidates = List.of(
        "law bounce {\n  for b: Ball\n  then b.nothing := 1\n}",
        "law bounce {\n  on contact(b: Ball, w: Wall, side: LEFT)\n  then b.vx := -b.vx\n}",
        "law bounce {\n  on contact(b: Ball, w: Wall, side: RIGHT)\n  then b.vx := -b.vx\n}",
        "law keep {\n  for b: Ball\n  then b.vy := b.vy\n}",
        "law flip {\n  on contact(b: Ball, w: Wall, side: ?)\n  then b.vy := -b.vy\n}");
    List<String> starting = List.of("law keep {\n  for b: Ball\n  then b.vx := b.vx\n}");
    List<Episode> train = List.of(BouncingBall.episode(0, 3, 5, 1, 1, 120), BouncingBall.episode(1, 10, 2, -1, 1, 120));
    LearnOptions options = LearnOptions.enumerativeDefaults().withMaxIterations(2).withMaxTime(Duration.ofSeconds(60))
        .withSelection(ModelSelection.OFF);
    List<List<String>> seenOnOne = new ArrayList<>();
    List<List<String>> seenOnFour = new ArrayList<>();
    Outcome one = learn(BouncingBall.SCHEMA, BouncingBall.SOURCE, scripted(candidates, seenOnOne), train, List.of(),
        starting, options.withThreads(1));
    Outcome four = learn(BouncingBall.SCHEMA, BouncingBall.SOURCE, scripted(candidates, seenOnFour), train, List.of(),
        starting, options.withThreads(4));
    assertSame(one, four);
    assertEquals(seenOnOne, seenOnFour);
    assertEquals(2, seenOnFour.size());
    assertEquals(List.of("keep", "bounce", "bounce_2", "keep_2", "flip"), seenOnFour.get(1),
        "the second round sees the first round's laws named in the proposer's order");
  }

  /** Proposes {@code candidates} in the first round and nothing after; records the names of the laws it is shown. */
  private static Proposer scripted(List<String> candidates, List<List<String>> seen) {
    return new Proposer() {
      @Override
      public String name() {
        return "scripted";
      }

      @Override
      public Proposal propose(ProposalRequest request) {
        seen.add(request.currentLaws().stream().map(CurrentLaw::name).toList());
        return Proposal.of(seen.size() == 1 ? candidates : List.of());
      }
    };
  }
}
