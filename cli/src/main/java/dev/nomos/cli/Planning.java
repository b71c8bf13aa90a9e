package dev.nomos.cli;

import dev.nomos.compiler.diag.DiagnosticRenderer;
import dev.nomos.compiler.goal.CompiledGoal;
import dev.nomos.compiler.goal.Coverage;
import dev.nomos.compiler.goal.GoalCompilation;
import dev.nomos.compiler.goal.GoalCompiler;
import dev.nomos.plan.CoverageHeuristic;
import dev.nomos.plan.CoverageMatching;
import dev.nomos.plan.GraphSearch;
import dev.nomos.plan.Heuristic;
import dev.nomos.plan.MacroSearch;
import dev.nomos.plan.Mcts;
import dev.nomos.plan.Planner;
import dev.nomos.plan.ReturnObjective;
import dev.nomos.plan.TransitionModel;
import dev.nomos.runtime.WorldSchema;
import java.io.PrintWriter;
import java.util.List;

/** What `plan`, `play` and `bench` share: compiling a goal and building the planner it asks for. */
final class Planning {
  static final String PLANNER_HELP = "astar (default), bfs or mcts.";
  static final String WEIGHT_HELP = "astar: order by steps + W * estimate (default 1: shortest plans; more finds "
      + "plans sooner that may be up to W times longer).";
  static final List<String> PLANNERS = List.of("astar", "bfs", "mcts");

  private Planning() {}

  /** The goal, checked against the model's world; errors are printed with carets, then exit 1. */
  static CompiledGoal goal(WorldSchema schema, String text, PrintWriter err) {
    GoalCompilation c = GoalCompiler.compile(schema, text, "--goal");
    if (!c.diagnostics().isEmpty()) {
      err.print(DiagnosticRenderer.render(c.diagnostics()));
      err.flush();
    }
    if (c.hasErrors()) {
      throw new UserFacingException("the goal does not check against world " + schema.name());
    }
    return c.goal();
  }

  /**
   * How A* searches: with macro steps over the acting object ({@link MacroSearch}) unless
   * {@code plain}; with the per-level analysis of what one covered object can do alone (its steps
   * to each covering object, and dead cells) unless {@code noSolo}.
   */
  record AstarOptions(boolean plain, boolean noSolo) {
    static final AstarOptions DEFAULT = new AstarOptions(false, false);
  }

  static final String NO_MACRO_HELP = "astar: search one action per node (no macro steps over the acting object).";
  static final String NO_SOLO_HELP = "astar: no per-level analysis of what one covered object can do alone (its steps "
      + "to each goal object and dead cells, a pruning that assumes other objects only get in the way); lattice "
      + "distances only.";

  private static int moveSize(WorldSchema schema) {
    return Math.max(1, Math.max(Math.abs(schema.velocityMin()), Math.abs(schema.velocityMax())));
  }

  private static List<CoverageHeuristic.Clause> clauses(CompiledGoal goal) {
    return goal.coverages().stream()
        .map((Coverage c) -> new CoverageHeuristic.Clause(c.coveredType(), c.coveringType())).toList();
  }

  /**
   * The estimate plain A* uses: from a goal that is a conjunction of "every A on some B" clauses, a
   * minimum-cost matching of As to distinct Bs on lattice distances divided by the world's largest
   * velocity; none otherwise.
   */
  static Heuristic heuristic(CompiledGoal goal, WorldSchema schema) {
    if (!goal.coverageOnly()) {
      return Heuristic.ZERO;
    }
    return CoverageMatching.distances(clauses(goal), moveSize(schema));
  }

  /**
   * The estimate source of macro search: for coverage goals, the matching on the level's analysis
   * when there is an acting object (and {@code noSolo} is off), on lattice distances otherwise.
   */
  static MacroSearch.HeuristicSource heuristics(CompiledGoal goal, WorldSchema schema, boolean noSolo) {
    if (!goal.coverageOnly()) {
      return (start, actor, model) -> Heuristic.ZERO;
    }
    List<CoverageHeuristic.Clause> clauses = clauses(goal);
    int moveSize = moveSize(schema);
    return (start, actor, model) -> noSolo || actor.isEmpty() ? CoverageMatching.distances(clauses, moveSize)
        : CoverageMatching.analysed(clauses, moveSize, model, start, actor.getAsInt());
  }

  static Planner planner(String name, TransitionModel model, CompiledGoal goal, boolean positionsOnly, int weight,
      Mcts.Settings mcts) {
    return planner(name, model, goal, positionsOnly, weight, mcts, AstarOptions.DEFAULT);
  }

  /**
   * The planner {@code name}; {@code goal} may be null only for mcts, which then maximises the model's
   * predicted return alone (with a goal: predicted return plus 1 for reaching it).
   */
  static Planner planner(String name, TransitionModel model, CompiledGoal goal, boolean positionsOnly, int weight,
      Mcts.Settings mcts, AstarOptions astar) {
    if (goal == null && !name.equals("mcts")) {
      throw new UserFacingException("--planner " + name + " searches for a goal: give --goal (only mcts can plan "
          + "for predicted return alone)", ExitCodes.USAGE);
    }
    if (weight < 1) {
      throw new UserFacingException("--weight must be at least 1, got " + weight, ExitCodes.USAGE);
    }
    return switch (name) {
      case "astar" -> astar.plain()
          ? new GraphSearch(model, goal::test, heuristic(goal, model.schema()), GraphSearch.Strategy.ASTAR, positionsOnly,
              weight)
          : new MacroSearch(model, goal::test, heuristics(goal, model.schema(), astar.noSolo()), positionsOnly, weight);
      case "bfs" -> new GraphSearch(model, goal::test, Heuristic.ZERO, GraphSearch.Strategy.BFS, positionsOnly);
      case "mcts" -> new Mcts(model, goal == null ? ReturnObjective.predicted() : ReturnObjective.withGoal(goal::test),
          mcts);
      default -> throw new UserFacingException("--planner " + name + ": expected one of " + String.join(", ", PLANNERS),
          ExitCodes.USAGE);
    };
  }

  static String heuristicName(CompiledGoal goal) {
    return goal.coverageOnly() ? "coverage matching (every A on its own B)" : "none (uniform-cost)";
  }
}
