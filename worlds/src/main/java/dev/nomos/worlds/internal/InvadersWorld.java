package dev.nomos.worlds.internal;

import dev.nomos.runtime.trajectory.ObjectState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A marching-invaders game on a 12 x 12 grid of 1 x 1 cells: a formation of twelve invaders marches
 * one cell sideways on every fourth step (a phase no frame shows), and steps down and turns around
 * where it would leave the screen; at random, one invader at the front of its column drops a bomb.
 * The player's cannon moves along the bottom row and fires one missile at a time; a missile destroys
 * the invaders and bombs it meets, a bomb destroys the cannon. docs/worlds.md states every rule.
 */
public final class InvadersWorld extends BaseWorld implements GoalSeeking {
  public static final List<String> ACTIONS = List.of("NOOP", "LEFT", "RIGHT", "FIRE");

  static final int WIDTH = 12;
  static final int HEIGHT = 12;
  static final int COLUMNS = 4;
  static final int ROWS = 3;
  /** The formation marches on the steps t with t % MARCH_PERIOD == 0. */
  static final int MARCH_PERIOD = 4;
  /** The chance that some front invader drops a bomb in one step. */
  static final double BOMB_PROBABILITY = 0.3;
  static final int CANNON_Y = HEIGHT - 1;
  static final int CANNON_START_X = 5;
  /** The invaders have landed when one reaches this row (the row above the cannon's). */
  static final int LANDING_Y = HEIGHT - 2;
  static final int MAX_STEPS = 300;

  private Body cannon;
  private Body missile;
  private final List<Body> invaders = new ArrayList<>();
  private final List<Body> bombs = new ArrayList<>();
  /** The formation's direction: +1 right, -1 left. */
  private int direction;
  private int nextId;

  public InvadersWorld() {
    super("invaders", ACTIONS);
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
    cannon = new Body(1, "Cannon", CANNON_START_X, CANNON_Y, 1, 1);
    missile = null;
    invaders.clear();
    bombs.clear();
    nextId = 2;
    for (int row = 0; row < ROWS; row++) {
      for (int col = 0; col < COLUMNS; col++) {
        invaders.add(new Body(nextId++, "Invader", 1 + 2 * col, 1 + row, 1, 1));
      }
    }
    direction = 1;
  }

  @Override
  protected double advance(String action) {
    // Every decision reads the state at t; only then does anything move.
    int t = t();
    List<Body> hitInvaders = new ArrayList<>();
    List<Body> hitBombs = new ArrayList<>();
    boolean missileGone = false;
    if (missile != null) {
      for (Body e : invaders) {
        if (e.overlaps(missile)) {
          hitInvaders.add(e);
        }
      }
      for (Body b : bombs) {
        if (b.overlaps(missile)) {
          hitBombs.add(b);
        }
      }
      missileGone = !hitInvaders.isEmpty() || !hitBombs.isEmpty() || missile.y == 0;
    }
    boolean cannonHit = false;
    List<Body> fallenBombs = new ArrayList<>();
    for (Body b : bombs) {
      if (b.overlaps(cannon)) {
        cannonHit = true;
        hitBombs.add(b);
      } else if (b.y == HEIGHT - 1) {
        fallenBombs.add(b);
      }
    }
    boolean fires = action.equals("FIRE") && missile == null;
    int[] bomb = null;
    List<Body> front = frontInvaders();
    if (!front.isEmpty() && random.nextDouble() < BOMB_PROBABILITY) {
      Body bomber = front.get(random.nextInt(front.size()));
      bomb = new int[] {bomber.x, bomber.y + 1};
    }
    boolean marches = t % MARCH_PERIOD == 0;
    boolean stepsDown = marches && atEdge();

    double reward = hitInvaders.size() - (cannonHit ? 1 : 0);
    int cannonX = cannon.x;
    if (!cannonHit) {
      cannon.x = clamp(cannon.x + (action.equals("LEFT") ? -1 : action.equals("RIGHT") ? 1 : 0), 0, WIDTH - 1);
    }
    if (missile != null) {
      missile.y--;
    }
    for (Body b : bombs) {
      b.y++;
    }
    if (marches) {
      for (Body e : invaders) {
        if (stepsDown) {
          e.y++;
        } else {
          e.x += direction;
        }
      }
      if (stepsDown) {
        direction = -direction;
      }
    }
    invaders.removeAll(hitInvaders);
    bombs.removeAll(hitBombs);
    bombs.removeAll(fallenBombs);
    if (missileGone) {
      missile = null;
    }
    if (fires) {
      missile = new Body(nextId++, "Missile", cannonX, CANNON_Y - 1, 1, 1);
    }
    if (bomb != null) {
      bombs.add(new Body(nextId++, "Bomb", bomb[0], bomb[1], 1, 1));
    }
    if (cannonHit) {
      cannon = null;
      finish();
    } else if (invaders.isEmpty() || invaders.stream().anyMatch(e -> e.y >= LANDING_Y)) {
      finish();
    }
    return reward;
  }

  /** The lowest invader of each column, in column order. */
  private List<Body> frontInvaders() {
    List<Body> front = new ArrayList<>();
    for (Body e : invaders) {
      boolean lowest = invaders.stream().noneMatch(o -> o.x == e.x && o.y > e.y);
      if (lowest) {
        front.add(e);
      }
    }
    front.sort(Comparator.comparingInt((Body e) -> e.x));
    return front;
  }

  /** Whether marching one more cell in the current direction would take an invader off the screen. */
  private boolean atEdge() {
    for (Body e : invaders) {
      int x = e.x + direction;
      if (x < 0 || x > WIDTH - 1) {
        return true;
      }
    }
    return false;
  }

  @Override
  public List<ObjectState> objects() {
    List<ObjectState> out = new ArrayList<>();
    if (cannon != null) {
      out.add(cannon.state());
    }
    if (missile != null) {
      out.add(missile.state());
    }
    invaders.forEach(e -> out.add(e.state()));
    bombs.forEach(b -> out.add(b.state()));
    out.sort(Comparator.comparingInt(ObjectState::id));
    return out;
  }

  /**
   * Sidesteps a bomb falling in the cannon's column within three rows; otherwise fires when an
   * invader is in its column and no missile is flying, else moves towards the nearest column that
   * holds an invader.
   */
  @Override
  public String goalAction(SplittableRandom random) {
    if (cannon == null) {
      return "NOOP";
    }
    if (threatened(cannon.x)) {
      boolean left = cannon.x > 0 && !threatened(cannon.x - 1);
      boolean right = cannon.x < WIDTH - 1 && !threatened(cannon.x + 1);
      if (left && right) {
        return random.nextBoolean() ? "LEFT" : "RIGHT";
      }
      return left ? "LEFT" : right ? "RIGHT" : "NOOP";
    }
    Body target = null;
    for (Body e : frontInvaders()) {
      if (target == null || Math.abs(e.x - cannon.x) < Math.abs(target.x - cannon.x)) {
        target = e;
      }
    }
    if (target == null) {
      return "NOOP";
    }
    if (target.x == cannon.x) {
      return missile == null ? "FIRE" : "NOOP";
    }
    String toward = target.x < cannon.x ? "LEFT" : "RIGHT";
    return threatened(cannon.x + (toward.equals("LEFT") ? -1 : 1)) ? "NOOP" : toward;
  }

  private boolean threatened(int x) {
    return bombs.stream().anyMatch(b -> b.x == x && b.y >= CANNON_Y - 3);
  }
}
