package dev.nomos.learn;

import dev.nomos.runtime.AttributeSpec;
import dev.nomos.runtime.EntityType;
import dev.nomos.runtime.Frame;
import dev.nomos.runtime.WorldSchema;
import dev.nomos.runtime.trajectory.Episode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A grid world for the proposer's shapes of real games, one episode per shape: a bug that takes
 * random steps, marchers that move only on every third tick, eggs that hatch into chicks where a
 * hen touches them, spikes that kill bugs, and a runner sent back to the start marker from a trap.
 */
public final class ShapesWorld {
  public static final WorldSchema SCHEMA = new WorldSchema("Shapes", 40, 40, -1, 1, List.of("WAIT"),
      List.of(new EntityType("Bug", 0, List.of()), new EntityType("Marcher", 1, List.of()),
          new EntityType("Wall", 2, List.of()), new EntityType("Egg", 3, List.of()),
          new EntityType("Chick", 4, List.of()), new EntityType("Hen", 5, List.of()),
          new EntityType("Spike", 6, List.of()), new EntityType("Runner", 7, List.of()),
          new EntityType("Start", 8, List.of()), new EntityType("Trap", 9, List.of()),
          new EntityType("Invader", 10, List.of(AttributeSpec.ofSymbols("dir", List.of("LEFT", "RIGHT"))))),
      0);
  static final int BUG = 0, MARCHER = 1, WALL = 2, EGG = 3, CHICK = 4, HEN = 5, SPIKE = 6, RUNNER = 7, START = 8,
      TRAP = 9, INVADER = 10;

  private ShapesWorld() {}

  /** One object: id, type, x, y (1x1), and its extra attributes' values. */
  private record Obj(int id, int type, int x, int y, int... extras) {}

  private static Episode episode(String name, List<List<Obj>> states) {
    List<Frame> frames = new ArrayList<>();
    Frame previous = null;
    for (List<Obj> state : states) {
      Frame.Builder b = Frame.builder(SCHEMA);
      for (Obj o : state) {
        int[] slots = new int[4 + o.extras.length];
        slots[0] = o.x;
        slots[1] = o.y;
        slots[2] = 1;
        slots[3] = 1;
        System.arraycopy(o.extras, 0, slots, 4, o.extras.length);
        b.add(o.id, o.type, slots);
      }
      Frame f = b.action(0).previous(previous).build();
      frames.add(f);
      previous = f;
    }
    return new Episode(Path.of(name + ".jsonl"), 0, frames, new int[frames.size()]);
  }

  /**
   * Three hens standing still lay eggs at random: each lays one in the cell below it with
   * probability 0.15 per step; an egg is gone (collected) the step after it appears.
   */
  public static Episode randomLaying(long seed, int steps) {
    Random random = new Random(seed);
    List<List<Obj>> states = new ArrayList<>();
    List<Obj> eggs = new ArrayList<>();
    int nextId = 100;
    for (int t = 0; t <= steps; t++) {
      List<Obj> s = new ArrayList<>();
      for (int h = 0; h < 3; h++) {
        s.add(new Obj(1 + h, HEN, 5 + 10 * h, 5));
      }
      s.addAll(eggs);
      states.add(s);
      eggs = new ArrayList<>();
      for (int h = 0; h < 3; h++) {
        if (random.nextDouble() < 0.15) {
          eggs.add(new Obj(nextId++, EGG, 5 + 10 * h, 6));
        }
      }
    }
    return episode("laying", states);
  }

  /**
   * A bug on a row between two walls (at x 2 and 8), which each step moves left or right or stays,
   * at random (a quarter each way); next to a wall it cannot step into it.
   */
  public static Episode randomWalk(long seed, int steps) {
    Random random = new Random(seed);
    List<List<Obj>> states = new ArrayList<>();
    int x = 5;
    for (int t = 0; t <= steps; t++) {
      states.add(List.of(new Obj(1, BUG, x, 10), new Obj(2, WALL, 2, 10), new Obj(3, WALL, 8, 10)));
      double r = random.nextDouble();
      int step = r < 0.25 ? -1 : r < 0.5 ? 1 : 0;
      if (x + step > 2 && x + step < 8) {
        x += step;
      }
    }
    return episode("walk", states);
  }

  /**
   * A bug in open space that each step stays or takes one step in one of the four directions, a
   * fifth each: never diagonally.
   */
  public static Episode randomGridWalk(long seed, int steps) {
    Random random = new Random(seed);
    List<List<Obj>> states = new ArrayList<>();
    int x = 20;
    int y = 20;
    for (int t = 0; t <= steps; t++) {
      states.add(List.of(new Obj(1, BUG, x, y)));
      int move = random.nextInt(5);
      int nx = x + (move == 1 ? 1 : move == 2 ? -1 : 0);
      int ny = y + (move == 3 ? 1 : move == 4 ? -1 : 0);
      if (nx > 0 && nx < 39 && ny > 0 && ny < 39) {
        x = nx;
        y = ny;
      }
    }
    return episode("grid-walk", states);
  }

  /**
   * A bug in a small room walled by 1x1 walls (cells 0 and 6 of each row and column) that tries one
   * of four steps or rests, uniformly; a step into a wall leaves it where it is.
   */
  public static Episode walledGridWalk(long seed, int steps) {
    Random random = new Random(seed);
    List<Obj> walls = new ArrayList<>();
    int id = 100;
    for (int k = 0; k <= 6; k++) {
      walls.add(new Obj(id++, WALL, k, 0));
      walls.add(new Obj(id++, WALL, k, 6));
      if (k > 0 && k < 6) {
        walls.add(new Obj(id++, WALL, 0, k));
        walls.add(new Obj(id++, WALL, 6, k));
      }
    }
    List<List<Obj>> states = new ArrayList<>();
    int x = 3;
    int y = 3;
    for (int t = 0; t <= steps; t++) {
      List<Obj> s = new ArrayList<>(walls);
      s.add(new Obj(1, BUG, x, y));
      states.add(s);
      int move = random.nextInt(5);
      int nx = x + (move == 1 ? 1 : move == 2 ? -1 : 0);
      int ny = y + (move == 3 ? 1 : move == 4 ? -1 : 0);
      if (nx > 0 && nx < 6 && ny > 0 && ny < 6) {
        x = nx;
        y = ny;
      }
    }
    return episode("walled-walk", states);
  }

  /**
   * Two invaders, each on its own row, walk one cell a step toward where they face; where the next
   * step would leave the screen (40 wide) they step down a row instead and turn around.
   */
  public static Episode edgeWalkers(int steps) {
    List<List<Obj>> states = new ArrayList<>();
    int[][] invaders = {{1, 3, 1, 1}, {2, 20, 20, 0}};
    for (int t = 0; t <= steps; t++) {
      List<Obj> s = new ArrayList<>();
      for (int[] v : invaders) {
        s.add(new Obj(v[0], INVADER, v[1], v[2], v[3]));
      }
      states.add(s);
      for (int[] v : invaders) {
        int next = v[1] + (v[3] == 1 ? 1 : -1);
        if (next < 0 || next + 1 > 40) {
          v[2] = (v[2] + 1) % 40;
          v[3] = 1 - v[3];
        } else {
          v[1] = next;
        }
      }
    }
    return episode("edge", states);
  }

  /**
   * A hen fires one chick at a time: whenever no chick is out, a new one appears to its right; a
   * chick runs right one cell a step and is gone past x 10.
   */
  public static Episode oneAtATime(int steps) {
    List<List<Obj>> states = new ArrayList<>();
    int chick = -1;
    int id = 100;
    for (int t = 0; t <= steps; t++) {
      List<Obj> s = new ArrayList<>();
      s.add(new Obj(1, HEN, 2, 3));
      if (chick >= 0) {
        s.add(new Obj(id, CHICK, chick, 3));
      }
      states.add(s);
      if (chick < 0) {
        chick = 3;
        id++;
      } else {
        chick = chick + 1 > 10 ? -1 : chick + 1;
      }
    }
    return episode("one-at-a-time", states);
  }

  /**
   * Shots: a runner launched from the bottom every fifth step flies up two cells per step; an egg
   * two cells above a flying runner is hit on its next step, and both are gone at t+1, though they
   * never touched (the step jumps the gap). A hit egg is replaced at its place a step later.
   */
  public static Episode shots(int steps) {
    List<List<Obj>> states = new ArrayList<>();
    int[] eggY = {12, 20, 8, 26, 16, 30, 10};
    boolean[] eggUp = new boolean[eggY.length];
    java.util.Arrays.fill(eggUp, true);
    int[] eggId = new int[eggY.length];
    for (int k = 0; k < eggId.length; k++) {
      eggId[k] = 10 + 1000 * k;
    }
    List<int[]> runners = new ArrayList<>();
    int id = 100;
    for (int t = 0; t <= steps; t++) {
      List<Obj> s = new ArrayList<>();
      for (int k = 0; k < eggY.length; k++) {
        if (eggUp[k]) {
          s.add(new Obj(eggId[k], EGG, 2 + 5 * k, eggY[k]));
        }
      }
      for (int[] r : runners) {
        s.add(new Obj(r[0], RUNNER, r[1], r[2]));
      }
      states.add(s);
      java.util.Arrays.fill(eggUp, true);
      List<int[]> next = new ArrayList<>();
      for (int[] r : runners) {
        int lane = (r[1] - 2) / 5;
        boolean moving = r[3] > 0;
        if (moving && r[2] - 2 == eggY[lane]) {
          eggUp[lane] = false;
          eggId[lane]++;
          continue;
        }
        if (r[2] - 2 >= 0) {
          next.add(new int[] {r[0], r[1], r[2] - 2, 1});
        }
      }
      if (t % 5 == 0) {
        next.add(new int[] {id++, 2 + 5 * (t / 5 % eggY.length), 38, 0});
      }
      runners = next;
    }
    return episode("shots", states);
  }

  /** Three marchers that step right together on every third tick of a clock no frame shows. */
  public static Episode march(int steps) {
    List<List<Obj>> states = new ArrayList<>();
    int x = 0;
    for (int t = 0; t <= steps; t++) {
      states.add(List.of(new Obj(1, MARCHER, x, 2), new Obj(2, MARCHER, x + 3, 5), new Obj(3, MARCHER, x + 6, 8)));
      if (t % 3 == 1) {
        x++;
      }
    }
    return episode("march", states);
  }

  /**
   * Three marchers that each step right on every third tick, each on its own phase (ticks 0, 1 and 2
   * modulo 3): no clock lines up their moves, only each one's history shows its phase.
   */
  public static Episode staggeredMarch(int steps) {
    List<List<Obj>> states = new ArrayList<>();
    int[] x = new int[3];
    for (int t = 0; t <= steps; t++) {
      states.add(List.of(new Obj(1, MARCHER, x[0], 2), new Obj(2, MARCHER, x[1], 5), new Obj(3, MARCHER, x[2], 8)));
      x[t % 3]++;
    }
    return episode("staggered", states);
  }

  /**
   * Marchers arrive one every four ticks, each on its own row, and step right on every third step of
   * their own age (ages 1, 4, 7, ...): their moves line up with their age, not with the tick.
   */
  public static Episode arrivingMarchers(int steps) {
    List<List<Obj>> states = new ArrayList<>();
    List<int[]> marchers = new ArrayList<>();
    for (int t = 0; t <= steps; t++) {
      if (t % 4 == 0 && marchers.size() < 8) {
        marchers.add(new int[] {marchers.size() + 1, 0, 0});
      }
      List<Obj> s = new ArrayList<>();
      for (int[] m : marchers) {
        s.add(new Obj(m[0], MARCHER, m[1], 2 + 4 * (m[0] - 1)));
      }
      states.add(s);
      for (int[] m : marchers) {
        if (m[2] % 3 == 1) {
          m[1]++;
        }
        m[2]++;
      }
    }
    return episode("arriving", states);
  }

  /**
   * A hen standing still releases a chick into the cell to its right on every eighth tick; chicks
   * walk right one cell per step.
   */
  public static Episode periodicRelease(int steps) {
    List<List<Obj>> states = new ArrayList<>();
    List<int[]> chicks = new ArrayList<>();
    for (int t = 0; t <= steps; t++) {
      List<Obj> s = new ArrayList<>();
      s.add(new Obj(1, HEN, 2, 3));
      for (int[] c : chicks) {
        s.add(new Obj(c[0], CHICK, c[1], 3));
      }
      states.add(s);
      for (int[] c : chicks) {
        c[1]++;
      }
      chicks.removeIf(c -> c[1] >= 39);
      if (t % 8 == 3) {
        chicks.add(new int[] {100 + t, 3});
      }
    }
    return episode("release", states);
  }

  /** A hen standing still lays an egg below it every five ticks; each egg lasts three steps and is gone. */
  public static Episode shortLivedEggs(int steps) {
    List<List<Obj>> states = new ArrayList<>();
    List<int[]> eggs = new ArrayList<>();
    for (int t = 0; t <= steps; t++) {
      List<Obj> s = new ArrayList<>();
      s.add(new Obj(1, HEN, 5, 5));
      for (int[] e : eggs) {
        s.add(new Obj(e[0], EGG, 5, 6));
      }
      states.add(s);
      for (int[] e : eggs) {
        e[1]++;
      }
      eggs.removeIf(e -> e[1] > 3);
      if (t % 5 == 0) {
        eggs.add(new int[] {100 + t, 0});
      }
    }
    return episode("eggs", states);
  }

  /**
   * A marcher that steps right on every third tick and, as it steps, lays an egg under the cell it
   * leaves: a periodic creation whose phase only the marcher's history shows.
   */
  public static Episode layingMarch(int steps) {
    List<List<Obj>> states = new ArrayList<>();
    List<Obj> eggs = new ArrayList<>();
    int x = 0;
    for (int t = 0; t <= steps; t++) {
      List<Obj> s = new ArrayList<>(eggs);
      s.add(0, new Obj(1, MARCHER, x, 2));
      states.add(s);
      if (t % 3 == 1) {
        eggs.add(new Obj(10 + eggs.size(), EGG, x, 3));
        x++;
      }
    }
    return episode("laying", states);
  }

  /** A hen walks right along a row of eggs; each egg it touches hatches: gone, a chick in its place. */
  public static Episode hatch() {
    List<List<Obj>> states = new ArrayList<>();
    for (int hen = 0; hen <= 12; hen++) {
      List<Obj> s = new ArrayList<>();
      s.add(new Obj(1, HEN, hen, 5));
      for (int e = 0; e < 6; e++) {
        int ex = 2 + 2 * e;
        // The egg at ex hatches in the step after the hen touched it from ex - 1.
        s.add(hen >= ex ? new Obj(50 + e, CHICK, ex, 5) : new Obj(10 + e, EGG, ex, 5));
      }
      states.add(s);
    }
    return episode("hatch", states);
  }

  /**
   * Four bugs, each in its own row, walk toward a spike, two from above and two from the left; a
   * bug that touches a spike is gone the next step.
   */
  public static Episode spikes() {
    List<List<Obj>> states = new ArrayList<>();
    for (int t = 0; t <= 8; t++) {
      List<Obj> s = new ArrayList<>();
      for (int k = 0; k < 4; k++) {
        int spikeY = 4 + 6 * k;
        s.add(new Obj(100 + k, SPIKE, 20, spikeY));
        int start = k + 1;
        int d = Math.max(0, t - k);
        if (d <= start) {
          int approach = -start - 1 + Math.min(d, start);
          s.add(k % 2 == 0 ? new Obj(1 + k, BUG, 20, spikeY + approach) : new Obj(1 + k, BUG, 20 + approach, spikeY));
        }
      }
      states.add(s);
    }
    return episode("spikes", states);
  }

  /** A runner walks right across the screen; each time it touches a trap it is sent to the start marker. */
  public static Episode traps() {
    List<List<Obj>> states = new ArrayList<>();
    int x = 3;
    for (int t = 0; t <= 30; t++) {
      List<Obj> s = new ArrayList<>();
      s.add(new Obj(1, RUNNER, x, 7));
      s.add(new Obj(2, START, 3, 7));
      s.add(new Obj(3, TRAP, 9, 7));
      states.add(s);
      x = x == 8 ? 3 : x + 1;
    }
    return episode("traps", states);
  }
}
