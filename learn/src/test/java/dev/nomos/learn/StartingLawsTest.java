package dev.nomos.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nomos.compiler.codegen.Engine;
import dev.nomos.runtime.Deadline;
import dev.nomos.runtime.model.ModelOptions;
import dev.nomos.runtime.trajectory.Episode;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Learning from laws the user wrote: they are kept as written, refitted, and extended; a law the
 * data never exercises keeps its weight; laws identical on the data are merged and reported; an
 * exhausted budget returns the starting laws unchanged.
 */
@Timeout(60)
class StartingLawsTest {
  private static final List<Episode> TRAIN = List.of(BouncingBall.episode(0, 3, 5, 1, 1, 80));

  static final String WALLS_STAY = """
      // Walls: a law says they stay.
      /// Walls never move.
      law walls_stay weight 2.0 {
        for w: Wall
        then w.vx := 0 // nor do they vanish
      }""";
  static final String FAR_AWAY = """
      // Never fires here: the box is 20 wide.
      law far_away_stops weight 1.5 {
        for b: Ball
        when b.x > 40
        then b.vx := 0
      }""";

  private static Learner learner(Proposer proposer, int iterations) {
    return learner(proposer, iterations, false);
  }

  private static Learner learner(Proposer proposer, int iterations, boolean mergeIdentical) {
    return new Learner(BouncingBall.SCHEMA, BouncingBall.SOURCE,
        new NomosLawCompiler(BouncingBall.SCHEMA, Engine.COMPILED), proposer,
        LearnOptions.enumerativeDefaults().withMaxIterations(iterations).withMaxTime(Duration.ofSeconds(40))
            .withSelection(ModelSelection.OFF).withMergeIdentical(mergeIdentical),
        ModelOptions.defaults(), LearnListener.NONE);
  }

  private static LearnedLaw law(LearnResult r, String name) {
    return r.laws().stream().filter(l -> l.name().equals(name)).findFirst().orElseThrow(
        () -> new AssertionError(name + " not in " + r.laws().stream().map(LearnedLaw::name).toList()));
  }

  @Test
  void startingLawsAreKeptAsWrittenRefittedAndExtended() {
    // Without merging, the learner's own "walls stay" may take the credit and the user's is pruned
    // like any law; the user's laws that are kept still come first.
    LearnResult plain = learner(new EnumerativeProposer(), 2).learn(TRAIN, List.of(), List.of(WALLS_STAY, FAR_AWAY));
    List<String> plainNames = plain.laws().stream().map(LearnedLaw::name).toList();
    assertEquals(plainNames.contains("walls_stay") ? List.of("walls_stay", "far_away_stops")
        : List.of("far_away_stops"), plainNames.subList(0, plainNames.contains("walls_stay") ? 2 : 1));
    // With merging, the learner's identical law merges into the user's, which is earlier.
    LearnResult r = learner(new EnumerativeProposer(), 2, true).learn(TRAIN, List.of(), List.of(WALLS_STAY, FAR_AWAY));
    assertEquals("walls_stay", r.laws().get(0).name(), "the user's laws come first");
    assertEquals("far_away_stops", r.laws().get(1).name());
    assertTrue(r.laws().size() > 2, "and the learner added its own: " + r.laws());
    LearnedLaw kept = law(r, "walls_stay");
    assertTrue(kept.weight() != 2.0, "refitted: " + kept.weight());
    String written = kept.sourceWithWeight();
    assertTrue(written.startsWith("// Walls: a law says they stay.\n/// Walls never move.\nlaw walls_stay weight "),
        "comments kept, and the weight written in the header, not in a comment that says law: " + written);
    assertTrue(written.contains("then w.vx := 0 // nor do they vanish"), written);
    assertEquals(1.5, law(r, "far_away_stops").weight(), 0, "no evidence on the data, no change of weight");
  }

  @Test
  void lawsIdenticalOnTheDataAreMergedIntoTheFirstAndReportedWhenAsked() {
    String keeps = "law keeps_vx {\n  for b: Ball\n  then b.vx := b.vx\n}";
    String keepsOnScreen = "law keeps_vx_on_screen {\n  for b: Ball\n  when b.y >= 0\n  then b.vx := b.vx\n}";
    Proposer scripted = new Proposer() {
      @Override
      public String name() {
        return "scripted";
      }

      @Override
      public Proposal propose(ProposalRequest request) {
        return Proposal.of(List.of(keeps, keepsOnScreen));
      }
    };
    LearnResult unmerged = learner(scripted, 2).learn(TRAIN, List.of(), List.of());
    assertTrue(unmerged.report().merged().isEmpty(), "no merging unless asked");
    LearnResult r = learner(scripted, 2, true).learn(TRAIN, List.of(), List.of());
    List<String> names = r.laws().stream().map(LearnedLaw::name).toList();
    assertTrue(names.contains("keeps_vx") && !names.contains("keeps_vx_on_screen"), names.toString());
    List<LearnReport.Merge> merged = r.report().merged();
    assertEquals(1, merged.size(), merged.toString());
    assertEquals("keeps_vx_on_screen", merged.get(0).law());
    assertEquals("keeps_vx", merged.get(0).into());
    assertTrue(r.report().toJson().contains("\"into\" : \"keeps_vx\""), r.report().toJson());
  }

  @Test
  void aSpentBudgetReturnsTheStartingLawsAtTheirWrittenWeights() {
    AtomicLong clock = new AtomicLong();
    Deadline spent = Deadline.in(Duration.ofSeconds(1), clock::get);
    clock.set(Duration.ofSeconds(2).toNanos());
    LearnResult r = learner(new EnumerativeProposer(), 5).learn(TRAIN, List.of(), List.of(WALLS_STAY, FAR_AWAY),
        spent);
    assertEquals("time", r.report().stopReason());
    assertEquals(List.of("walls_stay", "far_away_stops"), r.laws().stream().map(LearnedLaw::name).toList());
    assertEquals(2.0, law(r, "walls_stay").weight(), 0);
    assertEquals(1.5, law(r, "far_away_stops").weight(), 0);
  }

  @Test
  void theWeightIsReadFromTheHeaderNotFromACommentAboveIt() {
    assertEquals(1.5, LawText.weight(FAR_AWAY));
    assertEquals(null, LawText.weight("// law x weight 3.0\nlaw y {\n  for b: Ball\n  then b.vx := 0\n}"));
    assertEquals("// the law of y\nlaw z weight 0.5 { }",
        new LearnedLaw("z", "// the law of y\nlaw z { }", 0.5).sourceWithWeight());
  }
}
