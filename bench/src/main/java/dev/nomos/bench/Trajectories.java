package dev.nomos.bench;

import dev.nomos.runtime.Frame;
import dev.nomos.runtime.WorldSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded synthetic episodes for the workloads: simple simulations that make the laws fire the way
 * recorded play does (bounces, paddle moves, landings, falls, patrols), with history linked.
 */
public final class Trajectories {
  private Trajectories() {}

  /** Pong: a ball bouncing between walls and paddles, the player on random actions, the enemy tracking. */
  public static List<Frame> pong(WorldSchema schema, int steps, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int py = 100;
    int ey = 100;
    int bx = 78;
    int by = 118;
    int vx = 2;
    int vy = 3;
    boolean ball = true;
    int action = 0;
    List<Frame> frames = new ArrayList<>(steps);
    Frame previous = null;
    for (int t = 0; t < steps; t++) {
      Frame.Builder b = Frame.builder(schema);
      b.add(1, PongLaws.PLAYER, 140, py, 4, 16);
      b.add(2, PongLaws.ENEMY, 16, ey, 4, 16);
      if (ball) {
        b.add(3, PongLaws.BALL, bx, by, 2, 4);
      }
      b.add(4, PongLaws.WALL, 0, 24, 160, 10);
      b.add(5, PongLaws.WALL, 0, 194, 160, 16);
      b.add(6, PongLaws.ZONE, 0, 34, 4, 160);
      b.add(7, PongLaws.ZONE, 156, 34, 4, 160);
      action = r.nextInt(4) == 0 ? r.nextInt(PongLaws.ACTIONS.size()) : action;
      Frame f = b.action(action).previous(previous).build();
      frames.add(f);
      previous = f;
      // Advance the simulation.
      int pv = switch (action) {
        case 2, 4 -> -6;
        case 3, 5 -> 6;
        default -> 0;
      };
      py = clamp(py + pv, 34, 178);
      ey = clamp(ey + Integer.signum(by - ey - 6) * 4, 34, 178);
      if (!ball) {
        ball = true;
        bx = 78;
        by = 118;
        vx = r.nextBoolean() ? 2 : -2;
        vy = r.nextInt(7) - 3;
        continue;
      }
      bx += vx;
      by += vy;
      if (by <= 34 || by >= 190) {
        vy = -vy;
        by = clamp(by, 35, 189);
      }
      if ((bx >= 138 && bx <= 142 && by + 4 >= py && by <= py + 16)
          || (bx <= 20 && bx >= 16 && by + 4 >= ey && by <= ey + 16)) {
        vx = -vx;
        vy = clamp(vy + r.nextInt(3) - 1, -6, 6);
      }
      if (bx <= 3 || bx >= 155) {
        ball = false;
      }
    }
    return frames;
  }

  /** A platformer room of 58 objects: the player runs, climbs, jumps and falls; two skulls patrol. */
  public static List<Frame> montezuma(WorldSchema schema, int steps, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int px = 20;
    int py = 40;
    int[] skullX = {40, 110};
    int[] skullV = {1, -1};
    boolean key = true;
    int action = 0;
    List<Frame> frames = new ArrayList<>(steps);
    Frame previous = null;
    for (int t = 0; t < steps; t++) {
      Frame.Builder b = Frame.builder(schema);
      int id = 1;
      b.add(id++, MontezumaLaws.PLAYER, px, py, 7, 20);
      for (int k = 0; k < 2; k++) {
        b.add(id++, MontezumaLaws.SKULL, skullX[k], 160, 8, 12);
      }
      for (int k = 0; k < 6; k++) {
        b.add(id++, MontezumaLaws.LADDER, 20 + 24 * k, 60 + (k % 3) * 40, 8, 40);
      }
      for (int k = 0; k < 24; k++) {
        b.add(id++, MontezumaLaws.PLATFORM, (k % 8) * 20, 60 + (k / 8) * 40 + 12, 18, 4);
      }
      for (int k = 0; k < 2; k++) {
        b.add(id++, MontezumaLaws.ROPE, 60 + 50 * k, 80, 1, 40);
      }
      if (key) {
        b.add(id, MontezumaLaws.KEY, 14, 100, 7, 8);
      }
      id++;
      for (int k = 0; k < 2; k++) {
        b.add(id++, MontezumaLaws.DOOR, 30 + 96 * k, 40, 4, 30, key ? 1 : 0);
      }
      for (int k = 0; k < 16; k++) {
        b.add(id++, MontezumaLaws.WALL, k < 8 ? 0 : 156, 20 + (k % 8) * 23, 4, 23);
      }
      for (int k = 0; k < 4; k++) {
        b.add(id++, MontezumaLaws.CONVEYOR, 40 + 20 * k, 172, 16, 4);
      }
      action = r.nextInt(5) == 0 ? r.nextInt(MontezumaLaws.ACTIONS.size()) : action;
      Frame f = b.action(action).previous(previous).build();
      frames.add(f);
      previous = f;
      int vx = switch (action) {
        case 3, 6, 8 -> 3;
        case 4, 7, 9 -> -3;
        default -> 0;
      };
      int vy = switch (action) {
        case 2, 6, 7 -> -2;
        case 5, 8, 9 -> 2;
        default -> 0;
      };
      if ((py + 20 - 72) % 40 != 0) {
        vy = Math.max(vy, 2); // falling between floors
      }
      px = clamp(px + vx, 4, 149);
      py = clamp(py + vy, 20, 168);
      if (Math.abs(px - 14) < 7 && Math.abs(py - 90) < 20) {
        key = false;
      }
      for (int k = 0; k < 2; k++) {
        skullX[k] += skullV[k];
        if (skullX[k] <= 5 || skullX[k] >= 147) {
          skullV[k] = -skullV[k];
        }
      }
    }
    return frames;
  }

  /**
   * A crowded arena of 300 objects: walls around the border and across the middle, a grid of
   * blocks, gems scattered between them, 59 movers bouncing off the border and the blocks they run
   * into, and an avatar steered by random actions that collects gems.
   */
  public static List<Frame> crowd(WorldSchema schema, int steps, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int movers = 59;
    int[] mx = new int[movers];
    int[] my = new int[movers];
    int[] mvx = new int[movers];
    int[] mvy = new int[movers];
    int[] energy = new int[movers];
    for (int k = 0; k < movers; k++) {
      mx[k] = 20 + r.nextInt(430);
      my[k] = 20 + r.nextInt(320);
      mvx[k] = r.nextInt(7) - 3;
      mvy[k] = r.nextInt(7) - 3;
      energy[k] = r.nextInt(10);
    }
    int[][] gems = new int[40][];
    for (int k = 0; k < gems.length; k++) {
      gems[k] = new int[] {16 + 11 * k, 30 + (k * 37) % 300};
    }
    boolean[] collected = new boolean[gems.length];
    int px = 240;
    int py = 180;
    int action = 0;
    List<Frame> frames = new ArrayList<>(steps);
    Frame previous = null;
    for (int t = 0; t < steps; t++) {
      Frame.Builder b = Frame.builder(schema);
      int id = 1;
      b.add(id++, CrowdLaws.AVATAR, px, py, 8, 8);
      for (int k = 0; k < movers; k++) {
        b.add(id++, CrowdLaws.MOVER, mx[k], my[k], 6, 6, energy[k]);
      }
      for (int k = 0; k < 160; k++) {
        b.add(id++, CrowdLaws.BLOCK, 24 + (k % 16) * 28, 24 + (k / 16) * 32, 10, 10);
      }
      for (int k = 0; k < 40; k++) {
        int side = k / 10;
        int along = k % 10;
        b.add(id++, CrowdLaws.WALL, side < 2 ? along * 48 : side == 2 ? 0 : 472, side < 2 ? (side == 0 ? 0 : 352)
            : along * 36, side < 2 ? 48 : 8, side < 2 ? 8 : 36);
      }
      for (int k = 0; k < gems.length; k++) {
        if (!collected[k]) {
          b.add(id, CrowdLaws.GEM, gems[k][0], gems[k][1], 5, 5);
        }
        id++;
      }
      action = r.nextInt(4) == 0 ? r.nextInt(CrowdLaws.ACTIONS.size()) : action;
      Frame f = b.action(action).previous(previous).build();
      frames.add(f);
      previous = f;
      px = clamp(px + (action == 3 ? -3 : action == 4 ? 3 : 0), 8, 464);
      py = clamp(py + (action == 1 ? -3 : action == 2 ? 3 : 0), 8, 344);
      for (int k = 0; k < gems.length; k++) {
        if (Math.abs(gems[k][0] - px) < 8 && Math.abs(gems[k][1] - py) < 8) {
          collected[k] = true;
        }
      }
      for (int k = 0; k < movers; k++) {
        mx[k] += mvx[k];
        my[k] += mvy[k];
        if (mx[k] <= 8 || mx[k] >= 466) {
          mvx[k] = -mvx[k];
          mx[k] = clamp(mx[k], 9, 465);
        }
        if (my[k] <= 8 || my[k] >= 346) {
          mvy[k] = -mvy[k];
          my[k] = clamp(my[k], 9, 345);
        }
        // Hitting a block's cell reverses the mover and costs energy.
        int cx = (mx[k] - 24) % 28;
        int cy = (my[k] - 24) % 32;
        if (cx >= 0 && cx < 10 && cy >= 0 && cy < 10 && r.nextInt(2) == 0) {
          mvx[k] = -mvx[k];
          mvy[k] = -mvy[k];
          energy[k] = Math.max(0, energy[k] - 1);
        } else if (r.nextInt(50) == 0) {
          energy[k] = Math.min(9, energy[k] + 1);
        }
      }
    }
    return frames;
  }

  private static int clamp(int v, int lo, int hi) {
    return Math.max(lo, Math.min(hi, v));
  }
}
