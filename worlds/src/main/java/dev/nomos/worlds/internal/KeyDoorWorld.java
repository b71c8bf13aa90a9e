package dev.nomos.worlds.internal;

import dev.nomos.runtime.trajectory.ObjectState;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A MiniGrid DoorKey-like gridworld: a wall with a locked door splits the room; the key lies on
 * the agent's side and the goal in the far corner. The agent turns, steps forward, picks the key up
 * (the key leaves the grid), drops it (a new key object appears in front of the agent) and toggles
 * the door (a locked door opens only while the agent carries the key). Each episode draws a new
 * layout from its seed. docs/worlds.md states every rule.
 */
public final class KeyDoorWorld extends BaseWorld implements GoalSeeking {
  public static final List<String> ACTIONS = List.of("LEFT", "RIGHT", "FORWARD", "PICKUP", "DROP", "TOGGLE");
  public static final List<String> DOOR_STATES = List.of("open", "closed", "locked");
  static final int[] SIZES = {5, 6, 8};
  static final int[] DX = {1, 0, -1, 0};
  static final int[] DY = {0, 1, 0, -1};

  private int size;
  private Body agent;
  private int dir;
  private boolean carrying;
  private Body key;
  private Body door;
  private String doorState;
  private int color;
  private Body goal;
  private final List<Body> walls = new ArrayList<>();
  private int nextId;

  public KeyDoorWorld() {
    super("keydoor", ACTIONS);
  }

  @Override
  public int levelCount() {
    return SIZES.length;
  }

  @Override
  protected int maxSteps() {
    return 10 * size * size;
  }

  /**
   * MiniGrid's goal reward {@code 1 - 0.9 steps / maxSteps} in hundredths, the penalty's fraction
   * dropped: {@code 100 - 90 * steps / maxSteps} in integer arithmetic. A whole number, so a law can
   * state it exactly from the episode's step index (law values are integers).
   */
  static int goalReward(int steps, int maxSteps) {
    return 100 - 90 * steps / maxSteps;
  }

  @Override
  protected void start(int level) {
    size = SIZES[level];
    int split = 2 + random.nextInt(size - 4);
    int doorY = 1 + random.nextInt(size - 2);
    color = random.nextInt(6);
    boolean[][] wall = new boolean[size][size];
    for (int i = 0; i < size; i++) {
      wall[0][i] = wall[size - 1][i] = wall[i][0] = wall[i][size - 1] = true;
      if (i > 0 && i < size - 1 && i != doorY) {
        wall[i][split] = true;
      }
    }
    int leftCells = (split - 1) * (size - 2);
    int agentCell = random.nextInt(leftCells);
    int keyCell = random.nextInt(leftCells - 1);
    if (keyCell >= agentCell) {
      keyCell++;
    }
    agent = new Body(1, "Agent", 1 + agentCell % (split - 1), 1 + agentCell / (split - 1), 1, 1);
    dir = random.nextInt(4);
    carrying = false;
    key = new Body(2, "Key", 1 + keyCell % (split - 1), 1 + keyCell / (split - 1), 1, 1);
    door = new Body(3, "Door", split, doorY, 1, 1);
    doorState = "locked";
    goal = new Body(4, "Goal", size - 2, size - 2, 1, 1);
    walls.clear();
    nextId = 5;
    for (int[] r : WallRectangles.cover(wall)) {
      walls.add(new Body(nextId++, "Wall", r[0], r[1], r[2], r[3]));
    }
  }

  @Override
  protected double advance(String action) {
    int fx = agent.x + DX[dir];
    int fy = agent.y + DY[dir];
    switch (action) {
      case "LEFT":
        dir = (dir + 3) % 4;
        return 0;
      case "RIGHT":
        dir = (dir + 1) % 4;
        return 0;
      case "FORWARD":
        if (!passable(fx, fy)) {
          return 0;
        }
        agent.x = fx;
        agent.y = fy;
        if (goal.contains(fx, fy)) {
          finish();
          return goalReward(t() + 1, maxSteps());
        }
        return 0;
      case "PICKUP":
        if (!carrying && key != null && key.contains(fx, fy)) {
          key = null;
          carrying = true;
        }
        return 0;
      case "DROP":
        if (carrying && isEmpty(fx, fy)) {
          key = new Body(nextId++, "Key", fx, fy, 1, 1);
          carrying = false;
        }
        return 0;
      case "TOGGLE":
        if (door.contains(fx, fy)) {
          if (doorState.equals("open")) {
            doorState = "closed";
          } else if (doorState.equals("closed") || carrying) {
            doorState = "open";
          }
        }
        return 0;
      default:
        throw new IllegalArgumentException(action);
    }
  }

  private boolean isWall(int x, int y) {
    for (Body w : walls) {
      if (w.contains(x, y)) {
        return true;
      }
    }
    return false;
  }

  private boolean passable(int x, int y) {
    return !isWall(x, y) && (key == null || !key.contains(x, y))
        && (!door.contains(x, y) || doorState.equals("open"));
  }

  private boolean isEmpty(int x, int y) {
    return !isWall(x, y) && !door.contains(x, y) && !goal.contains(x, y) && (key == null || !key.contains(x, y));
  }

  @Override
  public List<ObjectState> objects() {
    List<ObjectState> out = new ArrayList<>();
    Map<String, Object> agentAttributes = new LinkedHashMap<>();
    agentAttributes.put("dir", dir);
    agentAttributes.put("carrying", carrying);
    out.add(agent.state(agentAttributes));
    if (key != null) {
      out.add(key.state(Map.of("color", color)));
    }
    Map<String, Object> doorAttributes = new LinkedHashMap<>();
    doorAttributes.put("state", doorState);
    doorAttributes.put("color", color);
    out.add(door.state(doorAttributes));
    out.add(goal.state());
    walls.forEach(w -> out.add(w.state()));
    out.sort(Comparator.comparingInt(ObjectState::id));
    return out;
  }

  @Override
  public String goalAction(SplittableRandom random) {
    int tx;
    int ty;
    String interaction;
    if (doorState.equals("locked") && !carrying && key != null) {
      tx = key.x;
      ty = key.y;
      interaction = "PICKUP";
    } else if (!doorState.equals("open")) {
      tx = door.x;
      ty = door.y;
      interaction = "TOGGLE";
    } else {
      tx = goal.x;
      ty = goal.y;
      interaction = "FORWARD";
    }
    String first = firstStepToFace(tx, ty);
    if (first == null) {
      return ACTIONS.get(random.nextInt(ACTIONS.size()));
    }
    return first.isEmpty() ? interaction : first;
  }

  /** The first move of a shortest turn/forward path to facing (tx, ty): "" if already facing it, null if unreachable. */
  private String firstStepToFace(int tx, int ty) {
    int states = size * size * 4;
    int[] firstMove = new int[states];
    java.util.Arrays.fill(firstMove, -2);
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    int startState = (agent.y * size + agent.x) * 4 + dir;
    firstMove[startState] = -1;
    queue.add(startState);
    while (!queue.isEmpty()) {
      int s = queue.poll();
      int d = s % 4;
      int cell = s / 4;
      int x = cell % size;
      int y = cell / size;
      if (x + DX[d] == tx && y + DY[d] == ty) {
        return firstMove[s] < 0 ? "" : ACTIONS.get(firstMove[s]);
      }
      int[] next = {
        (cell * 4) + (d + 3) % 4,
        (cell * 4) + (d + 1) % 4,
        passable(x + DX[d], y + DY[d]) && !goal.contains(x + DX[d], y + DY[d])
            ? ((y + DY[d]) * size + x + DX[d]) * 4 + d : -1
      };
      for (int a = 0; a < 3; a++) {
        int n = next[a];
        if (n >= 0 && firstMove[n] == -2) {
          firstMove[n] = firstMove[s] < 0 ? a : firstMove[s];
          queue.add(n);
        }
      }
    }
    return null;
  }
}
