package dev.nomos.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.nomos.compiler.goal.CompiledGoal;
import dev.nomos.plan.Mcts;
import dev.nomos.plan.ModelTransitions;
import dev.nomos.plan.Plan;
import dev.nomos.plan.Planner;
import dev.nomos.plan.SearchLimits;
import dev.nomos.runtime.Frame;
import dev.nomos.runtime.WorldSchema;
import dev.nomos.runtime.model.LawException;
import dev.nomos.runtime.model.WorldModel;
import dev.nomos.runtime.trajectory.Episode;
import dev.nomos.runtime.trajectory.TrajectoryData;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code nomos plan MODEL... --from D.jsonl:STEP --goal "..."}: plans with the model alone. */
@Command(
    name = "plan",
    mixinStandardHelpOptions = true,
    description = {
        "Plans a sequence of actions from a recorded frame to a goal, using only the model's predictions "
            + "(no simulator, no recorded reward), and prints the actions, their predicted probability "
            + "(astar, bfs) or estimated return (mcts), and the search statistics.",
        "The goal is a condition in the law language over one frame, checked like a law's guard, e.g. "
            + "\"not exists b: Box where not exists g: Goal where g.x == b.x and g.y == b.y\" (every box on a goal). "
            + "astar estimates the distance from goals of that form (docs/planning.md); bfs and goals of "
            + "other forms search without estimate. mcts maximises the model's predicted discounted return over "
            + "--horizon steps (its reward laws; a predicted episode end stops a simulation), plus 1 for reaching "
            + "the goal when one is given; --goal is optional for mcts only.",
        "Exit codes: 0 a plan was found, 1 a model, data or goal error, or no plan, 2 bad usage."})
public final class PlanCommand implements Callable<Integer> {
  @Mixin ModelRunOptions run;
  @Mixin SearchOptions search;
  @Mixin MctsOptions mcts;

  enum Format { text, json }

  @Spec
  CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "MODEL", description = "The model: .law files, or one model jar.")
  List<Path> model;

  @Option(names = "--from", required = true, paramLabel = "DATA.jsonl:STEP",
      description = "The start frame: FILE:T or FILE:EPISODE:T (with its recorded history).")
  String from;

  @Option(names = "--goal", paramLabel = "CONDITION",
      description = "The goal: a condition in the law language over one frame (required except for mcts).")
  String goal;

  @Option(names = "--planner", defaultValue = "astar", paramLabel = "NAME", description = Planning.PLANNER_HELP)
  String planner;

  @Option(names = "--budget", defaultValue = "1000000", paramLabel = "N",
      description = "Nodes to expand (astar, bfs) or simulations (mcts) at most (default ${DEFAULT-VALUE}).")
  long budget;

  @Option(names = "--max-seconds", defaultValue = "60", paramLabel = "S",
      description = "Time limit of the search in seconds of the planning thread's CPU time (--wall-clock: elapsed) "
          + "(default ${DEFAULT-VALUE}).")
  double maxSeconds;

  @Option(names = "--seed", defaultValue = "1", paramLabel = "N", description = "mcts: seed of its draws (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--weight", defaultValue = "1", paramLabel = "W", description = Planning.WEIGHT_HELP)
  int weight;

  @Option(names = "--positions-only",
      description = "Treat frames that differ only in velocities as one state (sound only for models that read no history).")
  boolean positionsOnly;

  @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT", description = "text or json (default ${DEFAULT-VALUE}).")
  Format format;

  @Override
  public Integer call() throws Exception {
    SimulateCommand.Start start = SimulateCommand.parseStart(from);
    SearchLimits limits = search.measured(PlayCommand.limits(budget, maxSeconds));
    Mcts.Settings settings = mcts.settings(seed);
    if (!Planning.PLANNERS.contains(planner)) {
      throw new UserFacingException("--planner " + planner + ": expected one of " + String.join(", ", Planning.PLANNERS),
          ExitCodes.USAGE);
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    WorldModel m = run.load(model, null, err).model;
    WorldSchema schema = m.schema();
    if (goal == null && !planner.equals("mcts")) {
      throw new UserFacingException("--planner " + planner + " searches for a goal: give --goal (only mcts can plan "
          + "for predicted return alone)", ExitCodes.USAGE);
    }
    CompiledGoal compiled = goal == null ? null : Planning.goal(schema, goal, err);
    TrajectoryData data = run.read(List.of(start.file()), schema, err);
    Frame frame = SimulateCommand.startFrame(data.episodes(), start);
    Planner p = Planning.planner(planner, search.cautious(new ModelTransitions(m)), compiled, positionsOnly, weight, settings,
        search.astar());
    Plan plan;
    try {
      plan = p.plan(frame, limits);
    } catch (LawException e) {
      throw new UserFacingException("planning from " + from + ": " + e.getMessage());
    }
    List<String> names = Arrays.stream(plan.actions()).mapToObj(a -> schema.actions().get(a)).toList();
    if (format == Format.json) {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("planner", p.name());
      json.put("status", plan.status().name().toLowerCase(java.util.Locale.ROOT));
      json.put("actions", names);
      json.put("length", plan.length());
      if (!planner.equals("mcts")) {
        json.put("log_probability", plan.logProbability());
        json.put("probability", plan.probability());
      } else {
        json.put("expected_return", plan.expectedReturn());
      }
      json.put("expanded", plan.stats().expanded());
      json.put("predicted", plan.stats().predicted());
      json.put("duplicates", plan.stats().duplicates());
      json.put("seconds", plan.stats().seconds());
      json.put("nodes_per_second", plan.stats().nodesPerSecond());
      out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json));
    } else {
      out.printf("planner    %s (heuristic: %s)%n", p.name(),
          planner.equals("astar") ? Planning.heuristicName(compiled) : "none");
      out.printf("status     %s%n", describe(plan.status()));
      out.printf("actions    %s%n", names.isEmpty() ? "(none)" : String.join(",", names));
      out.printf("length     %d%n", plan.length());
      if (planner.equals("mcts")) {
        out.printf("return     %.4f (estimated, discounted, of the first action)%n", plan.expectedReturn());
      } else if (plan.length() > 0 || plan.status() == Plan.Status.SOLVED) {
        out.printf("probability %.6g (log %.4f)%n", plan.probability(), plan.logProbability());
      }
      out.printf("search     %d expanded, %d predicted, %d duplicates, %.3f s, %.0f nodes/s%n",
          plan.stats().expanded(), plan.stats().predicted(), plan.stats().duplicates(), plan.stats().seconds(),
          plan.stats().nodesPerSecond());
    }
    out.flush();
    boolean found = plan.status() == Plan.Status.SOLVED || plan.status() == Plan.Status.BEST_EFFORT && plan.length() > 0;
    return found ? ExitCodes.OK : ExitCodes.FAILURE;
  }

  static String describe(Plan.Status status) {
    return switch (status) {
      case SOLVED -> "solved (the goal holds at the end of the predicted path)";
      case UNREACHABLE -> "no plan: no state the model predicts reachable satisfies the goal";
      case BUDGET_SPENT -> "no plan within the budget";
      case BEST_EFFORT -> "best effort (mcts: the most visited actions)";
    };
  }
}
