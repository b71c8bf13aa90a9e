package dev.nomos.plan;

import static dev.nomos.plan.GridModel.MARK;
import static dev.nomos.plan.GridModel.PLAYER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.nomos.runtime.Frame;
import org.junit.jupiter.api.Test;

/** A* and BFS do not search past a frame the model predicts ends the episode short of the goal. */
class GraphSearchEndTest {
  // the mark is two cells right of the player; the cell between them ends the episode
  private static final Frame START = GridModel.frame(new int[] {PLAYER, 1, 0, 0}, new int[] {MARK, 2, 2, 0});
  private static final GridModel.Cells PIT = (x, y) -> x == 1 && y == 0;

  @Test
  void astarGoesAroundAPredictedEnd() {
    assertDetour(GraphSearch.astar(new RewardGridModel(0, 0, PIT), GridModel.onMark(), GridModel.coverage()));
  }

  @Test
  void breadthFirstGoesAroundAPredictedEnd() {
    assertDetour(GraphSearch.bfs(new RewardGridModel(0, 0, PIT), GridModel.onMark()));
  }

  @Test
  void aPredictedEndThatIsTheGoalIsReached() {
    GridModel.Cells markEnds = (x, y) -> x == 2 && y == 0;
    RewardGridModel model = new RewardGridModel(0, 0, markEnds);
    for (GraphSearch search : new GraphSearch[] {GraphSearch.bfs(model, GridModel.onMark()),
        GraphSearch.astar(model, GridModel.onMark(), GridModel.coverage())}) {
      Plan plan = search.plan(START, SearchLimits.nodes(1000));
      assertEquals(Plan.Status.SOLVED, plan.status());
      assertEquals(2, plan.length());
    }
  }

  private static void assertDetour(GraphSearch search) {
    Plan plan = search.plan(START, SearchLimits.nodes(10_000));
    assertEquals(Plan.Status.SOLVED, plan.status());
    assertEquals(4, plan.length(), "the straight path of 2 crosses the cell that ends the episode");
    for (Frame f : plan.predicted()) {
      assertFalse(f.terminated());
    }
  }
}
