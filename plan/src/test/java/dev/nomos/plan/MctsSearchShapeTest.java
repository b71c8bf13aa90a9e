package dev.nomos.plan;

import static dev.nomos.plan.GridModel.MARK;
import static dev.nomos.plan.GridModel.PLAYER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nomos.runtime.Frame;
import dev.nomos.runtime.WorldSchema;
import java.util.function.IntToDoubleFunction;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** How MCTS shapes its tree: merged actions, drawn outcomes, rollouts that hold a course, and reuse. */
class MctsSearchShapeTest {
  private static final int LEFT = 0;
  private static final int RIGHT = 1;
  private static final int DOWN = 3;

  /** Every action leaves the frame as it is and earns {@code reward(action)}; nothing is drawn. */
  private static TransitionModel standStill(IntToDoubleFunction reward) {
    return new TransitionModel() {
      @Override
      public WorldSchema schema() {
        return GridModel.SCHEMA;
      }

      @Override
      public Outcome mostLikely(Frame frame, int action) {
        return new Outcome(GridModel.move(frame, action, false), 0, reward.applyAsDouble(action));
      }

      @Override
      public Outcome sample(Frame frame, int action, RandomGenerator random) {
        return mostLikely(frame, action);
      }
    };
  }

  private static Frame player(int x, int y) {
    return GridModel.frame(new int[] {PLAYER, 1, x, y});
  }

  /** LEFT and DOWN both earn 1 and lead to one state: searched apart, either could gather more visits. */
  @Test
  void actionsWithOneOutcomeAreSearchedAsTheFirstOfThem() {
    for (long seed = 1; seed <= 10; seed++) {
      Mcts mcts = new Mcts(standStill(a -> a == LEFT || a == DOWN ? 1 : 0), ReturnObjective.predicted(),
          new Mcts.Settings(3, 0.9, 1.0, seed));
      assertEquals(LEFT, mcts.plan(player(2, 2), SearchLimits.nodes(200)).actions()[0], "seed " + seed);
    }
  }

  @Test
  void actionsWithOneStateButAnotherRewardStayApart() {
    Mcts mcts = new Mcts(standStill(a -> a == DOWN ? 1 : 0), ReturnObjective.predicted(), new Mcts.Settings(1, 0.9, 1.0, 3));
    Plan plan = mcts.plan(player(2, 2), SearchLimits.nodes(100));
    assertEquals(DOWN, plan.actions()[0]);
    assertEquals(1.0, plan.expectedReturn(), 1e-9);
  }

  /**
   * RIGHT most likely earns 1 but is drawn to earn -1 four times in ten (a mean of 0.2); LEFT surely
   * earns 0.5. A search that looked only at most likely outcomes would take RIGHT.
   */
  @Test
  void drawnOutcomesEnterTheEstimateBesideTheMostLikelyOne() {
    TransitionModel risky = new TransitionModel() {
      @Override
      public WorldSchema schema() {
        return GridModel.SCHEMA;
      }

      @Override
      public Outcome mostLikely(Frame frame, int action) {
        return outcome(frame, action, true);
      }

      @Override
      public Outcome sample(Frame frame, int action, RandomGenerator random) {
        return outcome(frame, action, random.nextDouble() < 0.6);
      }

      private Outcome outcome(Frame frame, int action, boolean lucky) {
        Frame next = GridModel.move(frame, action, action != RIGHT || lucky);
        double reward = action == LEFT ? 0.5 : action == RIGHT ? (lucky ? 1 : -1) : 0;
        return new Outcome(next, 0, reward);
      }
    };
    Mcts mcts = new Mcts(risky, ReturnObjective.predicted(), new Mcts.Settings(1, 0.9, 0.5, 5));
    Plan plan = mcts.plan(player(2, 2), SearchLimits.nodes(3000));
    assertEquals(LEFT, plan.actions()[0]);
    assertEquals(0.5, plan.expectedReturn(), 1e-9);
  }

  /** Reward on a mark five steps to the right, a tiny budget: rollouts that hold a course find it. */
  @Test
  void rolloutsThatRepeatTheirActionFindADistantRewardMoreOften() {
    Frame start = GridModel.frame(new int[] {PLAYER, 1, 0, 0}, new int[] {MARK, 2, 5, 0});
    int repeating = 0;
    int uniform = 0;
    for (long seed = 1; seed <= 20; seed++) {
      repeating += firstIsRight(start, new Mcts.Settings(8, 0.95, 1.0, seed, 0.9, false)) ? 1 : 0;
      uniform += firstIsRight(start, new Mcts.Settings(8, 0.95, 1.0, seed, 0, false)) ? 1 : 0;
    }
    assertTrue(repeating >= 16, "RIGHT first in " + repeating + " of 20 searches with repeating rollouts");
    assertTrue(repeating > uniform, repeating + " with repeating rollouts, " + uniform + " with uniform ones");
  }

  private static boolean firstIsRight(Frame start, Mcts.Settings settings) {
    Mcts mcts = new Mcts(new RewardGridModel(0, 1, (x, y) -> false), ReturnObjective.predicted(), settings);
    return mcts.plan(start, SearchLimits.nodes(8)).actions()[0] == RIGHT;
  }

  @Test
  void aPlanFromThePredictedOutcomeContinuesThePreviousTree() {
    Frame start = GridModel.frame(new int[] {PLAYER, 1, 0, 0}, new int[] {MARK, 2, 4, 0});
    RewardGridModel model = new RewardGridModel(0, 1, (x, y) -> false);
    Mcts reusing = new Mcts(model, ReturnObjective.predicted(), new Mcts.Settings(8, 0.95, 1.0, 2, 0.5, true));
    Plan first = reusing.plan(start, SearchLimits.nodes(2000));
    Frame next = first.predicted().get(0);
    assertTrue(reusing.plan(next, SearchLimits.nodes(1)).length() > 1, "one simulation on top of the kept subtree");

    Mcts fresh = new Mcts(model, ReturnObjective.predicted(), new Mcts.Settings(8, 0.95, 1.0, 2, 0.5, false));
    fresh.plan(start, SearchLimits.nodes(2000));
    assertEquals(1, fresh.plan(next, SearchLimits.nodes(1)).length(), "a new tree after one simulation");
  }

  @Test
  void aStartThatWasNotPredictedGetsANewTree() {
    Frame start = GridModel.frame(new int[] {PLAYER, 1, 0, 0}, new int[] {MARK, 2, 4, 0});
    Mcts mcts = new Mcts(new RewardGridModel(0, 1, (x, y) -> false), ReturnObjective.predicted(),
        new Mcts.Settings(8, 0.95, 1.0, 2, 0.5, true));
    mcts.plan(start, SearchLimits.nodes(2000));
    Frame elsewhere = GridModel.frame(new int[] {PLAYER, 1, 0, 5}, new int[] {MARK, 2, 4, 0});
    assertEquals(1, mcts.plan(elsewhere, SearchLimits.nodes(1)).length());
  }
}
