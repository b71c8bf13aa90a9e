package dev.nomos.worlds.internal;

import dev.nomos.runtime.trajectory.ObjectState;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A side-view platformer on a 160 x 210 screen. The player walks at 2 px per step, jumps with an
 * impulse of -9 from a platform top, and in the air gains 1 px per step of downward speed up to 6;
 * falling onto a platform top from above lands exactly on it (platforms are one-way: the player
 * passes through them from below and from the sides). Touching a coin collects it (the coin is
 * destroyed); touching the lava along the bottom destroys the player. Fully deterministic.
 */
public final class PlatformerWorld extends BaseWorld implements GoalSeeking {
  public static final List<String> ACTIONS = List.of("NOOP", "LEFT", "RIGHT", "JUMP", "JUMPLEFT", "JUMPRIGHT");
  static final int PLAYER_W = 8;
  static final int PLAYER_H = 12;
  static final int WALK = 2;
  static final int JUMP = -9;
  static final int MAX_FALL = 6;
  static final int COIN = 6;

  /** Levels as {player x, y}, then platforms {x, y, w, h}..., then coins {x, y}... */
  private static final int[][][] LEVELS = {
    {
      {8, 178},
      {0, 190, 64, 14}, {88, 190, 72, 14}, {16, 158, 40, 6}, {72, 128, 40, 6}, {112, 98, 40, 6},
    },
    {
      {16, 178},
      {0, 190, 48, 14}, {72, 190, 40, 14}, {136, 190, 24, 14}, {60, 155, 36, 6}, {100, 125, 40, 6},
      {30, 110, 40, 6},
    },
  };
  private static final int[][][] COINS = {
    {{40, 150}, {90, 118}, {130, 88}, {120, 182}},
    {{88, 182}, {64, 147}, {115, 117}, {45, 102}},
  };

  private Body player;
  private boolean alive;
  private int playerVy;
  private final List<Body> platforms = new ArrayList<>();
  private Body lava;
  private final List<Body> coins = new ArrayList<>();

  public PlatformerWorld() {
    super("platformer", ACTIONS);
  }

  @Override
  public int levelCount() {
    return LEVELS.length;
  }

  @Override
  protected int maxSteps() {
    return 400;
  }

  @Override
  protected void start(int level) {
    int[][] layout = LEVELS[level];
    int id = 1;
    player = new Body(id++, "Player", layout[0][0], layout[0][1], PLAYER_W, PLAYER_H);
    alive = true;
    playerVy = 0;
    platforms.clear();
    for (int i = 1; i < layout.length; i++) {
      int[] p = layout[i];
      platforms.add(new Body(id++, "Platform", p[0], p[1], p[2], p[3]));
    }
    lava = new Body(id++, "Hazard", 0, 204, 160, 6);
    coins.clear();
    for (int[] c : COINS[level]) {
      coins.add(new Body(id++, "Coin", c[0], c[1], COIN, COIN));
    }
  }

  @Override
  protected double advance(String action) {
    if (player.touches(lava)) {
      alive = false;
      finish();
      return -1;
    }
    double reward = 0;
    for (int i = coins.size() - 1; i >= 0; i--) {
      if (player.touches(coins.get(i))) {
        coins.remove(i);
        reward += 1;
      }
    }
    int vx = action.endsWith("LEFT") ? -WALK : action.endsWith("RIGHT") ? WALK : 0;
    boolean jump = action.startsWith("JUMP");
    int vy = standing() ? (jump ? JUMP : 0) : Math.min(playerVy + 1, MAX_FALL);
    int ny = player.y + vy;
    if (vy > 0) {
      // Land on the highest platform top that this step's fall crosses (x as at t).
      for (Body q : platforms) {
        if (player.overlapsX(q) && player.bottom() <= q.y && player.bottom() + vy >= q.y) {
          ny = Math.min(ny, q.y - player.h);
        }
      }
    }
    playerVy = ny - player.y;
    player.y = ny;
    player.x = clamp(player.x + vx, 0, 160 - PLAYER_W);
    if (coins.isEmpty()) {
      reward += 5;
      finish();
    }
    return reward;
  }

  private boolean standing() {
    for (Body q : platforms) {
      if (player.bottom() == q.y && player.overlapsX(q)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public List<ObjectState> objects() {
    List<ObjectState> out = new ArrayList<>();
    if (alive) {
      out.add(player.state());
    }
    platforms.forEach(p -> out.add(p.state()));
    out.add(lava.state());
    coins.forEach(c -> out.add(c.state()));
    return out;
  }

  @Override
  public String goalAction(SplittableRandom random) {
    Body target = null;
    for (Body c : coins) {
      if (target == null || distance(c) < distance(target)) {
        target = c;
      }
    }
    if (target == null) {
      return "NOOP";
    }
    int dx = (target.x + COIN / 2) - (player.x + PLAYER_W / 2);
    String walk = dx < -1 ? "LEFT" : dx > 1 ? "RIGHT" : "NOOP";
    if (!standing()) {
      return walk;
    }
    boolean coinAbove = target.bottom() < player.y;
    boolean coinBelow = target.y > player.bottom();
    int ahead = player.x + (dx < 0 ? -4 : PLAYER_W + 4);
    boolean edgeAhead = !walk.equals("NOOP") && !supportAt(ahead);
    if ((coinAbove && Math.abs(dx) < 48) || (edgeAhead && !coinBelow)) {
      return walk.equals("NOOP") ? "JUMP" : "JUMP" + walk;
    }
    return walk;
  }

  private int distance(Body coin) {
    return Math.abs(coin.x - player.x) + Math.abs(coin.y - player.y);
  }

  private boolean supportAt(int x) {
    for (Body q : platforms) {
      if (q.y == player.bottom() && x >= q.x && x < q.right()) {
        return true;
      }
    }
    return false;
  }
}
