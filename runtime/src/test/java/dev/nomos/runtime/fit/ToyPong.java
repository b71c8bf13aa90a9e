package dev.nomos.runtime.fit;

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
import java.util.function.BiConsumer;

/** A tiny Pong-like world simulated in Java, with hand-written laws, for fitting tests. */
final class ToyPong {
  static final int SIZE = 20;
  static final int BALL = 0;
  static final int PLAYER = 1;
  static final int NOOP = 0;
  static final int UP = 1;
  static final int DOWN = 2;
  static final WorldSchema WORLD = new WorldSchema("ToyPong", SIZE, SIZE, -2, 2, List.of("NOOP", "UP", "DOWN"),
      List.of(new EntityType("Ball", BALL, List.of()), new EntityType("Player", PLAYER, List.of())));

  private ToyPong() {}

  /** Episodes of a ball bouncing in the box and a player moving with random actions. */
  static List<Episode> episodes(long seed, int count, int length) {
    SplittableRandom random = new SplittableRandom(seed);
    List<Episode> out = new ArrayList<>();
    for (int e = 0; e < count; e++) {
      int bx = random.nextInt(2, SIZE - 2);
      int by = random.nextInt(2, SIZE - 2);
      int vx = random.nextBoolean() ? 1 : -1;
      int vy = random.nextBoolean() ? 1 : -1;
      int py = random.nextInt(2, SIZE - 2);
      List<Frame> frames = new ArrayList<>();
      Frame previous = null;
      for (int k = 0; k < length; k++) {
        int action = random.nextInt(3);
        previous = Frame.builder(WORLD).previous(previous).action(action)
            .add(1, BALL, bx, by, 1, 1).add(2, PLAYER, 0, py, 1, 3).build();
        frames.add(previous);
        if (bx + vx < 0 || bx + vx >= SIZE) {
          vx = -vx;
        }
        if (by + vy < 0 || by + vy >= SIZE) {
          vy = -vy;
        }
        bx += vx;
        by += vy;
        py = Math.max(0, Math.min(SIZE - 3, py + (action == UP ? -1 : action == DOWN ? 1 : 0)));
      }
      int[] lines = new int[frames.size()];
      for (int k = 0; k < lines.length; k++) {
        lines[k] = k + 1;
      }
      out.add(new Episode(null, e, frames, lines));
    }
    return out;
  }

  static Law law(String name, BiConsumer<Frame, OpinionSink> body) {
    return new Law() {
      @Override public String name() { return name; }
      @Override public void apply(Frame frame, OpinionSink out) { body.accept(frame, out); }
    };
  }

  static Law forBall(String name, BallRule rule) {
    return law(name, (f, out) -> {
      for (int b : f.ofType(BALL)) {
        rule.apply(f, b, out);
      }
    });
  }

  interface BallRule {
    void apply(Frame f, int b, OpinionSink out);
  }

  static boolean exitsX(Frame f, int b) {
    int nx = f.x(b) + f.vx(b);
    return nx < 0 || nx >= SIZE;
  }

  static boolean exitsY(Frame f, int b) {
    int ny = f.y(b) + f.vy(b);
    return ny < 0 || ny >= SIZE;
  }

  /** Right, redundant and wrong laws. */
  static List<Law> laws() {
    List<Law> laws = new ArrayList<>();
    laws.add(forBall("inertia_x", (f, b, out) -> out.exact(b, Slots.X, f.x(b) + f.vx(b))));
    laws.add(forBall("inertia_y", (f, b, out) -> out.exact(b, Slots.Y, f.y(b) + f.vy(b))));
    laws.add(forBall("inertia_x_again", (f, b, out) -> out.exact(b, Slots.X, f.x(b) + f.vx(b))));
    laws.add(forBall("bounce_x", (f, b, out) -> {
      if (exitsX(f, b)) {
        out.exact(b, Slots.X, f.x(b) - f.vx(b));
      }
    }));
    laws.add(forBall("bounce_y", (f, b, out) -> {
      if (exitsY(f, b)) {
        out.exact(b, Slots.Y, f.y(b) - f.vy(b));
      }
    }));
    laws.add(law("everything_stays", (f, out) -> {
      for (int o : f.all()) {
        out.exact(o, Slots.ALIVE, 1);
      }
    }));
    laws.add(law("player_up", (f, out) -> {
      for (int p : f.ofType(PLAYER)) {
        if (f.action() == UP) {
          out.exact(p, Slots.Y, Math.max(0, f.y(p) - 1));
        }
      }
    }));
    laws.add(law("player_down", (f, out) -> {
      for (int p : f.ofType(PLAYER)) {
        if (f.action() == DOWN) {
          out.exact(p, Slots.Y, Math.min(SIZE - 3, f.y(p) + 1));
        }
      }
    }));
    laws.add(law("player_holds", (f, out) -> {
      for (int p : f.ofType(PLAYER)) {
        out.exact(p, Slots.X, f.x(p));
        if (f.action() == NOOP) {
          out.exact(p, Slots.Y, f.y(p));
        }
      }
    }));
    // Wrong laws.
    laws.add(forBall("wrong_ball_stops", (f, b, out) -> out.exact(b, Slots.X, f.x(b))));
    laws.add(forBall("wrong_ball_drifts_up", (f, b, out) -> out.range(b, Slots.Y, f.y(b) - 2, f.y(b) - 2)));
    laws.add(law("wrong_player_inverted", (f, out) -> {
      for (int p : f.ofType(PLAYER)) {
        if (f.action() == DOWN) {
          out.exact(p, Slots.Y, f.y(p) - 1);
        }
      }
    }));
    laws.add(law("wrong_ball_vanishes", (f, out) -> {
      for (int b : f.ofType(BALL)) {
        out.exact(b, Slots.ALIVE, 0);
      }
    }));
    return laws;
  }
}
