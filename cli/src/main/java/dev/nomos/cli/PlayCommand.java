package dev.nomos.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.nomos.compiler.goal.CompiledGoal;
import dev.nomos.plan.Agent;
import dev.nomos.plan.CorrectedTransitions;
import dev.nomos.plan.Curiosity;
import dev.nomos.plan.Departure;
import dev.nomos.plan.Goal;
import dev.nomos.plan.Mcts;
import dev.nomos.plan.ModelTransitions;
import dev.nomos.plan.Novelty;
import dev.nomos.plan.RandomPolicy;
import dev.nomos.plan.SearchLimits;
import dev.nomos.runtime.Frame;
import dev.nomos.runtime.WorldSchema;
import dev.nomos.runtime.model.LawException;
import dev.nomos.runtime.model.WorldModel;
import dev.nomos.runtime.trajectory.Episode;
import dev.nomos.runtime.trajectory.StepRecord;
import dev.nomos.runtime.trajectory.TrajectoryWriter;
import dev.nomos.worlds.World;
import dev.nomos.worlds.WorldGoals;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code nomos play WORLD --model MODEL...}: the model-based agent in a built-in world's true simulator. */
@Command(
    name = "play",
    mixinStandardHelpOptions = true,
    description = {
        "Runs the model-based agent in a built-in world's true simulator: plan with the model towards the "
            + "goal, act, observe, and replan as soon as an observation departs from the prediction. Reports per "
            + "episode and in total: return (the world's reward), success (the goal held), steps, planning time, "
            + "and whether every executed plan was valid in the true world.",
        "The goal defaults to the world's (docs/planning.md lists them); --goal overrides it. mcts maximises "
            + "the model's predicted discounted return over --horizon steps plus 1 for reaching the goal; a "
            + "predicted episode end stops a simulation (and astar and bfs never expand such a frame). "
            + "--policy random plays uniformly random actions in the same harness, as the baseline.",
        "Episodes are played --threads at a time, one per thread; each episode's time is its own thread's.",
        "Exit codes: 0 ok, 1 a model, level or goal error, 2 bad usage."})
public final class PlayCommand implements Callable<Integer> {
  @Mixin ModelRunOptions run;
  @Mixin SearchOptions search;
  @Mixin MctsOptions mcts;

  enum Format { text, json }

  /** Nodes per search: A* and BFS plan once per episode (until reality departs), so the episode's time is the limit. */
  static final long SEARCH_BUDGET = 10_000_000;
  /**
   * Simulations per mcts plan: mcts plans before every action, so this keeps a 200-step episode with a
   * 30-step horizon to tens of seconds on one core (at most about 12 000 predictions per action; a plan
   * that continues the previous tree spends them on top of it, see docs/planning.md).
   */
  static final long MCTS_BUDGET = 400;

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "WORLD", completionCandidates = RecordCommand.WorldNames.class,
      description = "The built-in world: ${COMPLETION-CANDIDATES}.")
  String worldName;

  @Option(names = "--model", arity = "1..*", paramLabel = "MODEL",
      description = "The model the agent plans with: .law files, or one model jar (not needed with --policy random).")
  List<Path> model;

  @Option(names = "--goal", paramLabel = "CONDITION", description = "The goal, overriding the world's default.")
  String goal;

  @Option(names = "--no-goal",
      description = "mcts and random: play without a goal, until the world ends the episode (mcts maximises the "
          + "predicted return alone).")
  boolean noGoal;

  @Option(names = "--planner", defaultValue = "astar", paramLabel = "NAME", description = Planning.PLANNER_HELP)
  String planner;

  @Option(names = "--policy", paramLabel = "random", description = "random: the random baseline instead of planning.")
  String policy;

  @Option(names = "--episodes", paramLabel = "N", description = "Episodes to play (default 10; with --levels, --first).")
  Integer episodes;

  @Option(names = "--levels", paramLabel = "FILE", description = "sokoban only: play the levels of FILE (such as a Boxoban file).")
  Path levelsFile;

  @Option(names = "--first", paramLabel = "N", description = "With --levels: play its first N levels, one episode each (default all).")
  Integer first;

  @Option(names = "--max-seconds", defaultValue = "60", paramLabel = "S",
      description = "Time limit per episode, planning included, in seconds of the playing thread's CPU time "
          + "(--wall-clock: elapsed) (default ${DEFAULT-VALUE}).")
  double maxSeconds;

  @Option(names = "--plan-seconds", paramLabel = "S",
      description = "Time limit of one plan, counted as --max-seconds is (default: what the episode has left); "
          + "with mcts, which plans before every action, a time per action instead of (or beside) --budget.")
  Double planSeconds;

  /** Episodes played at once, one per thread; each episode's time is its own thread's. */
  @Mixin ThreadOptions threads;

  @Option(names = "--budget", paramLabel = "N",
      description = "Nodes (astar, bfs; default " + SEARCH_BUDGET + ") or simulations (mcts, one plan per action; "
          + "default " + MCTS_BUDGET + ") per plan at most.")
  Long budget;

  @Option(names = "--max-steps", defaultValue = "200", paramLabel = "N",
      description = "Actions per episode at most (default ${DEFAULT-VALUE}; the world may end it sooner).")
  int maxSteps;

  @Option(names = "--seed", defaultValue = "1", paramLabel = "N",
      description = "Seed of the episodes (and of mcts and the random policy) (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--weight", defaultValue = "1", paramLabel = "W", description = Planning.WEIGHT_HELP)
  int weight;

  @Option(names = "--positions-only",
      description = "Treat frames that differ only in velocities as one state, in the search and in the corrections "
          + "(sound only for models that read no history).")
  boolean positionsOnly;

  @Option(names = "--explore",
      description = "Where the planner finds no plan, explore instead of ending the episode: follow the model's "
          + "shortest way to a situation not seen before (an action taken with what stands one and two steps ahead of "
          + "the acting object; --seen recordings count as seen) and take that action there; where none is "
          + "reachable, take the action whose outcome the model is least sure of (random among equals) until the "
          + "first step the model did not predict or for 10 steps. Then plan again. This is how nomos agent plays, "
          + "so that a wrong model still yields steps to learn from.")
  boolean explore;

  @Option(names = "--seen", paramLabel = "DATA.jsonl",
      description = "With --explore: recordings whose situations count as already seen (the model's training data); "
          + "repeat the option for more files.")
  List<Path> seen;

  @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT", description = "text or json (default ${DEFAULT-VALUE}).")
  Format format;

  @Option(names = "--record", paramLabel = "OUT.jsonl", description = "Write every episode played as trajectory JSON Lines (atomically).")
  Path record;

  @Override
  public Integer call() throws IOException {
    boolean random = policy != null;
    if (random && !policy.equals("random")) {
      throw new UserFacingException("--policy " + policy + ": the only policy is random", ExitCodes.USAGE);
    }
    if (!random && (model == null || model.isEmpty())) {
      throw new UserFacingException("--model is needed to plan (or --policy random for the baseline)", ExitCodes.USAGE);
    }
    if (first != null && levelsFile == null) {
      throw new UserFacingException("--first counts levels of --levels FILE; give the file", ExitCodes.USAGE);
    }
    if (first != null && episodes != null) {
      throw new UserFacingException("give --first (levels of the file) or --episodes, not both", ExitCodes.USAGE);
    }
    if (maxSteps < 1) {
      throw new UserFacingException("--max-steps must be at least 1, got " + maxSteps, ExitCodes.USAGE);
    }
    if (noGoal && goal != null) {
      throw new UserFacingException("give --goal or --no-goal, not both", ExitCodes.USAGE);
    }
    if (noGoal && !random && !planner.equals("mcts")) {
      throw new UserFacingException("--no-goal: --planner " + planner + " searches for a goal (only mcts and "
          + "--policy random play without one)", ExitCodes.USAGE);
    }
    SearchLimits limits = limits(budget != null ? budget : planner.equals("mcts") ? MCTS_BUDGET : SEARCH_BUDGET,
        maxSeconds);
    if (planSeconds != null) {
      if (!(planSeconds > 0) || planSeconds > maxSeconds) {
        throw new UserFacingException("--plan-seconds must be a positive number of seconds up to --max-seconds, got "
            + planSeconds, ExitCodes.USAGE);
      }
      limits = limits.withMaxTime(SearchOptions.seconds(planSeconds));
    }
    if (seen != null && !explore) {
      throw new UserFacingException("--seen tells exploration what was seen; give --explore too", ExitCodes.USAGE);
    }
    Mcts.Settings settings = mcts.settings(seed);
    if (record != null) {
      OutputFiles.checkWritable(record);
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    World world = BuiltInWorld.open(worldName, levelsFile);
    int count = first != null ? first : episodes != null ? episodes : levelsFile != null ? world.levelCount() : 10;
    if (count < 1) {
      throw new UserFacingException("play at least one episode, got " + count, ExitCodes.USAGE);
    }
    if (first != null && first > world.levelCount()) {
      throw new UserFacingException("--first " + first + ": " + levelsFile + " has " + world.levelCount() + " levels");
    }
    int playing = threads.count();
    String goalText = noGoal ? null : goal != null ? goal : WorldGoals.of(worldName).orElseThrow(() -> new UserFacingException(
        "world " + worldName + " has no default goal; give one with --goal (or --no-goal)", ExitCodes.USAGE));
    WorldModel loaded;
    if (random) {
      loaded = model == null ? null : run.load(model, null, err).model;
      if (loaded == null) {
        throw new UserFacingException("--policy random still needs --model for the world's declaration (its types and actions)",
            ExitCodes.USAGE);
      }
    } else {
      loaded = run.load(model, null, err).model;
    }
    WorldSchema schema = loaded.schema();
    CompiledGoal compiled = goalText == null ? null : Planning.goal(schema, goalText, err);
    Goal agentGoal = compiled == null ? frame -> false : compiled::test;
    String plannerName = random ? "random" : planner;
    if (!random) { // each episode builds its own planner; this one only reports bad usage before any is played
      Planning.planner(planner, search.cautious(new ModelTransitions(loaded)), compiled, positionsOnly, weight, settings,
          search.astar());
    }
    SearchLimits measured = search.measured(limits);
    List<List<Frame>> seenEpisodes = seen == null ? List.of()
        : run.read(seen, schema, err).episodes().stream().map(Episode::frames).toList();
    SplittableRandom seeds = new SplittableRandom(seed);
    long[] episodeSeeds = new long[count];
    for (int e = 0; e < count; e++) {
      episodeSeeds[e] = seeds.nextLong();
    }
    ThreadLocal<World> worlds = ThreadLocal.withInitial(() -> BuiltInWorld.open(worldName, levelsFile));
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(playing, count));
    List<Future<Played>> futures = new ArrayList<>();
    for (int e = 0; e < count; e++) {
      int episode = e;
      futures.add(pool.submit(() -> {
        World w = worlds.get();
        int level = levelsFile != null ? episode : episode % w.levelCount();
        WorldEnvironment env = new WorldEnvironment(w, schema, episode, episodeSeeds[episode], level);
        Agent agent;
        if (random) {
          agent = new Agent(new RandomPolicy(schema.actions().size(), episodeSeeds[episode]), agentGoal);
        } else {
          CorrectedTransitions corrected = new CorrectedTransitions(search.cautious(new ModelTransitions(loaded)),
              positionsOnly);
          Novelty novelty = explore ? Novelty.of(corrected, env.observe(), positionsOnly).orElse(null) : null;
          if (novelty != null) {
            seenEpisodes.forEach(novelty::seenAll);
          }
          agent = new Agent(Planning.planner(planner, corrected, compiled, positionsOnly, weight, settings, search.astar()),
              agentGoal, corrected::observed, explore ? new Curiosity(corrected, episodeSeeds[episode]) : null, novelty);
        }
        Agent.Episode result = agent.play(env, measured, maxSteps, Duration.ofNanos((long) (maxSeconds * 1e9)));
        return new Played(result, env.records());
      }));
    }
    pool.shutdown();
    List<Agent.Episode> results = new ArrayList<>();
    List<StepRecord> recorded = new ArrayList<>();
    try {
      for (int e = 0; e < count; e++) {
        Played played = played(futures.get(e), e, world);
        Agent.Episode result = played.episode();
        results.add(result);
        recorded.addAll(played.records());
        if (format == Format.text) {
          out.printf("%s %3d  %-6s return %7.2f  steps %4d  plans %3d  valid %-3s  planning %7.2f s  %s%n",
              levelsFile != null ? "level" : "episode", e, compiled == null ? "played" : result.solved() ? "solved" : "failed",
              result.totalReward(),
              result.steps(), result.plans(), result.plansValid() ? "yes" : "no", result.planningSeconds(), result.ending());
          out.flush();
        }
      }
    } finally {
      pool.shutdownNow();
    }
    if (record != null) {
      writeRecords(recorded);
    }
    Summary s = Summary.of(results);
    if (format == Format.json) {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("world", worldName);
      json.put("planner", plannerName);
      json.put("time", search.measure().countsCpu() ? "thread cpu seconds" : "wall seconds");
      json.put("threads", playing);
      json.put("goal", goalText);
      json.put(levelsFile != null ? "levels" : "episodes", count);
      json.put("solved", s.solved);
      json.put("solved_share", (double) s.solved / count);
      json.put("mean_return", s.meanReturn);
      json.put("median_seconds", s.medianSeconds);
      json.put("plans_valid", s.plansValid);
      json.put("plans", s.plans);
      json.put("invalid_plans", s.invalidPlans);
      json.put("steps", s.steps);
      json.put("exploratory_steps", s.exploratorySteps);
      List<Map<String, Object>> each = new ArrayList<>();
      for (Agent.Episode r : results) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("solved", r.solved());
        m.put("return", r.totalReward());
        m.put("steps", r.steps());
        m.put("exploratory_steps", r.exploratorySteps());
        m.put("planning_seconds", r.planningSeconds());
        m.put("plans", r.plans());
        m.put("plans_valid", r.plansValid());
        m.put("expanded", r.expanded());
        m.put("ending", r.ending());
        List<Map<String, Object>> departures = new ArrayList<>();
        for (Departure d : r.departures()) {
          Map<String, Object> dm = new LinkedHashMap<>();
          dm.put("step", d.step());
          dm.put("action", d.action());
          dm.put("differences", d.differences());
          departures.add(dm);
        }
        m.put("departures", departures);
        each.add(m);
      }
      json.put("per_episode", each);
      out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json));
    } else {
      String played = compiled == null ? String.format("%d episodes (no goal)", count)
          : String.format("solved %d of %d (%.1f%%)", s.solved, count, 100.0 * s.solved / count);
      out.printf("%s, mean return %.3f, median planning time %.2f s, %d steps%s, %d plans checked, %d invalid: plans %s%n",
          played, s.meanReturn, s.medianSeconds, s.steps,
          explore ? String.format(" (%d exploring)", s.exploratorySteps) : "", s.plans, s.invalidPlans,
          s.plansValid ? "valid" : "NOT all valid");
    }
    out.flush();
    return ExitCodes.OK;
  }

  /** One episode's outcome and its records. */
  private record Played(Agent.Episode episode, List<StepRecord> records) {}

  /** The episode's outcome; a model error in it becomes one line naming the episode. */
  private static Played played(Future<Played> future, int e, World world) {
    try {
      return future.get();
    } catch (InterruptedException ex) {
      Thread.currentThread().interrupt();
      throw new UserFacingException("interrupted while playing episode " + e);
    } catch (ExecutionException ex) {
      Throwable cause = ex.getCause();
      if (cause instanceof LawException le) {
        throw new UserFacingException("episode " + e + ": " + le.getMessage());
      }
      if (cause instanceof UserFacingException ue) {
        throw ue;
      }
      if (cause instanceof IllegalArgumentException ie) {
        throw new UserFacingException("episode " + e + ": " + ie.getMessage()
            + " (the model's actions must be the world's: " + String.join(", ", world.actions()) + ")");
      }
      throw new IllegalStateException(cause);
    }
  }

  private void writeRecords(List<StepRecord> records) {
    try (TrajectoryWriter w = TrajectoryWriter.create(record)) {
      for (StepRecord r : records) {
        w.write(r);
      }
      w.commit();
    } catch (IOException e) {
      throw OutputFiles.cannotWrite(record, e);
    }
  }

  /** The totals over the episodes; planning time's median is over episodes. */
  record Summary(int solved, double meanReturn, double medianSeconds, boolean plansValid, int plans, int invalidPlans,
      long steps, long exploratorySteps) {
    static Summary of(List<Agent.Episode> results) {
      double[] seconds = results.stream().mapToDouble(Agent.Episode::planningSeconds).sorted().toArray();
      int n = seconds.length;
      double median = n == 0 ? 0 : n % 2 == 1 ? seconds[n / 2] : (seconds[n / 2 - 1] + seconds[n / 2]) / 2;
      return new Summary((int) results.stream().filter(Agent.Episode::solved).count(),
          results.stream().mapToDouble(Agent.Episode::totalReward).average().orElse(0), median,
          results.stream().allMatch(Agent.Episode::plansValid), results.stream().mapToInt(Agent.Episode::checkedPlans).sum(),
          results.stream().mapToInt(Agent.Episode::invalidPlans).sum(), results.stream().mapToLong(Agent.Episode::steps).sum(),
          results.stream().mapToLong(Agent.Episode::exploratorySteps).sum());
    }
  }

  static SearchLimits limits(long budget, double maxSeconds) {
    if (budget < 1) {
      throw new UserFacingException("--budget must be at least 1, got " + budget, ExitCodes.USAGE);
    }
    if (!(maxSeconds > 0) || maxSeconds > 1e6) {
      throw new UserFacingException("--max-seconds must be a positive number of seconds, got " + maxSeconds, ExitCodes.USAGE);
    }
    return new SearchLimits(budget, Duration.ofNanos((long) (maxSeconds * 1e9)));
  }
}
