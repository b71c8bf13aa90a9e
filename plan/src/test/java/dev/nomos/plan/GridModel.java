package dev.nomos.plan;

import dev.nomos.runtime.EntityType;
import dev.nomos.runtime.Frame;
import dev.nomos.runtime.WorldSchema;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A small grid world for planner tests, written directly as a transition model: the player moves
 * one cell per action unless the cell is outside the grid or holds a wall; marks stay. With
 * {@code slip > 0} a sampled move fails (the player stays) with that probability.
 */
final class GridModel implements TransitionModel {
  static final int PLAYER = 0;
  static final int MARK = 1;
  static final int WALL = 2;
  static final WorldSchema SCHEMA = new WorldSchema("Grid", 6, 6, -1, 1, List.of("LEFT", "RIGHT", "UP", "DOWN"),
      List.of(new EntityType("Player", 0, List.of()), new EntityType("Mark", 1, List.of()),
          new EntityType("Wall", 2, List.of())), 0);
  private static final int[] DX = {-1, 1, 0, 0};
  private static final int[] DY = {0, 0, -1, 1};

  private final double slip;
  long calls;

  GridModel(double slip) {
    this.slip = slip;
  }

  @Override
  public WorldSchema schema() {
    return SCHEMA;
  }

  @Override
  public Outcome mostLikely(Frame frame, int action) {
    return new Outcome(move(frame, action, slip <= 0.5), Math.log(slip <= 0.5 ? 1 - slip : slip));
  }

  @Override
  public Outcome sample(Frame frame, int action, RandomGenerator random) {
    boolean moves = random.nextDouble() >= slip;
    return new Outcome(move(frame, action, moves), Math.log(moves ? 1 - slip : slip));
  }

  /** The next frame: every object kept (same id), the player moved when {@code moves} and the cell is free. */
  static Frame move(Frame frame, int action, boolean moves) {
    return move(frame, action, moves, (x, y) -> false);
  }

  /** Which cells end the episode when the player steps on them. */
  @FunctionalInterface
  interface Cells {
    boolean contain(int x, int y);
  }

  /** As {@link #move(Frame, int, boolean)}; the next frame is terminated when the player lands in {@code ends}. */
  static Frame move(Frame frame, int action, boolean moves, Cells ends) {
    Frame acted = frame.withAction(action);
    Frame.Builder b = Frame.builder(SCHEMA).previous(acted);
    boolean ended = false;
    for (int o = 0; o < frame.size(); o++) {
      int x = frame.x(o);
      int y = frame.y(o);
      if (frame.type(o) == PLAYER && moves) {
        int nx = x + DX[action];
        int ny = y + DY[action];
        if (nx >= 0 && ny >= 0 && nx < SCHEMA.screenWidth() && ny < SCHEMA.screenHeight() && !wallAt(frame, nx, ny)) {
          x = nx;
          y = ny;
        }
      }
      ended |= frame.type(o) == PLAYER && ends.contain(x, y);
      b.add(frame.id(o), frame.type(o), x, y, 1, 1);
    }
    return b.terminated(ended).build();
  }

  private static boolean wallAt(Frame frame, int x, int y) {
    for (int w : frame.ofType(WALL)) {
      if (frame.x(w) == x && frame.y(w) == y) {
        return true;
      }
    }
    return false;
  }

  /** A frame from {@code {type, id, x, y}} rows. */
  static Frame frame(int[]... objects) {
    Frame.Builder b = Frame.builder(SCHEMA);
    for (int[] o : objects) {
      b.add(o[1], o[0], o[2], o[3], 1, 1);
    }
    return b.build();
  }

  /** The goal: the player stands on a mark. */
  static Goal onMark() {
    return f -> {
      for (int p : f.ofType(PLAYER)) {
        for (int m : f.ofType(MARK)) {
          if (f.x(p) == f.x(m) && f.y(p) == f.y(m)) {
            return true;
          }
        }
      }
      return false;
    };
  }

  static Heuristic coverage() {
    return new CoverageHeuristic(List.of(new CoverageHeuristic.Clause(PLAYER, MARK)), 1);
  }
}
