package dev.nomos.worlds.internal;

import dev.nomos.runtime.trajectory.ObjectState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A road-crossing game on a 10 x 9 grid of 1 x 1 cells: the player walks from the bottom row to the
 * top row across five lanes of cars and a two-row verge where an animal wanders at random. Each lane
 * has a direction and a period k: its cars move one cell on the steps t with t % k == 0, a phase no
 * frame shows. New cars appear at a lane's entry at random and leave at its exit. Being run over or
 * bitten sends the player back to the start. docs/worlds.md states every rule.
 */
public final class CrossingWorld extends BaseWorld implements GoalSeeking {
  public static final List<String> ACTIONS = List.of("NOOP", "UP", "DOWN", "LEFT", "RIGHT");

  static final int WIDTH = 10;
  static final int HEIGHT = 9;
  static final int START_X = 5;
  static final int START_Y = HEIGHT - 1;
  static final int VERGE_TOP = 4;
  static final int VERGE_BOTTOM = 5;
  /** The chance that a new car appears at a lane's free entry in one step. */
  static final double CREATION_PROBABILITY = 0.2;
  /** The chance that a cell holds a car at the start of an episode (next to no other car). */
  static final double INITIAL_DENSITY = 0.3;
  static final int MAX_STEPS = 200;
  /** The animal's random step: stay, left, right, up, down, each equally likely. */
  static final int[][] ANIMAL_STEPS = {{0, 0}, {-1, 0}, {1, 0}, {0, -1}, {0, 1}};

  /** A lane: its row, the direction its cars drive (+1 right, -1 left) and its period in steps. */
  record Lane(int row, int dir, int period) {
    int entry() {
      return dir > 0 ? 0 : WIDTH - 1;
    }

    int exit() {
      return dir > 0 ? WIDTH - 1 : 0;
    }

    boolean movesAt(int t) {
      return t % period == 0;
    }
  }

  static final List<Lane> LANES = List.of(
      new Lane(1, -1, 1),
      new Lane(2, 1, 3),
      new Lane(3, -1, 2),
      new Lane(6, 1, 2),
      new Lane(7, -1, 3));

  private Body player;
  private Body animal;
  private final List<Body> cars = new ArrayList<>();
  private int nextId;

  public CrossingWorld() {
    super("crossing", ACTIONS);
  }

  @Override
  public int levelCount() {
    return 1;
  }

  @Override
  protected int maxSteps() {
    return MAX_STEPS;
  }

  @Override
  protected void start(int level) {
    player = new Body(1, "Player", START_X, START_Y, 1, 1);
    int cell = random.nextInt(WIDTH * (VERGE_BOTTOM - VERGE_TOP + 1));
    animal = new Body(2, "Animal", cell % WIDTH, VERGE_TOP + cell / WIDTH, 1, 1);
    cars.clear();
    nextId = 3;
    for (Lane lane : LANES) {
      boolean previous = false;
      for (int x = 0; x < WIDTH; x++) {
        previous = !previous && random.nextDouble() < INITIAL_DENSITY;
        if (previous) {
          cars.add(new Body(nextId++, "Car", x, lane.row(), 1, 1));
        }
      }
    }
  }

  @Override
  protected double advance(String action) {
    // Every decision reads the state at t; only then does anything move.
    int t = t();
    boolean hit = dangerAt(player.x, player.y);
    boolean arrived = player.y == 0;
    List<Lane> creating = new ArrayList<>();
    for (Lane lane : LANES) {
      if (entryFree(lane) && random.nextDouble() < CREATION_PROBABILITY) {
        creating.add(lane);
      }
    }
    int[] animalStep = ANIMAL_STEPS[random.nextInt(ANIMAL_STEPS.length)];

    double reward = 0;
    if (hit || arrived) {
      player.x = START_X;
      player.y = START_Y;
      reward = hit ? -1 : 1;
    } else {
      player.x = clamp(player.x + dx(action), 0, WIDTH - 1);
      player.y = clamp(player.y + dy(action), 0, HEIGHT - 1);
    }
    List<Body> leaving = new ArrayList<>();
    for (Body car : cars) {
      Lane lane = laneOf(car);
      if (lane.movesAt(t)) {
        if (car.x == lane.exit()) {
          leaving.add(car);
        } else {
          car.x += lane.dir();
        }
      }
    }
    cars.removeAll(leaving);
    for (Lane lane : creating) {
      cars.add(new Body(nextId++, "Car", lane.entry(), lane.row(), 1, 1));
    }
    int ax = animal.x + animalStep[0];
    int ay = animal.y + animalStep[1];
    if (ax >= 0 && ax < WIDTH && ay >= VERGE_TOP && ay <= VERGE_BOTTOM) {
      animal.x = ax;
      animal.y = ay;
    }
    return reward;
  }

  /** A new car may appear only while the lane's entry cell and the cell after it are free. */
  private boolean entryFree(Lane lane) {
    for (Body car : cars) {
      if (car.y == lane.row() && (car.x == lane.entry() || car.x == lane.entry() + lane.dir())) {
        return false;
      }
    }
    return true;
  }

  private boolean dangerAt(int x, int y) {
    if (animal.contains(x, y)) {
      return true;
    }
    for (Body car : cars) {
      if (car.contains(x, y)) {
        return true;
      }
    }
    return false;
  }

  private static Lane laneOf(Body car) {
    for (Lane lane : LANES) {
      if (lane.row() == car.y) {
        return lane;
      }
    }
    throw new IllegalStateException("a car off the road at row " + car.y);
  }

  static int dx(String action) {
    return action.equals("LEFT") ? -1 : action.equals("RIGHT") ? 1 : 0;
  }

  static int dy(String action) {
    return action.equals("UP") ? -1 : action.equals("DOWN") ? 1 : 0;
  }

  @Override
  public List<ObjectState> objects() {
    List<ObjectState> out = new ArrayList<>();
    out.add(player.state());
    out.add(animal.state());
    cars.forEach(c -> out.add(c.state()));
    out.sort(Comparator.comparingInt(ObjectState::id));
    return out;
  }

  /**
   * Steps up when the cell it leads to is safe at the next step, else waits, sidesteps or backs off
   * to a safe cell: safe means no car will be there (a car may also appear at a free entry) and the
   * animal cannot reach it.
   */
  @Override
  public String goalAction(SplittableRandom random) {
    if (player.y == 0 || dangerAt(player.x, player.y)) {
      return "UP";
    }
    List<String> order = new ArrayList<>(List.of("UP", "NOOP"));
    boolean leftFirst = random.nextBoolean();
    order.add(leftFirst ? "LEFT" : "RIGHT");
    order.add(leftFirst ? "RIGHT" : "LEFT");
    order.add("DOWN");
    for (String a : order) {
      int x = clamp(player.x + dx(a), 0, WIDTH - 1);
      int y = clamp(player.y + dy(a), 0, HEIGHT - 1);
      if (safeNext(x, y)) {
        return a;
      }
    }
    return "NOOP";
  }

  private boolean safeNext(int x, int y) {
    if (Math.abs(animal.x - x) + Math.abs(animal.y - y) <= 1) {
      return false;
    }
    for (Lane lane : LANES) {
      if (lane.row() != y) {
        continue;
      }
      if (x == lane.entry() && entryFree(lane)) {
        return false;
      }
      int shift = lane.movesAt(t()) ? lane.dir() : 0;
      for (Body car : cars) {
        if (car.y == y && car.x + shift == x) {
          return false;
        }
      }
    }
    return true;
  }
}
