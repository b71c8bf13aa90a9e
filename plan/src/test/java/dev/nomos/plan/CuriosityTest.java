package dev.nomos.plan;

import static dev.nomos.plan.GridModel.MARK;
import static dev.nomos.plan.GridModel.PLAYER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nomos.runtime.Frame;
import dev.nomos.runtime.WorldSchema;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** Exploring where no plan is found: the least sure action, and an agent that acts instead of stopping. */
class CuriosityTest {
  /**
   * A model sure that the player never moves, except that it gives "stays" under {@code unsure}
   * (an action index, or -1 for none) only probability 0.6.
   */
  private record FrozenModel(int unsure) implements TransitionModel {
    @Override
    public WorldSchema schema() {
      return GridModel.SCHEMA;
    }

    @Override
    public Outcome mostLikely(Frame frame, int action) {
      return new Outcome(GridModel.move(frame, action, false), action == unsure ? Math.log(0.6) : 0);
    }

    @Override
    public Outcome sample(Frame frame, int action, RandomGenerator random) {
      return mostLikely(frame, action);
    }
  }

  private static final Frame START = GridModel.frame(new int[] {PLAYER, 1, 0, 0}, new int[] {MARK, 2, 3, 0});

  @Test
  void choosesTheActionWhoseOutcomeTheModelIsLeastSureOf() {
    for (long seed = 0; seed < 20; seed++) {
      Curiosity.Choice c = new Curiosity(new FrozenModel(1), seed).choose(START);
      assertEquals(1, c.action());
      assertEquals(Math.log(0.6), c.expected().logProbability(), 1e-12);
    }
  }

  @Test
  void drawsAmongActionsTheModelIsEquallySureOf() {
    Set<Integer> chosen = new HashSet<>();
    for (long seed = 0; seed < 40; seed++) {
      chosen.add(new Curiosity(new FrozenModel(-1), seed).choose(START).action());
    }
    assertEquals(Set.of(0, 1, 2, 3), chosen);
  }

  @Test
  void withoutCuriosityAnAgentWhoseModelSeesNoWayTakesNoStep() {
    FrozenModel model = new FrozenModel(1);
    Agent agent = new Agent(GraphSearch.astar(model, GridModel.onMark(), GridModel.coverage()), GridModel.onMark());
    Agent.Episode e = agent.play(new TrueGrid(START), SearchLimits.nodes(1000), 30, Duration.ofSeconds(30));
    assertEquals(0, e.steps());
    assertEquals("no plan: the goal is unreachable under the model", e.ending());
  }

  @Test
  void withCuriosityItExploresTheUnsureActionAndRecordsEveryStep() {
    FrozenModel model = new FrozenModel(1);
    int[] observed = new int[1];
    Agent agent = new Agent(GraphSearch.astar(model, GridModel.onMark(), GridModel.coverage()), GridModel.onMark(),
        (from, action, to) -> observed[0]++, new Curiosity(model, 7));
    Agent.Episode e = agent.play(new TrueGrid(START), SearchLimits.nodes(1000), 30, Duration.ofSeconds(30));
    // RIGHT is the action the model is unsure of; the true grid moves the player right onto the mark.
    assertTrue(e.solved(), e.ending());
    assertEquals(3, e.steps());
    assertEquals(3, e.exploratorySteps());
    assertEquals(3, observed[0], "every exploratory step is observed (the corrections learn from it)");
    assertEquals(3, e.plans(), "a surprise ends the exploration and the agent plans again");
    assertTrue(e.plansValid(), "exploratory steps are no plan's");
    assertEquals(0, e.checkedPlans());
  }

  @Test
  void anActionChosenMoreOftenInAStateWaitsForTheOthers() {
    Curiosity c = new Curiosity(new FrozenModel(1), 3);
    assertEquals(1, c.choose(START).action(), "the least sure action first");
    Set<Integer> next = new HashSet<>();
    for (int i = 0; i < 3; i++) {
      next.add(c.choose(START).action());
    }
    assertEquals(Set.of(0, 2, 3), next, "then each untried one once");
    assertEquals(1, c.choose(START).action(), "with every action tried once, the least sure again");
    Set<Integer> third = new HashSet<>();
    for (int i = 0; i < 3; i++) {
      third.add(c.choose(START).action());
    }
    assertEquals(Set.of(0, 2, 3), third, "then each other one a second time, never one action over and over");
    Frame elsewhere = GridModel.frame(new int[] {PLAYER, 1, 1, 1}, new int[] {MARK, 2, 3, 0});
    assertEquals(1, c.choose(elsewhere).action(), "another state has its own record");
  }

  @Test
  void anExplorationWithoutSurprisesStopsAfterTenStepsToPlanAgain() {
    // Walled into the corner, every action leaves the player where the model says it stays: no surprise.
    FrozenModel model = new FrozenModel(0);
    Agent agent = new Agent(GraphSearch.astar(model, GridModel.onMark(), GridModel.coverage()), GridModel.onMark(),
        (from, action, to) -> { }, new Curiosity(model, 7));
    Frame walledIn = GridModel.frame(new int[] {PLAYER, 1, 0, 0}, new int[] {MARK, 2, 3, 0},
        new int[] {GridModel.WALL, 3, 1, 0}, new int[] {GridModel.WALL, 4, 0, 1});
    Agent.Episode e = agent.play(new TrueGrid(walledIn), SearchLimits.nodes(1000), 25, Duration.ofSeconds(30));
    assertFalse(e.solved());
    assertEquals(25, e.steps());
    assertEquals(25, e.exploratorySteps());
    assertEquals(3, e.plans(), "planned at steps 0, 10 and 20");
    assertEquals("step limit", e.ending());
  }
}
