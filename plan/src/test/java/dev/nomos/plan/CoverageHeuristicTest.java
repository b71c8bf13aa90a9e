package dev.nomos.plan;

import static dev.nomos.plan.GridModel.MARK;
import static dev.nomos.plan.GridModel.PLAYER;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nomos.runtime.Frame;
import java.util.List;
import org.junit.jupiter.api.Test;

class CoverageHeuristicTest {
  @Test
  void sumsEachCoveredObjectsDistanceToItsNearestCoveringObject() {
    Frame f = GridModel.frame(new int[] {MARK, 1, 0, 0}, new int[] {MARK, 2, 5, 5}, new int[] {PLAYER, 3, 1, 2},
        new int[] {PLAYER, 4, 4, 4});
    CoverageHeuristic h = new CoverageHeuristic(List.of(new CoverageHeuristic.Clause(PLAYER, MARK)), 1);
    assertEquals(3 + 2, h.estimate(f));
  }

  @Test
  void dividesByTheMoveSizeRoundingUp() {
    Frame f = GridModel.frame(new int[] {MARK, 1, 0, 0}, new int[] {PLAYER, 2, 3, 2});
    assertEquals(3, new CoverageHeuristic(List.of(new CoverageHeuristic.Clause(PLAYER, MARK)), 2).estimate(f));
  }

  @Test
  void nothingToStandOnMakesTheGoalUnreachable() {
    Frame f = GridModel.frame(new int[] {PLAYER, 1, 0, 0});
    assertEquals(Integer.MAX_VALUE,
        new CoverageHeuristic(List.of(new CoverageHeuristic.Clause(PLAYER, MARK)), 1).estimate(f));
  }
}
