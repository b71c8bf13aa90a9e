package dev.nomos.plan;

import static dev.nomos.plan.GridModel.MARK;
import static dev.nomos.plan.GridModel.PLAYER;
import static dev.nomos.plan.GridModel.WALL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nomos.runtime.Frame;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class CautiousTransitionsTest {
  /** The grid, but the model gives a step onto cell (1,0) only probability 0.6: its laws disagree there. */
  private static final class UnsureCell implements TransitionModel {
    private final GridModel grid = new GridModel(0);

    @Override
    public dev.nomos.runtime.WorldSchema schema() {
      return GridModel.SCHEMA;
    }

    @Override
    public Outcome mostLikely(Frame frame, int action) {
      Frame next = grid.mostLikely(frame, action).next();
      int p = next.ofType(PLAYER)[0];
      return new Outcome(next, next.x(p) == 1 && next.y(p) == 0 ? Math.log(0.6) : 0);
    }

    @Override
    public Outcome sample(Frame frame, int action, RandomGenerator random) {
      return mostLikely(frame, action);
    }
  }

  private static final Frame START = GridModel.frame(new int[] {PLAYER, 1, 0, 0}, new int[] {MARK, 2, 2, 0});

  private static Plan astar(TransitionModel model, Frame start) {
    return GraphSearch.astar(model, GridModel.onMark(), GridModel.coverage()).plan(start, SearchLimits.nodes(10_000));
  }

  @Test
  void withoutCautionTheShortestPlanCrossesTheUnsureCell() {
    Plan plan = astar(new UnsureCell(), START);
    assertEquals(Plan.Status.SOLVED, plan.status());
    assertEquals(2, plan.length());
    assertEquals(Math.log(0.6), plan.logProbability(), 1e-12);
  }

  @Test
  void aCautiousSearchGoesAroundTheStepTheModelIsUnsureOf() {
    Plan plan = astar(new CautiousTransitions(new UnsureCell(), 0.9), START);
    assertEquals(Plan.Status.SOLVED, plan.status());
    assertEquals(4, plan.length(), "down, right, right, up: around (1,0)");
    assertEquals(0.0, plan.logProbability(), 1e-12, "every step of the plan is sure");
    Plan bfs = GraphSearch.bfs(new CautiousTransitions(new UnsureCell(), 0.9), GridModel.onMark())
        .plan(START, SearchLimits.nodes(10_000));
    assertEquals(4, bfs.length());
  }

  @Test
  void aThresholdBelowTheStepsProbabilityTakesIt() {
    assertEquals(2, astar(new CautiousTransitions(new UnsureCell(), 0.5), START).length());
  }

  @Test
  void whenOnlyUnsureStepsLeadThereTheGoalIsUnreachableUnderTheModel() {
    Frame corridor = GridModel.frame(new int[] {PLAYER, 1, 0, 0}, new int[] {MARK, 2, 2, 0},
        new int[] {WALL, 3, 0, 1}, new int[] {WALL, 4, 1, 1});
    Plan plan = new GraphSearch(new CautiousTransitions(new UnsureCell(), 0.9), GridModel.onMark(), GridModel.coverage(),
        GraphSearch.Strategy.ASTAR, false).plan(corridor, SearchLimits.nodes(10_000));
    assertEquals(Plan.Status.UNREACHABLE, plan.status());
    assertEquals(0, plan.length());
  }

  @Test
  void aStepTheTrueWorldShowedIsSureAfterwards() {
    CautiousTransitions cautious = new CautiousTransitions(new UnsureCell(), 0.9);
    assertNull(cautious.sureFrame(START, 1));
    CorrectedTransitions corrected = new CorrectedTransitions(cautious);
    Frame blocked = GridModel.move(START, 1, false); // the world refused the step the model was unsure of
    corrected.observed(START, 1, blocked);
    assertTrue(StateKeys.sameState(blocked, corrected.sureFrame(START, 1)));
    assertTrue(StateKeys.sameState(GridModel.move(START, 3, true), corrected.sureFrame(START, 3)),
        "a sure step the model predicted is the model's");
  }

  @Test
  void theThresholdIsAProbability() {
    assertThrows(IllegalArgumentException.class, () -> new CautiousTransitions(new UnsureCell(), 0));
    assertThrows(IllegalArgumentException.class, () -> new CautiousTransitions(new UnsureCell(), 1.5));
  }
}
