package dev.nomos.worlds;

import java.util.List;
import java.util.Objects;

/**
 * One Sokoban level as parsed from the standard text format. Cells are {@code {x, y}} pairs, x to
 * the right and y down from the level's top-left character.
 */
public record SokobanLevel(String name, int width, int height, boolean[][] walls, int[] player,
    List<int[]> boxes, List<int[]> goals) {

  public SokobanLevel {
    Objects.requireNonNull(name, "name");
    boxes = List.copyOf(boxes);
    goals = List.copyOf(goals);
  }

  /** Whether (x, y) is a wall; everything outside the level's text counts as wall. */
  public boolean isWall(int x, int y) {
    return x < 0 || y < 0 || y >= height || x >= width || walls[y][x];
  }
}
