package dev.nomos.plan;

import static dev.nomos.plan.GridModel.MARK;
import static dev.nomos.plan.GridModel.PLAYER;
import static dev.nomos.plan.GridModel.WALL;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nomos.runtime.Frame;
import org.junit.jupiter.api.Test;

class GraphSearchTest {
  private static final Frame OPEN = GridModel.frame(new int[] {PLAYER, 1, 0, 0}, new int[] {MARK, 2, 4, 3});

  @Test
  void astarFindsAShortestPlanThatReachesTheGoalUnderTheModel() {
    GridModel model = new GridModel(0);
    Plan plan = GraphSearch.astar(model, GridModel.onMark(), GridModel.coverage()).plan(OPEN, SearchLimits.nodes(10_000));
    assertEquals(Plan.Status.SOLVED, plan.status());
    assertEquals(7, plan.length(), "Manhattan distance from (0,0) to (4,3)");
    assertTrue(GridModel.onMark().reached(plan.predicted().get(plan.length() - 1)));
    assertEquals(0.0, plan.logProbability(), 1e-12);
  }

  @Test
  void breadthFirstFindsAPlanOfTheSameLengthButExpandsMore() {
    Plan astar = GraphSearch.astar(new GridModel(0), GridModel.onMark(), GridModel.coverage()).plan(OPEN, SearchLimits.nodes(10_000));
    Plan bfs = GraphSearch.bfs(new GridModel(0), GridModel.onMark()).plan(OPEN, SearchLimits.nodes(10_000));
    assertEquals(Plan.Status.SOLVED, bfs.status());
    assertEquals(astar.length(), bfs.length());
    assertTrue(astar.stats().expanded() < bfs.stats().expanded(),
        "A* expanded " + astar.stats().expanded() + ", BFS " + bfs.stats().expanded());
  }

  @Test
  void aWalledOffGoalIsReportedUnreachableAfterTheWholeSpace() {
    Frame walled = GridModel.frame(new int[] {PLAYER, 1, 0, 0}, new int[] {MARK, 2, 5, 5},
        new int[] {WALL, 3, 4, 5}, new int[] {WALL, 4, 5, 4});
    Plan plan = new GraphSearch(new GridModel(0), GridModel.onMark(), GridModel.coverage(), GraphSearch.Strategy.ASTAR,
        true).plan(walled, SearchLimits.nodes(10_000));
    assertEquals(Plan.Status.UNREACHABLE, plan.status());
    assertEquals(0, plan.length());
    assertEquals(33, plan.stats().expanded(), "every free cell but the goal's once (36 - 2 walls - the goal)");
    Plan withVelocities = GraphSearch.astar(new GridModel(0), GridModel.onMark(), GridModel.coverage())
        .plan(walled, SearchLimits.nodes(10_000));
    assertEquals(Plan.Status.UNREACHABLE, withVelocities.status());
    assertTrue(withVelocities.stats().expanded() > 33, "a cell entered from another side is another state");
  }

  @Test
  void theNodeBudgetStopsTheSearch() {
    Plan plan = GraphSearch.bfs(new GridModel(0), GridModel.onMark()).plan(OPEN, SearchLimits.nodes(3));
    assertEquals(Plan.Status.BUDGET_SPENT, plan.status());
    assertEquals(3, plan.stats().expanded());
  }

  @Test
  void aGoalThatHoldsAtTheStartNeedsNoAction() {
    Frame there = GridModel.frame(new int[] {PLAYER, 1, 2, 2}, new int[] {MARK, 2, 2, 2});
    Plan plan = GraphSearch.astar(new GridModel(0), GridModel.onMark(), GridModel.coverage()).plan(there, SearchLimits.nodes(10));
    assertEquals(Plan.Status.SOLVED, plan.status());
    assertArrayEquals(new int[0], plan.actions());
  }

  @Test
  void thePathProbabilityIsTheProductOfItsMostLikelySteps() {
    Plan plan = GraphSearch.astar(new GridModel(0.1), GridModel.onMark(), GridModel.coverage()).plan(OPEN, SearchLimits.nodes(10_000));
    assertEquals(7 * Math.log(0.9), plan.logProbability(), 1e-9);
  }

  @Test
  void weightedAstarStillReachesTheGoal() {
    Plan plan = new GraphSearch(new GridModel(0), GridModel.onMark(), GridModel.coverage(), GraphSearch.Strategy.ASTAR,
        false, 3).plan(OPEN, SearchLimits.nodes(10_000));
    assertEquals(Plan.Status.SOLVED, plan.status());
    assertTrue(GridModel.onMark().reached(plan.predicted().get(plan.length() - 1)));
  }
}
