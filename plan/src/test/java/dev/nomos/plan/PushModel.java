package dev.nomos.plan;

import dev.nomos.runtime.EntityType;
import dev.nomos.runtime.Frame;
import dev.nomos.runtime.WorldSchema;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A pushing world for planner tests, written directly as a transition model (the planner sees only
 * this interface): the player moves one cell per action and pushes a box one cell on when the cell
 * behind it is free of walls and boxes; goals and walls stay.
 */
class PushModel implements TransitionModel {
  static final int PLAYER = 0;
  static final int BOX = 1;
  static final int GOAL = 2;
  static final int WALL = 3;
  static final WorldSchema SCHEMA = new WorldSchema("Push", 7, 7, -1, 1, List.of("LEFT", "RIGHT", "UP", "DOWN"),
      List.of(new EntityType("Player", 0, List.of()), new EntityType("Box", 1, List.of()),
          new EntityType("Goal", 2, List.of()), new EntityType("Wall", 3, List.of())), 0);
  private static final int[] DX = {-1, 1, 0, 0};
  private static final int[] DY = {0, 0, -1, 1};

  long calls;

  @Override
  public WorldSchema schema() {
    return SCHEMA;
  }

  @Override
  public Outcome mostLikely(Frame frame, int action) {
    return new Outcome(mostLikelyFrame(frame, action), 0);
  }

  @Override
  public Frame mostLikelyFrame(Frame frame, int action) {
    calls++;
    int player = frame.ofType(PLAYER)[0];
    int nx = frame.x(player) + DX[action];
    int ny = frame.y(player) + DY[action];
    int pushed = -1;
    boolean moves = free(frame, nx, ny);
    if (!moves) {
      int box = at(frame, BOX, nx, ny);
      if (box >= 0 && free(frame, nx + DX[action], ny + DY[action])) {
        pushed = box;
        moves = true;
      }
    }
    Frame.Builder b = Frame.builder(SCHEMA).previous(frame.withAction(action));
    for (int o = 0; o < frame.size(); o++) {
      int x = frame.x(o);
      int y = frame.y(o);
      if (moves && (o == player || o == pushed)) {
        x += DX[action];
        y += DY[action];
      }
      b.add(frame.id(o), frame.type(o), x, y, 1, 1);
    }
    return b.build();
  }

  @Override
  public Outcome sample(Frame frame, int action, RandomGenerator random) {
    return mostLikely(frame, action);
  }

  private static boolean free(Frame frame, int x, int y) {
    return x >= 0 && y >= 0 && x < SCHEMA.screenWidth() && y < SCHEMA.screenHeight() && at(frame, WALL, x, y) < 0
        && at(frame, BOX, x, y) < 0;
  }

  private static int at(Frame frame, int type, int x, int y) {
    for (int o : frame.ofType(type)) {
      if (frame.x(o) == x && frame.y(o) == y) {
        return o;
      }
    }
    return -1;
  }

  /** A frame from {@code {type, id, x, y}} rows. */
  static Frame frame(int[]... objects) {
    Frame.Builder b = Frame.builder(SCHEMA);
    for (int[] o : objects) {
      b.add(o[1], o[0], o[2], o[3], 1, 1);
    }
    return b.build();
  }

  /** Every box on a goal. */
  static Goal boxesOnGoals() {
    return f -> {
      for (int b : f.ofType(BOX)) {
        if (at(f, GOAL, f.x(b), f.y(b)) < 0) {
          return false;
        }
      }
      return true;
    };
  }

  static List<CoverageHeuristic.Clause> clauses() {
    return List.of(new CoverageHeuristic.Clause(BOX, GOAL));
  }

  /** The estimate source macro search is built with: the matching on the level's analysis. */
  static MacroSearch.HeuristicSource analysed() {
    return (start, actor, model) -> actor.isEmpty() ? CoverageMatching.distances(clauses(), 1)
        : CoverageMatching.analysed(clauses(), 1, model, start, actor.getAsInt());
  }
}
