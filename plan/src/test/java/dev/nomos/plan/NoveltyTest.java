package dev.nomos.plan;

import static dev.nomos.plan.PushModel.BOX;
import static dev.nomos.plan.PushModel.GOAL;
import static dev.nomos.plan.PushModel.PLAYER;
import static dev.nomos.plan.PushModel.WALL;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nomos.runtime.Frame;
import dev.nomos.runtime.WorldSchema;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** Going where the agent has not been: situations, their memory, the way there, and an agent that uses it. */
class NoveltyTest {
  private static final int LEFT = 0;
  private static final int RIGHT = 1;
  private static final int UP = 2;
  private static final int DOWN = 3;

  /** Player at (1,1), a box right of it, a goal right of the box. */
  private static final Frame BOX_BEFORE_GOAL = PushModel.frame(new int[] {PLAYER, 1, 1, 1}, new int[] {BOX, 2, 2, 1},
      new int[] {GOAL, 3, 3, 1});

  /**
   * The model a learner makes from random steps that never pushed a box onto a goal: sure that a box
   * never moves onto one (the push is refused, nothing moves); right about everything else.
   */
  private static final class GoalsRefuseBoxes implements TransitionModel {
    private final PushModel truth = new PushModel();

    @Override
    public WorldSchema schema() {
      return PushModel.SCHEMA;
    }

    @Override
    public Outcome mostLikely(Frame frame, int action) {
      Frame next = truth.mostLikelyFrame(frame, action);
      for (int b : next.ofType(BOX)) {
        int before = frame.indexOfId(next.id(b));
        boolean moved = frame.x(before) != next.x(b) || frame.y(before) != next.y(b);
        if (moved && onGoal(next, b)) {
          return new Outcome(stay(frame, action), 0);
        }
      }
      return new Outcome(next, 0);
    }

    @Override
    public Outcome sample(Frame frame, int action, RandomGenerator random) {
      return mostLikely(frame, action);
    }

    private static Frame stay(Frame frame, int action) {
      Frame.Builder b = Frame.builder(PushModel.SCHEMA).previous(frame.withAction(action));
      for (int o = 0; o < frame.size(); o++) {
        b.add(frame.id(o), frame.type(o), frame.x(o), frame.y(o), 1, 1);
      }
      return b.build();
    }
  }

  private static boolean onGoal(Frame f, int box) {
    for (int g : f.ofType(GOAL)) {
      if (f.x(g) == f.x(box) && f.y(g) == f.y(box)) {
        return true;
      }
    }
    return false;
  }

  private static Novelty novelty(TransitionModel model, Frame start) {
    return Novelty.of(model, start, true).orElseThrow();
  }

  @Test
  void theActorAndEachActionsDirectionComeFromTheModel() {
    Novelty n = novelty(new PushModel(), BOX_BEFORE_GOAL);
    assertEquals(PLAYER, n.actorType());
    assertArrayEquals(new int[] {-1, 0}, n.direction(LEFT));
    assertArrayEquals(new int[] {1, 0}, n.direction(RIGHT));
    assertArrayEquals(new int[] {0, -1}, n.direction(UP));
    assertArrayEquals(new int[] {0, 1}, n.direction(DOWN));
  }

  @Test
  void aSituationIsTheActionWithWhatStandsOneAndTwoStepsAhead() {
    Novelty n = novelty(new PushModel(), BOX_BEFORE_GOAL);
    assertEquals(new Novelty.Situation(RIGHT, List.of(BOX), List.of(GOAL)), n.situation(BOX_BEFORE_GOAL, RIGHT).orElseThrow());
    assertEquals(new Novelty.Situation(LEFT, List.of(), List.of()), n.situation(BOX_BEFORE_GOAL, LEFT).orElseThrow());
    Frame twoPlayers = PushModel.frame(new int[] {PLAYER, 1, 1, 1}, new int[] {PLAYER, 2, 4, 4});
    assertTrue(n.situation(twoPlayers, RIGHT).isEmpty(), "no single actor, no situation");
  }

  @Test
  void wallsThatCoverSeveralCellsCountWhereverTheyOverlap() {
    Frame wide = Frame.builder(PushModel.SCHEMA).add(1, PLAYER, 1, 1, 1, 1).add(5, WALL, 0, 3, 7, 1).build();
    Novelty n = novelty(new PushModel(), BOX_BEFORE_GOAL);
    assertEquals(new Novelty.Situation(DOWN, List.of(), List.of(WALL)), n.situation(wide, DOWN).orElseThrow());
  }

  @Test
  void anActionIsNovelUntilItWasTakenInThatSituation() {
    Novelty n = novelty(new PushModel(), BOX_BEFORE_GOAL);
    assertEquals(OptionalInt.of(LEFT), n.novelAction(BOX_BEFORE_GOAL));
    n.seen(BOX_BEFORE_GOAL, LEFT);
    n.seen(BOX_BEFORE_GOAL, UP);
    n.seen(BOX_BEFORE_GOAL, DOWN);
    assertEquals(OptionalInt.of(RIGHT), n.novelAction(BOX_BEFORE_GOAL));
    n.observed(BOX_BEFORE_GOAL, RIGHT, BOX_BEFORE_GOAL);
    assertTrue(n.novelAction(BOX_BEFORE_GOAL).isEmpty());
    assertEquals(4, n.seenCount());
  }

  @Test
  void aRecordedEpisodeCountsEachFrameWithItsAction() {
    PushModel truth = new PushModel();
    Frame first = BOX_BEFORE_GOAL.withAction(RIGHT);
    Frame second = truth.mostLikelyFrame(BOX_BEFORE_GOAL, RIGHT); // the last frame: its action is never taken
    Novelty n = novelty(truth, BOX_BEFORE_GOAL);
    n.seenAll(List.of(first, second));
    assertEquals(1, n.seenCount());
    assertEquals(OptionalInt.of(LEFT), n.novelAction(BOX_BEFORE_GOAL));
    n.seen(BOX_BEFORE_GOAL, LEFT);
    n.seen(BOX_BEFORE_GOAL, UP);
    n.seen(BOX_BEFORE_GOAL, DOWN);
    assertTrue(n.novelAction(BOX_BEFORE_GOAL).isEmpty(), "pushing right was seen in the recording");
  }

  @Test
  void theRouteIsTheShortestWayToANovelSituationAndTheActionTriedThere() {
    // Everything but a push with the goal beyond has been seen: the way leads behind the box.
    Frame start = PushModel.frame(new int[] {PLAYER, 1, 0, 0}, new int[] {BOX, 2, 2, 1}, new int[] {GOAL, 3, 3, 1});
    GoalsRefuseBoxes model = new GoalsRefuseBoxes();
    Novelty n = novelty(model, start);
    Novelty probe = novelty(model, start);
    for (int x = 0; x < 7; x++) {
      for (int y = 0; y < 7; y++) {
        Frame at = PushModel.frame(new int[] {PLAYER, 1, x, y}, new int[] {BOX, 2, 2, 1}, new int[] {GOAL, 3, 3, 1});
        for (int a = 0; a < 4; a++) {
          boolean pushTowardGoal = probe.situation(at, a).orElseThrow().equals(new Novelty.Situation(RIGHT, List.of(BOX),
              List.of(GOAL)));
          if (!pushTowardGoal) {
            n.seen(at, a);
          }
        }
      }
    }
    Plan way = n.route(start, SearchLimits.nodes(10_000));
    assertEquals(Plan.Status.SOLVED, way.status());
    assertArrayEquals(new int[] {RIGHT, DOWN, RIGHT}, way.actions(), "behind the box, then the untried push");
    assertEquals(3, way.predicted().size());
  }

  @Test
  void noWayWhenEverythingReachableWasSeen() {
    Frame start = PushModel.frame(new int[] {PLAYER, 1, 0, 0}, new int[] {WALL, 2, 1, 0}, new int[] {WALL, 3, 0, 1});
    Novelty n = novelty(new PushModel(), PushModel.frame(new int[] {PLAYER, 1, 3, 3}));
    for (int a = 0; a < 4; a++) {
      n.seen(start, a);
    }
    assertEquals(0, n.route(start, SearchLimits.nodes(1000)).length());
    assertEquals(Plan.Status.UNREACHABLE, n.route(start, SearchLimits.nodes(1000)).status());
  }

  @Test
  void anAgentWhoseModelRefusesTheLastPushSolvesByTryingIt() {
    Frame start = PushModel.frame(new int[] {PLAYER, 1, 0, 1}, new int[] {BOX, 2, 2, 1}, new int[] {GOAL, 3, 4, 1});
    CorrectedTransitions model = new CorrectedTransitions(new GoalsRefuseBoxes(), true);
    Novelty n = novelty(model, start);
    Agent agent = new Agent(new GraphSearch(model, PushModel.boxesOnGoals(), Heuristic.ZERO, GraphSearch.Strategy.BFS,
        true), PushModel.boxesOnGoals(), model::observed, new Curiosity(model, 7), n);
    Agent.Episode e = agent.play(new TrueGrid(start, new PushModel()::mostLikelyFrame), SearchLimits.nodes(100_000), 200, Duration.ofSeconds(60));
    assertTrue(e.solved(), e.ending());
    assertTrue(e.exploratorySteps() > 0, "the model saw no way: the solve came from exploring");
    assertTrue(e.steps() < 60, "novel situations are sought out, not wandered into: " + e.steps());
  }

  @Test
  void noveltyNeedsACuriosityToFallBackOn() {
    PushModel model = new PushModel();
    assertThrows(IllegalArgumentException.class, () -> new Agent(GraphSearch.bfs(model, PushModel.boxesOnGoals()),
        PushModel.boxesOnGoals(), (f, a, t) -> { }, null, novelty(model, BOX_BEFORE_GOAL)));
  }

  @Test
  void aWorldWithoutASingleActingObjectHasNoNovelty() {
    TransitionModel frozen = new TransitionModel() {
      @Override
      public WorldSchema schema() {
        return PushModel.SCHEMA;
      }

      @Override
      public Outcome mostLikely(Frame frame, int action) {
        return new Outcome(frame, 0);
      }

      @Override
      public Outcome sample(Frame frame, int action, RandomGenerator random) {
        return mostLikely(frame, action);
      }
    };
    assertFalse(Novelty.of(frozen, BOX_BEFORE_GOAL, true).isPresent());
  }
}
