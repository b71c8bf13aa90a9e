package dev.nomos.learn;

import dev.nomos.runtime.EntityType;
import dev.nomos.runtime.Frame;
import dev.nomos.runtime.WorldSchema;
import dev.nomos.runtime.trajectory.Episode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A grid world for action-direction tests: LEFT, RIGHT, UP and DOWN move the mover one cell unless
 * a block is in the way; a crate in the way moves with it unless a block or crate lies beyond it.
 */
public final class PushWorld {
  public static final List<String> ACTIONS = List.of("WAIT", "LEFT", "RIGHT", "UP", "DOWN");
  public static final WorldSchema SCHEMA = new WorldSchema("Pushes", 12, 12, -1, 1, ACTIONS,
      List.of(new EntityType("Mover", 0, List.of()), new EntityType("Crate", 1, List.of()),
          new EntityType("Block", 2, List.of())), 0);
  private static final int[] DX = {0, -1, 1, 0, 0};
  private static final int[] DY = {0, 0, 0, -1, 1};

  private PushWorld() {}

  /**
   * An episode from the mover at (mx, my), crates and blocks at the given cells ({x, y} pairs),
   * taking {@code actions} (names of {@link #ACTIONS}).
   */
  public static Episode episode(int mx, int my, int[][] crates, int[][] blocks, String... actions) {
    int[][] c = new int[crates.length][];
    for (int k = 0; k < crates.length; k++) {
      c[k] = crates[k].clone();
    }
    List<Frame> frames = new ArrayList<>();
    Frame previous = null;
    for (int step = 0; step <= actions.length; step++) {
      int action = step < actions.length ? ACTIONS.indexOf(actions[step]) : 0;
      Frame.Builder b = Frame.builder(SCHEMA).add(1, 0, mx, my, 1, 1);
      for (int k = 0; k < c.length; k++) {
        b.add(10 + k, 1, c[k][0], c[k][1], 1, 1);
      }
      for (int k = 0; k < blocks.length; k++) {
        b.add(100 + k, 2, blocks[k][0], blocks[k][1], 1, 1);
      }
      Frame f = b.action(action).previous(previous).build();
      frames.add(f);
      previous = f;
      int tx = mx + DX[action];
      int ty = my + DY[action];
      if (action == 0 || at(blocks, tx, ty) >= 0) {
        continue;
      }
      int crate = at(c, tx, ty);
      if (crate >= 0) {
        int bx = tx + DX[action];
        int by = ty + DY[action];
        if (at(blocks, bx, by) >= 0 || at(c, bx, by) >= 0) {
          continue;
        }
        c[crate][0] = bx;
        c[crate][1] = by;
      }
      mx = tx;
      my = ty;
    }
    return new Episode(Path.of("pushes.jsonl"), 0, frames, new int[frames.size()]);
  }

  private static int at(int[][] cells, int x, int y) {
    for (int k = 0; k < cells.length; k++) {
      if (cells[k][0] == x && cells[k][1] == y) {
        return k;
      }
    }
    return -1;
  }
}
