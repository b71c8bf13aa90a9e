package dev.nomos.plan;

import static dev.nomos.plan.GridModel.MARK;
import static dev.nomos.plan.GridModel.PLAYER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nomos.runtime.Frame;
import org.junit.jupiter.api.Test;

class MctsTest {
  @Test
  void firstActionHeadsForTheGoalUnderASlipperyModel() {
    Frame start = GridModel.frame(new int[] {PLAYER, 1, 0, 2}, new int[] {MARK, 2, 3, 2});
    Mcts mcts = new Mcts(new GridModel(0.2), new GoalObjective(GridModel.onMark()), new Mcts.Settings(8, 0.9, 1.0, 7));
    Plan plan = mcts.plan(start, SearchLimits.nodes(3000));
    assertEquals(Plan.Status.BEST_EFFORT, plan.status());
    assertEquals(1, plan.actions()[0], "RIGHT is the only action towards the mark");
    assertTrue(plan.expectedReturn() > 0.3 && plan.expectedReturn() <= 1, "return " + plan.expectedReturn());
    assertEquals(3000, plan.stats().expanded());
  }

  @Test
  void aGoalBeyondTheHorizonEarnsNothing() {
    Frame start = GridModel.frame(new int[] {PLAYER, 1, 0, 0}, new int[] {MARK, 2, 5, 5});
    Mcts mcts = new Mcts(new GridModel(0), new GoalObjective(GridModel.onMark()), new Mcts.Settings(4, 0.9, 1.0, 7));
    assertEquals(0.0, mcts.plan(start, SearchLimits.nodes(500)).expectedReturn());
  }
}
