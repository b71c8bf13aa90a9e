package dev.nomos.plan;

import static dev.nomos.plan.GridModel.MARK;
import static dev.nomos.plan.GridModel.PLAYER;
import static dev.nomos.plan.GridModel.WALL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nomos.runtime.Frame;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AgentTest {
  /** The model believes there are no walls. */
  private static final class WallBlindModel implements TransitionModel {
    @Override
    public dev.nomos.runtime.WorldSchema schema() {
      return GridModel.SCHEMA;
    }

    @Override
    public Outcome mostLikely(Frame frame, int action) {
      Frame.Builder b = Frame.builder(GridModel.SCHEMA);
      for (int o = 0; o < frame.size(); o++) {
        if (frame.type(o) != WALL) {
          b.add(frame.id(o), frame.type(o), frame.x(o), frame.y(o), 1, 1);
        }
      }
      Frame blind = b.build();
      Frame next = GridModel.move(blind, action, true);
      Frame.Builder withWalls = Frame.builder(GridModel.SCHEMA).previous(frame.withAction(action));
      for (int o = 0; o < next.size(); o++) {
        withWalls.add(next.id(o), next.type(o), next.x(o), next.y(o), 1, 1);
      }
      for (int w : frame.ofType(WALL)) {
        withWalls.add(frame.id(w), WALL, frame.x(w), frame.y(w), 1, 1);
      }
      return new Outcome(withWalls.build(), 0);
    }

    @Override
    public Outcome sample(Frame frame, int action, java.util.random.RandomGenerator random) {
      return mostLikely(frame, action);
    }
  }

  @Test
  void aRightModelReachesTheGoalWithOneValidPlan() {
    Frame start = GridModel.frame(new int[] {PLAYER, 1, 0, 0}, new int[] {MARK, 2, 3, 2});
    Agent agent = new Agent(GraphSearch.astar(new GridModel(0), GridModel.onMark(), GridModel.coverage()), GridModel.onMark());
    Agent.Episode e = agent.play(new TrueGrid(start), SearchLimits.nodes(1000), 50, Duration.ofSeconds(30));
    assertTrue(e.solved());
    assertEquals(5, e.steps());
    assertEquals(1, e.plans());
    assertTrue(e.plansValid());
    assertTrue(e.departures().isEmpty());
  }

  @Test
  void aWrongPredictionInvalidatesThePlanAndTheAgentReplans() {
    // The model does not know walls block; the first plan walks into one, the observation departs.
    Frame start = GridModel.frame(new int[] {PLAYER, 1, 0, 0}, new int[] {MARK, 2, 3, 0}, new int[] {WALL, 3, 1, 0});
    Agent agent = new Agent(GraphSearch.astar(new WallBlindModel(), GridModel.onMark(), GridModel.coverage()),
        GridModel.onMark());
    Agent.Episode e = agent.play(new TrueGrid(start), SearchLimits.nodes(1000), 20, Duration.ofSeconds(30));
    assertFalse(e.plansValid());
    assertTrue(e.invalidPlans() >= 1);
    assertTrue(e.plans() > 1, "replanned after the surprise");
    assertEquals(20, e.steps(), "the blind model keeps walking into the wall until the step limit");
    assertFalse(e.solved());
    assertEquals(e.invalidPlans(), e.departures().size(), "each invalid plan says where it departed");
    Departure first = e.departures().get(0);
    assertEquals(0, first.step());
    assertEquals("RIGHT", first.action());
    assertEquals(java.util.List.of("Player 1 at (0,0): predicted (1,0) v(1,0), observed (0,0)"), first.differences(),
        "only the player's state differs: the wall and the mark were predicted right");
  }

  @Test
  void theRandomPolicyIsPlayedInTheSameHarnessWithNothingToValidate() {
    Frame start = GridModel.frame(new int[] {PLAYER, 1, 0, 0}, new int[] {MARK, 2, 5, 5});
    Agent agent = new Agent(new RandomPolicy(4, 3), GridModel.onMark());
    Agent.Episode e = agent.play(new TrueGrid(start), SearchLimits.nodes(1), 10, Duration.ofSeconds(30));
    assertEquals(10, e.steps());
    assertEquals(10, e.plans());
    assertEquals(0, e.checkedPlans());
    assertTrue(e.plansValid());
  }
}
