package dev.nomos.plan;

import static dev.nomos.plan.GridModel.MARK;
import static dev.nomos.plan.GridModel.PLAYER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nomos.runtime.Frame;
import org.junit.jupiter.api.Test;

class RewardDrivenMctsTest {
  private static final int LEFT = 0;
  private static final int RIGHT = 1;
  private static final GridModel.Cells NONE = (x, y) -> false;

  private static Frame playerBesideMark() {
    return GridModel.frame(new int[] {PLAYER, 1, 2, 2}, new int[] {MARK, 2, 3, 2});
  }

  @Test
  void withoutAGoalThePredictedRewardChoosesTheAction() {
    Mcts mcts = new Mcts(new RewardGridModel(0, 1, NONE), ReturnObjective.predicted(), new Mcts.Settings(1, 0.9, 1.0, 3));
    Plan plan = mcts.plan(playerBesideMark(), SearchLimits.nodes(200));
    assertEquals(RIGHT, plan.actions()[0], "only RIGHT lands on the rewarding mark");
    assertEquals(1.0, plan.expectedReturn(), 1e-9);
  }

  @Test
  void aPredictedPenaltyTurnsTheSearchAway() {
    Mcts mcts = new Mcts(new RewardGridModel(0, -1, NONE), ReturnObjective.predicted(), new Mcts.Settings(1, 0.9, 1.0, 3));
    Plan plan = mcts.plan(playerBesideMark(), SearchLimits.nodes(200));
    assertNotEquals(RIGHT, plan.actions()[0], "RIGHT lands on the penalised mark");
    assertEquals(0.0, plan.expectedReturn(), 1e-9);
  }

  @Test
  void aGoalAddsOneToThePredictedReward() {
    Mcts mcts = new Mcts(new RewardGridModel(0, 2, NONE), ReturnObjective.withGoal(GridModel.onMark()),
        new Mcts.Settings(3, 0.9, 1.0, 3));
    Plan plan = mcts.plan(playerBesideMark(), SearchLimits.nodes(500));
    assertEquals(RIGHT, plan.actions()[0]);
    assertEquals(3.0, plan.expectedReturn(), 1e-9, "reward 2 and goal 1, and the goal ends the search");
  }

  @Test
  void nothingIsEarnedAfterAPredictedEnd() {
    // every step earns 1 and ends the episode: the return is 1, not the horizon's discounted sum
    Mcts mcts = new Mcts(new RewardGridModel(1, 0, (x, y) -> true), ReturnObjective.predicted(),
        new Mcts.Settings(5, 0.9, 1.0, 3));
    Plan plan = mcts.plan(playerBesideMark(), SearchLimits.nodes(300));
    assertEquals(1.0, plan.expectedReturn(), 1e-9);
    assertEquals(1, plan.length(), "the plan stops at the predicted end");
  }

  @Test
  void theSearchAvoidsAStepThatEndsTheEpisodeEarly() {
    // every step earns 1; stepping left onto x = 1 ends the episode, so LEFT forgoes the rest
    Frame start = GridModel.frame(new int[] {PLAYER, 1, 2, 2});
    Mcts mcts = new Mcts(new RewardGridModel(1, 0, (x, y) -> x == 1), ReturnObjective.predicted(),
        new Mcts.Settings(4, 0.9, 1.0, 3));
    Plan plan = mcts.plan(start, SearchLimits.nodes(2000));
    assertNotEquals(LEFT, plan.actions()[0]);
    assertTrue(plan.expectedReturn() > 1.5, "return " + plan.expectedReturn());
  }
}
