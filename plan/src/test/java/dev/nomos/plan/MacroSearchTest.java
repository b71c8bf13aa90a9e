package dev.nomos.plan;

import static dev.nomos.plan.PushModel.BOX;
import static dev.nomos.plan.PushModel.GOAL;
import static dev.nomos.plan.PushModel.PLAYER;
import static dev.nomos.plan.PushModel.WALL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nomos.runtime.Frame;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class MacroSearchTest {
  private static final Frame TWO_BOXES = PushModel.frame(new int[] {PLAYER, 1, 0, 0},
      new int[] {BOX, 2, 2, 2}, new int[] {BOX, 3, 4, 3}, new int[] {GOAL, 4, 2, 5}, new int[] {GOAL, 5, 5, 3},
      new int[] {WALL, 6, 3, 5});

  @Test
  void thePlanReachesTheGoalWhenReplayedStepByStepUnderTheModel() {
    PushModel model = new PushModel();
    Plan plan = new MacroSearch(model, PushModel.boxesOnGoals(), PushModel.analysed(), true, 1)
        .plan(TWO_BOXES, SearchLimits.nodes(100_000));
    assertEquals(Plan.Status.SOLVED, plan.status());
    Frame at = TWO_BOXES;
    for (int i = 0; i < plan.length(); i++) {
      at = model.mostLikelyFrame(at, plan.actions()[i]);
      assertTrue(StateKeys.sameState(at, plan.predicted().get(i)), "step " + i);
    }
    assertTrue(PushModel.boxesOnGoals().reached(at));
  }

  @Test
  void macroStepsExpandFewerNodesThanOneActionPerNode() {
    Plan macro = new MacroSearch(new PushModel(), PushModel.boxesOnGoals(),
        (start, actor, model) -> CoverageMatching.distances(PushModel.clauses(), 1), true, 1)
        .plan(TWO_BOXES, SearchLimits.nodes(100_000));
    Plan plain = new GraphSearch(new PushModel(), PushModel.boxesOnGoals(),
        CoverageMatching.distances(PushModel.clauses(), 1), GraphSearch.Strategy.ASTAR, true)
        .plan(TWO_BOXES, SearchLimits.nodes(100_000));
    assertEquals(Plan.Status.SOLVED, macro.status());
    assertEquals(Plan.Status.SOLVED, plain.status());
    assertTrue(macro.stats().expanded() * 3 < plain.stats().expanded(),
        "macro " + macro.stats().expanded() + ", plain " + plain.stats().expanded());
    assertTrue(macro.length() >= plain.length(), "plain A* is shortest");
  }

  @Test
  void aBoxInACornerOffTheGoalsIsProvedStuckBeforeAnyExpansion() {
    Frame corner = PushModel.frame(new int[] {PLAYER, 1, 2, 2}, new int[] {BOX, 2, 0, 0}, new int[] {GOAL, 3, 3, 3});
    Plan plan = new MacroSearch(new PushModel(), PushModel.boxesOnGoals(), PushModel.analysed(), true, 1)
        .plan(corner, SearchLimits.nodes(100_000));
    assertEquals(Plan.Status.UNREACHABLE, plan.status());
    assertEquals(0, plan.stats().expanded());
    assertEquals(6, CoverageMatching.distances(PushModel.clauses(), 1).estimate(corner), "lattice distances see no trap");
  }

  @Test
  void theAnalysisCountsTheStepsThatMoveTheBoxAndLeavesWalkingFree() {
    PushModel model = new PushModel();
    Frame line = PushModel.frame(new int[] {PLAYER, 1, 6, 6}, new int[] {BOX, 2, 1, 3}, new int[] {GOAL, 3, 4, 3});
    CoverageMatching h = CoverageMatching.analysed(PushModel.clauses(), 1, model, line, 1);
    assertEquals(3, h.estimate(line));
    Frame againstTheEdge = PushModel.frame(new int[] {PLAYER, 1, 6, 6}, new int[] {BOX, 2, 0, 3}, new int[] {GOAL, 3, 4, 3});
    assertEquals(Integer.MAX_VALUE, h.estimate(againstTheEdge), "a box on the left edge never leaves it");
  }

  @Test
  void theMatchingGivesEachBoxItsOwnGoal() {
    Frame twoNearOne = PushModel.frame(new int[] {PLAYER, 1, 6, 6}, new int[] {BOX, 2, 2, 2}, new int[] {BOX, 3, 3, 2},
        new int[] {GOAL, 4, 2, 3}, new int[] {GOAL, 5, 5, 5});
    assertEquals(1 + 5, CoverageMatching.distances(PushModel.clauses(), 1).estimate(twoNearOne),
        "the nearest sum would be 1 + 2");
  }

  @Test
  void theActingObjectIsTheOneEveryEffectiveActionMoves() {
    assertEquals(OptionalInt.of(1), ActingObject.find(new PushModel(), TWO_BOXES));
    TransitionModel drifting = new PushModel() {
      @Override
      public Frame mostLikelyFrame(Frame frame, int action) {
        Frame moved = super.mostLikelyFrame(frame, action);
        Frame.Builder b = Frame.builder(SCHEMA).previous(frame.withAction(action));
        for (int o = 0; o < moved.size(); o++) {
          int drift = moved.type(o) == GOAL ? (moved.step() % 2 == 0 ? 1 : -1) : 0;
          b.add(moved.id(o), moved.type(o), moved.x(o) + drift, moved.y(o), 1, 1);
        }
        return b.build();
      }
    };
    assertFalse(ActingObject.find(drifting, TWO_BOXES).isPresent(), "the goals move whatever the player does");
    Plan plan = new MacroSearch(drifting, f -> false, PushModel.analysed(), true, 1).plan(TWO_BOXES, SearchLimits.nodes(5));
    assertEquals(Plan.Status.BUDGET_SPENT, plan.status(), "without an acting object it searches one action per node");
  }
}
