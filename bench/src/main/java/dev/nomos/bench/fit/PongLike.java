package dev.nomos.bench.fit;

import dev.nomos.runtime.EntityType;
import dev.nomos.runtime.Frame;
import dev.nomos.runtime.Law;
import dev.nomos.runtime.OpinionSink;
import dev.nomos.runtime.Slots;
import dev.nomos.runtime.WorldSchema;
import dev.nomos.runtime.trajectory.Episode;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A Pong-sized world for benchmarks: a 160 x 210 screen, velocities -30..30, six actions, a player,
 * an enemy, a ball and two walls, simulated in Java; and a generator of many plausible laws (right,
 * redundant and wrong variants of what learned Pong models contain).
 */
public final class PongLike {
  public static final int PLAYER = 0;
  public static final int ENEMY = 1;
  public static final int BALL = 2;
  public static final int WALL = 3;
  static final int WIDTH = 160;
  static final int HEIGHT = 210;
  public static final WorldSchema WORLD = new WorldSchema("PongLike", WIDTH, HEIGHT, -30, 30,
      List.of("NOOP", "FIRE", "UP", "DOWN", "UPFIRE", "DOWNFIRE"),
      List.of(new EntityType("Player", PLAYER, List.of()), new EntityType("Enemy", ENEMY, List.of()),
          new EntityType("Ball", BALL, List.of()), new EntityType("Wall", WALL, List.of())));

  private PongLike() {}

  /** {@code count} episodes of {@code length} frames with random actions. */
  public static List<Episode> episodes(long seed, int count, int length) {
    SplittableRandom random = new SplittableRandom(seed);
    List<Episode> out = new ArrayList<>();
    for (int e = 0; e < count; e++) {
      int bx = 80;
      int by = 100;
      int vx = random.nextBoolean() ? 2 : -2;
      int vy = random.nextInt(-3, 4);
      int py = 100;
      int ey = 100;
      List<Frame> frames = new ArrayList<>();
      Frame previous = null;
      for (int k = 0; k < length; k++) {
        int action = random.nextInt(6);
        previous = Frame.builder(WORLD).previous(previous).action(action)
            .add(1, PLAYER, 140, py, 4, 16).add(2, ENEMY, 16, ey, 4, 16).add(3, BALL, bx, by, 2, 4)
            .add(4, WALL, 0, 24, 160, 10).add(5, WALL, 0, 194, 160, 16).build();
        frames.add(previous);
        if (by + vy < 34 || by + vy > 190) {
          vy = -vy;
        }
        if ((bx + vx >= 136 && Math.abs(by - py) < 16) || (bx + vx <= 20 && Math.abs(by - ey) < 16)) {
          vx = -vx;
        }
        bx += vx;
        by += vy;
        if (bx < 0 || bx > WIDTH) {
          bx = 80;
          by = 100;
        }
        int up = action == 2 || action == 4 ? -4 : action == 3 || action == 5 ? 4 : 0;
        py = Math.max(34, Math.min(178, py + up));
        ey = Math.max(34, Math.min(178, ey + Integer.signum(by - ey) * 3));
      }
      int[] lines = new int[frames.size()];
      for (int k = 0; k < lines.length; k++) {
        lines[k] = k + 1;
      }
      out.add(new Episode(null, e, frames, lines));
    }
    return out;
  }

  /** {@code count} laws: variations of inertia, bounces, action moves, following and presence. */
  public static List<Law> laws(int count) {
    List<Law> laws = new ArrayList<>();
    int k = 0;
    while (laws.size() < count) {
      int variant = k % 8;
      int offset = (k / 8) % 11 - 5;
      int n = k;
      switch (variant) {
        case 0 -> laws.add(law("ball_x_" + n, (f, out) -> {
          for (int b : f.ofType(BALL)) {
            out.exact(b, Slots.X, f.x(b) + f.vx(b) + offset);
          }
        }));
        case 1 -> laws.add(law("ball_y_" + n, (f, out) -> {
          for (int b : f.ofType(BALL)) {
            if (f.vy(b) * (offset + 0.5) >= 0) {
              out.exact(b, Slots.Y, f.y(b) + f.vy(b) + offset);
            }
          }
        }));
        case 2 -> laws.add(law("ball_bounce_" + n, (f, out) -> {
          for (int b : f.ofType(BALL)) {
            for (int w : f.ofType(WALL)) {
              if (Math.abs(f.y(b) - f.y(w)) < 20 + offset) {
                out.exact(b, Slots.Y, f.y(b) - f.vy(b));
              }
            }
          }
        }));
        case 3 -> laws.add(law("player_action_" + n, (f, out) -> {
          int a = Math.floorMod(offset, 6);
          if (f.action() == a) {
            for (int p : f.ofType(PLAYER)) {
              out.beginChoice(p, Slots.Y);
              out.choice(f.y(p) - 4, 1 + Math.abs(offset));
              out.choice(f.y(p) + 4, 1);
              out.choice(f.y(p), 2);
              out.endChoice();
            }
          }
        }));
        case 4 -> laws.add(law("enemy_follows_" + n, (f, out) -> {
          for (int e : f.ofType(ENEMY)) {
            for (int b : f.ofType(BALL)) {
              out.exact(e, Slots.Y, f.y(e) + Integer.signum(f.y(b) - f.y(e)) * (3 + offset % 3));
            }
          }
        }));
        case 5 -> laws.add(law("stays_" + n, (f, out) -> {
          for (int o : f.all()) {
            if (f.type(o) != BALL || offset > 0) {
              out.exact(o, Slots.X, f.x(o));
              out.exact(o, Slots.ALIVE, 1);
            }
          }
        }));
        case 6 -> laws.add(law("ball_range_" + n, (f, out) -> {
          for (int b : f.ofType(BALL)) {
            out.range(b, Slots.X, f.x(b) + f.vx(b) - Math.abs(offset), f.x(b) + f.vx(b) + Math.abs(offset));
          }
        }));
        default -> laws.add(law("walls_hold_" + n, (f, out) -> {
          for (int w : f.ofType(WALL)) {
            out.exact(w, Slots.Y, f.y(w) + offset);
          }
        }));
      }
      k++;
    }
    return laws;
  }

  interface Body {
    void apply(Frame f, OpinionSink out);
  }

  static Law law(String name, Body body) {
    return new Law() {
      @Override public String name() { return name; }
      @Override public void apply(Frame frame, OpinionSink out) { body.apply(frame, out); }
    };
  }
}
