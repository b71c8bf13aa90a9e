package dev.nomos.worlds.internal;

import dev.nomos.runtime.trajectory.ObjectState;
import dev.nomos.worlds.SokobanLevel;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Sokoban on a grid of 1 x 1 cells. The player moves one cell per step; walking into a box pushes
 * it one cell unless a wall or another box is behind it; walls stop the player. A box pushed onto a
 * goal earns 1, pushed off one costs 1, and solving the level earns 10 and ends the episode. Walls
 * are reported as few rectangles (see {@link WallRectangles}); goals stay in place under boxes.
 */
public final class SokobanWorld extends BaseWorld implements GoalSeeking {
  public static final List<String> ACTIONS = List.of("NOOP", "UP", "DOWN", "LEFT", "RIGHT");
  static final int MAX_STEPS = 200;

  private final List<SokobanLevel> levels;
  private SokobanLevel level;
  private Body player;
  private final List<Body> boxes = new ArrayList<>();
  private final List<Body> goals = new ArrayList<>();
  private final List<Body> walls = new ArrayList<>();
  private final SokobanSolver.PlanFollower planner = new SokobanSolver.PlanFollower();

  public SokobanWorld(List<SokobanLevel> levels) {
    super("sokoban", ACTIONS);
    if (levels.isEmpty()) {
      throw new IllegalArgumentException("sokoban needs at least one level");
    }
    this.levels = List.copyOf(levels);
  }

  @Override
  public int levelCount() {
    return levels.size();
  }

  public SokobanLevel level() {
    return level;
  }

  @Override
  protected int maxSteps() {
    return MAX_STEPS;
  }

  @Override
  protected void start(int index) {
    level = levels.get(index);
    int id = 1;
    player = new Body(id++, "Player", level.player()[0], level.player()[1], 1, 1);
    boxes.clear();
    goals.clear();
    walls.clear();
    for (int[] b : level.boxes()) {
      boxes.add(new Body(id++, "Box", b[0], b[1], 1, 1));
    }
    for (int[] g : level.goals()) {
      goals.add(new Body(id++, "Goal", g[0], g[1], 1, 1));
    }
    for (int[] r : WallRectangles.cover(level.walls())) {
      walls.add(new Body(id++, "Wall", r[0], r[1], r[2], r[3]));
    }
    planner.clear();
  }

  @Override
  protected double advance(String action) {
    int dx = dx(action);
    int dy = dy(action);
    if (dx == 0 && dy == 0) {
      return 0;
    }
    int tx = player.x + dx;
    int ty = player.y + dy;
    if (level.isWall(tx, ty)) {
      return 0;
    }
    Body box = boxAt(tx, ty);
    double reward = 0;
    if (box != null) {
      int bx = tx + dx;
      int by = ty + dy;
      if (level.isWall(bx, by) || boxAt(bx, by) != null) {
        return 0;
      }
      boolean wasHome = goalAt(tx, ty);
      box.x = bx;
      box.y = by;
      boolean isHome = goalAt(bx, by);
      reward += (isHome ? 1 : 0) - (wasHome ? 1 : 0);
    }
    player.x = tx;
    player.y = ty;
    if (solved()) {
      reward += 10;
      finish();
    }
    return reward;
  }

  static int dx(String action) {
    return action.equals("LEFT") ? -1 : action.equals("RIGHT") ? 1 : 0;
  }

  static int dy(String action) {
    return action.equals("UP") ? -1 : action.equals("DOWN") ? 1 : 0;
  }

  private Body boxAt(int x, int y) {
    for (Body b : boxes) {
      if (b.x == x && b.y == y) {
        return b;
      }
    }
    return null;
  }

  private boolean goalAt(int x, int y) {
    for (Body g : goals) {
      if (g.x == x && g.y == y) {
        return true;
      }
    }
    return false;
  }

  private boolean solved() {
    for (Body b : boxes) {
      if (!goalAt(b.x, b.y)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public List<ObjectState> objects() {
    List<ObjectState> out = new ArrayList<>();
    out.add(player.state());
    boxes.forEach(b -> out.add(b.state()));
    goals.forEach(g -> out.add(g.state()));
    walls.forEach(w -> out.add(w.state()));
    return out;
  }

  int[] boxCells() {
    int[] cells = new int[boxes.size() * 2];
    for (int i = 0; i < boxes.size(); i++) {
      cells[2 * i] = boxes.get(i).x;
      cells[2 * i + 1] = boxes.get(i).y;
    }
    return cells;
  }

  @Override
  public String goalAction(SplittableRandom random) {
    String planned = planner.next(level, player.x, player.y, boxCells());
    if (planned != null) {
      return planned;
    }
    // No plan within the search budget: wander, never standing still.
    return ACTIONS.get(1 + random.nextInt(4));
  }
}
