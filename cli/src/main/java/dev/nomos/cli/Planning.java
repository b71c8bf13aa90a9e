package dev.nomos.cli;

import dev.nomos.compiler.diag.DiagnosticRenderer;
import dev.nomos.compiler.goal.CompiledGoal;
import dev.nomos.compiler.goal.Coverage;
import dev.nomos.compiler.goal.GoalCompilation;
import dev.nomos.compiler.goal.GoalCompiler;
import dev.nomos.plan.CoverageHeuristic;
import dev.nomos.plan.GraphSearch;
import dev.nomos.plan.Heuristic;
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
   * The estimate A* uses: from a goal that is a conjunction of "every A on some B" clauses, the
   * lattice distance divided by the world's largest velocity; none otherwise.
   */
  static Heuristic heuristic(CompiledGoal goal, WorldSchema schema) {
    if (!goal.coverageOnly()) {
      return Heuristic.ZERO;
    }
    int moveSize = Math.max(1, Math.max(Math.abs(schema.velocityMin()), Math.abs(schema.velocityMax())));
    List<CoverageHeuristic.Clause> clauses = goal.coverages().stream()
        .map((Coverage c) -> new CoverageHeuristic.Clause(c.coveredType(), c.coveringType())).toList();
    return new CoverageHeuristic(clauses, moveSize);
  }

  /**
   * The planner {@code name}; {@code goal} may be null only for mcts, which then maximises the model's
   * predicted return alone (with a goal: predicted return plus 1 for reaching it).
   */
  static Planner planner(String name, TransitionModel model, CompiledGoal goal, boolean positionsOnly, int weight,
      Mcts.Settings mcts) {
    if (goal == null && !name.equals("mcts")) {
      throw new UserFacingException("--planner " + name + " searches for a goal: give --goal (only mcts can plan "
          + "for predicted return alone)", ExitCodes.USAGE);
    }
    if (weight < 1) {
      throw new UserFacingException("--weight must be at least 1, got " + weight, ExitCodes.USAGE);
    }
    return switch (name) {
      case "astar" -> new GraphSearch(model, goal::test, heuristic(goal, model.schema()), GraphSearch.Strategy.ASTAR,
          positionsOnly, weight);
      case "bfs" -> new GraphSearch(model, goal::test, Heuristic.ZERO, GraphSearch.Strategy.BFS, positionsOnly);
      case "mcts" -> new Mcts(model, goal == null ? ReturnObjective.predicted() : ReturnObjective.withGoal(goal::test),
          mcts);
      default -> throw new UserFacingException("--planner " + name + ": expected one of " + String.join(", ", PLANNERS),
          ExitCodes.USAGE);
    };
  }

  static String heuristicName(CompiledGoal goal) {
    return goal.coverageOnly() ? "coverage distance (every A on some B)" : "none (uniform-cost)";
  }
}
