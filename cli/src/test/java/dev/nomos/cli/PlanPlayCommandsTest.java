package dev.nomos.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nomos.runtime.trajectory.StepRecord;
import dev.nomos.runtime.trajectory.TrajectoryReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanPlayCommandsTest {
  private static final String WORLD = "../examples/sokoban/world.law";
  private static final String REFERENCE = "../examples/sokoban/reference.law";
  /** Beside the project's root, as in CI (the file is never copied into the project). */
  static final Path BOXOBAN = Path.of("../../shared/datasets/boxoban/unfiltered_test_000.txt");
  private static final String EVERY_BOX_ON_A_GOAL =
      "not exists b: Box where not exists g: Goal where g.x == b.x and g.y == b.y";

  @TempDir
  Path dir;

  private Path recording(String... levelArgs) {
    Path file = dir.resolve("start.jsonl");
    List<String> args = new ArrayList<>(List.of("record", "sokoban", "--policy", "random", "--steps", "2", "--seed", "1",
        "-o", file.toString()));
    args.addAll(List.of(levelArgs));
    Run r = Run.run(args.toArray(String[]::new));
    assertEquals(0, r.exit(), r.err());
    return file;
  }

  @Test
  void planFindsAPlanThatTheModelSaysReachesTheGoal() throws IOException {
    Path start = recording("--level", "0");
    Run r = Run.run("plan", WORLD, REFERENCE, "--from", start + ":0", "--goal", EVERY_BOX_ON_A_GOAL, "--format", "json");
    assertEquals(0, r.exit(), r.err());
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertEquals("solved", j.get("status").asText());
    assertTrue(j.get("length").asInt() > 0);
    assertEquals(j.get("length").asInt(), j.get("actions").size());
    assertTrue(j.get("probability").asDouble() > 0.5, "the reference model is almost certain of its path");
    assertTrue(j.get("expanded").asLong() > 0);
    assertTrue(j.has("nodes_per_second"));
    Run bfs = Run.run("plan", WORLD, REFERENCE, "--from", start + ":0", "--goal", EVERY_BOX_ON_A_GOAL, "--planner", "bfs",
        "--format", "json");
    assertEquals(0, bfs.exit(), bfs.err());
    assertEquals(j.get("length").asInt(), new ObjectMapper().readTree(bfs.out()).get("length").asInt(),
        "A* with the admissible estimate and BFS both find a shortest plan");
  }

  @Test
  void aBadGoalIsOneLocatedErrorAndExitOne() {
    Path start = recording("--level", "0");
    Run r = Run.run("plan", WORLD, REFERENCE, "--from", start + ":0", "--goal", "exists b: Boxx");
    assertEquals(1, r.exit());
    assertTrue(r.err().contains("--goal:1:11: error"), r.err());
    assertTrue(r.err().contains("did you mean `Box`"), r.err());
    assertTrue(!r.err().contains("Exception"), r.err());
  }

  @Test
  void anUnknownPlannerIsAUsageError() {
    Path start = recording("--level", "0");
    Run r = Run.run("plan", WORLD, REFERENCE, "--from", start + ":0", "--goal", EVERY_BOX_ON_A_GOAL, "--planner", "dfs");
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("astar, bfs, mcts"), r.err());
  }

  @Test
  void playSolvesTheBuiltInLevelsWithTheReferenceModelAndRecordsThem() throws IOException {
    Path out = dir.resolve("played.jsonl");
    Run r = Run.run("play", "sokoban", "--model", WORLD, REFERENCE, "--episodes", "2", "--weight", "3", "--format", "json",
        "--record", out.toString());
    assertEquals(0, r.exit(), r.err());
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertEquals(2, j.get("episodes").asInt());
    assertEquals(2, j.get("solved").asInt());
    assertTrue(j.get("plans_valid").asBoolean());
    assertTrue(j.get("mean_return").asDouble() > 10, "the solve bonus (10) and at least one box pushed onto a goal");
    assertTrue(j.has("median_seconds"));
    List<StepRecord> records = TrajectoryReader.readAll(out);
    assertEquals(j.get("steps").asLong() + 2, records.size(), "one record per step and a final one per episode");
  }

  @Test
  void withExploreAModelThatSeesNoWayStillActsAndRecordsWhatItDid() throws IOException {
    // The world declaration alone: no law moves anything, so no plan reaches the goal.
    Run stuck = Run.run("play", "sokoban", "--model", WORLD, "--episodes", "1", "--max-steps", "25", "--format", "json");
    assertEquals(0, stuck.exit(), stuck.err());
    JsonNode none = new ObjectMapper().readTree(stuck.out());
    assertEquals(0, none.get("steps").asInt());
    assertEquals(0, none.get("exploratory_steps").asInt());
    Path out = dir.resolve("explored.jsonl");
    Run r = Run.run("play", "sokoban", "--model", WORLD, "--episodes", "1", "--max-steps", "25", "--explore",
        "--format", "json", "--record", out.toString());
    assertEquals(0, r.exit(), r.err());
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertEquals(25, j.get("steps").asInt());
    assertEquals(25, j.get("exploratory_steps").asInt());
    assertEquals(25, j.get("per_episode").get(0).get("exploratory_steps").asInt());
    assertEquals(26, TrajectoryReader.readAll(out).size(), "every exploratory step is recorded");
  }

  @Test
  void exploringSeeksWhatTheSeenRecordingsDoNotShow() throws IOException {
    Path seen = recording();
    Path out = dir.resolve("novel.jsonl");
    // The reference model moves the player, so exploring goes to untried situations; no goal is reachable.
    // A small search budget: an unreachable goal spends the whole budget before each exploration, and the
    // default one would take the episode's CPU time near its limit on a slow host.
    Run r = Run.run("play", "sokoban", "--model", REFERENCE, "--goal", "exists b: Box where b.x == -5", "--episodes", "1",
        "--max-steps", "30", "--budget", "10", "--explore", "--seen", seen.toString(), "--format", "json", "--record",
        out.toString());
    assertEquals(0, r.exit(), r.err());
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertEquals("step limit", j.get("per_episode").get(0).get("ending").asText());
    assertEquals(30, j.get("exploratory_steps").asInt());
    assertEquals(31, TrajectoryReader.readAll(out).size());
  }

  @Test
  void seenRecordingsAreCheckedAndNeedExplore() throws IOException {
    Run without = Run.run("play", "sokoban", "--model", REFERENCE, "--episodes", "1", "--seen", recording().toString());
    assertEquals(2, without.exit());
    assertTrue(without.err().contains("--explore"), without.err());
    Path bad = dir.resolve("bad.jsonl");
    Files.writeString(bad, "{not json\n");
    Run broken = Run.run("play", "sokoban", "--model", REFERENCE, "--episodes", "1", "--explore", "--seen", bad.toString());
    assertEquals(1, broken.exit());
    assertTrue(broken.err().contains("bad.jsonl"), broken.err());
    assertTrue(!broken.err().contains("Exception"), broken.err());
  }

  @Test
  void theRandomPolicyRunsInTheSameHarness() throws IOException {
    Run r = Run.run("play", "sokoban", "--model", WORLD, "--policy", "random", "--episodes", "2", "--max-steps", "15",
        "--format", "json");
    assertEquals(0, r.exit(), r.err());
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertEquals("random", j.get("planner").asText());
    assertEquals(30, j.get("steps").asInt());
    assertEquals(0, j.get("plans").asInt(), "no prediction to check");
  }

  @Test
  void playsBoxobanLevelsFromTheSharedDatasets() throws IOException {
    assertTrue(Files.isRegularFile(BOXOBAN), "the Boxoban levels must be at " + BOXOBAN.toAbsolutePath().normalize()
        + " (../shared/datasets/boxoban beside the project's root, as CI has it)");
    Run r = Run.run("play", "sokoban", "--model", WORLD, REFERENCE, "--levels", BOXOBAN.toString(), "--first", "1",
        "--weight", "3", "--format", "json");
    assertEquals(0, r.exit(), r.err());
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertEquals(1, j.get("levels").asInt());
    assertEquals(1, j.get("solved").asInt());
    assertTrue(j.get("plans_valid").asBoolean());
    assertTrue(j.get("mean_return").asDouble() > 10, "the solve bonus (10) and boxes pushed onto goals");
  }

  @Test
  void mctsPlansForThePredictedReturnWithoutAGoal() throws IOException {
    Path start = recording("--level", "0");
    Run r = Run.run("plan", WORLD, REFERENCE, "--from", start + ":0", "--planner", "mcts", "--budget", "40", "--horizon",
        "3", "--format", "json");
    assertEquals(0, r.exit(), r.err());
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertEquals("best_effort", j.get("status").asText());
    assertTrue(j.get("length").asInt() > 0);
    assertTrue(j.has("expected_return"));
    Run astar = Run.run("plan", WORLD, REFERENCE, "--from", start + ":0");
    assertEquals(2, astar.exit());
    assertTrue(astar.err().contains("give --goal"), astar.err());
  }

  @Test
  void playWithoutAGoalRunsUntilTheWorldOrTheStepLimitEndsTheEpisode() throws IOException {
    Run r = Run.run("play", "pong", "--model", "../examples/pong/reference.law", "--planner", "mcts", "--no-goal",
        "--episodes", "1", "--max-steps", "12", "--budget", "10", "--horizon", "4", "--format", "json");
    assertEquals(0, r.exit(), r.err());
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertTrue(j.get("goal").isNull());
    assertEquals(12, j.get("steps").asInt());
    assertEquals("step limit", j.get("per_episode").get(0).get("ending").asText());
    Run astar = Run.run("play", "pong", "--model", "../examples/pong/reference.law", "--no-goal");
    assertEquals(2, astar.exit());
    assertTrue(astar.err().contains("--no-goal"), astar.err());
  }

  @Test
  void mctsSearchOptionsAreCheckedAndAccepted() throws IOException {
    Run r = Run.run("play", "pong", "--model", "../examples/pong/reference.law", "--planner", "mcts", "--no-goal",
        "--episodes", "1", "--max-steps", "5", "--budget", "8", "--horizon", "4", "--discount", "0.9", "--rollout-repeat",
        "0", "--no-reuse", "--format", "json");
    assertEquals(0, r.exit(), r.err());
    assertEquals(5, new ObjectMapper().readTree(r.out()).get("steps").asInt());
    Run repeat = Run.run("play", "pong", "--model", "../examples/pong/reference.law", "--planner", "mcts", "--no-goal",
        "--rollout-repeat", "1");
    assertEquals(2, repeat.exit());
    assertTrue(repeat.err().contains("--rollout-repeat must be in [0, 1), got 1.0"), repeat.err());
    Run discount = Run.run("plan", WORLD, REFERENCE, "--from", "x.jsonl:0", "--planner", "mcts", "--discount", "0");
    assertEquals(2, discount.exit());
    assertTrue(discount.err().contains("--discount must be in (0, 1], got 0.0"), discount.err());
    Run planTime = Run.run("play", "pong", "--model", "../examples/pong/reference.law", "--planner", "mcts", "--no-goal",
        "--plan-seconds", "0");
    assertEquals(2, planTime.exit());
    assertTrue(planTime.err().contains("--plan-seconds must be a positive number"), planTime.err());
  }

  @Test
  void aTimePerPlanBoundsEachMctsPlanOfAHugeBudget() throws IOException {
    Run r = Run.run("play", "pong", "--model", "../examples/pong/reference.law", "--planner", "mcts", "--no-goal",
        "--episodes", "1", "--max-steps", "3", "--budget", "1000000000", "--plan-seconds", "0.05", "--wall-clock",
        "--format", "json");
    assertEquals(0, r.exit(), r.err());
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertEquals(3, j.get("steps").asInt(), "three plans, each stopped by its time, not by the budget");
    assertEquals("step limit", j.get("per_episode").get(0).get("ending").asText());
  }

  @Test
  void firstWithoutLevelsIsAUsageError() {
    Run r = Run.run("play", "sokoban", "--model", WORLD, REFERENCE, "--first", "3");
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("--levels"), r.err());
  }

  @Test
  void theAgentLoopRefusesAMissingWorldDeclarationBeforeAnyWork() {
    Run r = Run.run("agent", "sokoban", "--world", dir.resolve("missing.law").toString(), "--work", dir.resolve("w").toString());
    assertEquals(1, r.exit());
    assertTrue(r.err().contains("world declaration not found"), r.err());
    assertTrue(!Files.exists(dir.resolve("w")), "nothing written");
  }

  @Test
  void theAgentLoopRecordsLearnsAndPlaysEachRound() throws IOException {
    Path work = dir.resolve("agent");
    Run r = Run.run("agent", "sokoban", "--world", WORLD, "--work", work.toString(), "--rounds", "1", "--random-steps",
        "60", "--learn-seconds", "5", "--episodes", "1", "--max-seconds", "5", "--weight", "3", "--format", "json");
    assertEquals(0, r.exit(), r.err());
    JsonNode j = new ObjectMapper().readTree(r.out());
    JsonNode round = j.get("rounds").get(0);
    assertEquals(1, round.get("round").asInt());
    assertTrue(round.get("environment_steps").asLong() >= 60, "the random steps count");
    assertTrue(round.has("exploratory_steps"));
    JsonNode first = j.get("steps_to_first_solved");
    assertTrue(first.isNull() || first.asLong() > 60, first.toString());
    assertTrue(Files.isRegularFile(work.resolve("round1.law")));
    assertTrue(Files.isRegularFile(work.resolve("round1.jsonl")));
  }
}
