package dev.nomos.worlds.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Covers the wall cells of a grid with few rectangles: maximal horizontal runs, stacked when runs in
 * consecutive rows span the same columns. Grid worlds report walls this way so that a recorded
 * frame stays small; a rule such as "a wall blocks the cell in front" reads the same either way.
 */
final class WallRectangles {
  private WallRectangles() {}

  /** Rectangles {x, y, w, h} in row-major order of their top-left cell. */
  static List<int[]> cover(boolean[][] wall) {
    int height = wall.length;
    List<int[]> runs = new ArrayList<>();
    for (int y = 0; y < height; y++) {
      int x = 0;
      while (x < wall[y].length) {
        if (!wall[y][x]) {
          x++;
          continue;
        }
        int start = x;
        while (x < wall[y].length && wall[y][x]) {
          x++;
        }
        int[] above = null;
        for (int[] r : runs) {
          if (r[0] == start && r[2] == x - start && r[1] + r[3] == y) {
            above = r;
            break;
          }
        }
        if (above != null) {
          above[3]++;
        } else {
          runs.add(new int[] {start, y, x - start, 1});
        }
      }
    }
    return runs;
  }
}
