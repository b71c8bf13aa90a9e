package dev.nomos.worlds.internal;

import dev.nomos.worlds.SokobanLevel;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Breadth-first search over Sokoban states (player cell and the set of box cells) for a shortest
 * solution in moves, within a node budget. Small levels solve instantly; a large level that exceeds
 * the budget has no plan and the goal policy falls back to wandering.
 */
final class SokobanSolver {
  static final int NODE_BUDGET = 60_000;
  private static final String[] MOVES = {"UP", "DOWN", "LEFT", "RIGHT"};
  private static final int[] DX = {0, 0, -1, 1};
  private static final int[] DY = {-1, 1, 0, 0};

  private SokobanSolver() {}

  /** A shortest action list that solves the level from the given state, or null if none is found within the budget. */
  static List<String> solve(SokobanLevel level, int px, int py, int[] boxCells) {
    int width = level.width();
    String start = key(px + py * width, cellsOf(boxCells, width));
    Map<String, String> parent = new HashMap<>();
    Map<String, Integer> moveInto = new HashMap<>();
    ArrayDeque<String> queue = new ArrayDeque<>();
    parent.put(start, null);
    queue.add(start);
    while (!queue.isEmpty()) {
      String state = queue.poll();
      if (isSolved(level, state)) {
        List<String> plan = new ArrayList<>();
        for (String s = state; parent.get(s) != null; s = parent.get(s)) {
          plan.add(MOVES[moveInto.get(s)]);
        }
        Collections.reverse(plan);
        return plan;
      }
      if (parent.size() > NODE_BUDGET) {
        return null;
      }
      int player = state.charAt(0);
      for (int m = 0; m < 4; m++) {
        int nx = player % width + DX[m];
        int ny = player / width + DY[m];
        if (level.isWall(nx, ny)) {
          continue;
        }
        int target = nx + ny * width;
        int[] boxes = boxesOf(state);
        int pushed = indexOf(boxes, target);
        if (pushed >= 0) {
          int bx = nx + DX[m];
          int by = ny + DY[m];
          if (level.isWall(bx, by) || indexOf(boxes, bx + by * width) >= 0) {
            continue;
          }
          boxes[pushed] = bx + by * width;
        }
        String next = key(target, boxes);
        if (!parent.containsKey(next)) {
          parent.put(next, state);
          moveInto.put(next, m);
          queue.add(next);
        }
      }
    }
    return null;
  }

  private static int[] cellsOf(int[] boxCells, int width) {
    int[] cells = new int[boxCells.length / 2];
    for (int i = 0; i < cells.length; i++) {
      cells[i] = boxCells[2 * i] + boxCells[2 * i + 1] * width;
    }
    return cells;
  }

  private static String key(int player, int[] boxes) {
    int[] sorted = boxes.clone();
    Arrays.sort(sorted);
    StringBuilder sb = new StringBuilder(sorted.length + 1).append((char) player);
    for (int b : sorted) {
      sb.append((char) b);
    }
    return sb.toString();
  }

  private static int[] boxesOf(String state) {
    int[] boxes = new int[state.length() - 1];
    for (int i = 1; i < state.length(); i++) {
      boxes[i - 1] = state.charAt(i);
    }
    return boxes;
  }

  private static int indexOf(int[] cells, int cell) {
    for (int i = 0; i < cells.length; i++) {
      if (cells[i] == cell) {
        return i;
      }
    }
    return -1;
  }

  private static boolean isSolved(SokobanLevel level, String state) {
    for (int i = 1; i < state.length(); i++) {
      int cell = state.charAt(i);
      boolean onGoal = false;
      for (int[] g : level.goals()) {
        if (g[0] + g[1] * level.width() == cell) {
          onGoal = true;
          break;
        }
      }
      if (!onGoal) {
        return false;
      }
    }
    return true;
  }

  /** Follows a solution while the world stays on it, and searches again when it leaves it. */
  static final class PlanFollower {
    private static final int RETRY_AFTER = 20;
    private List<String> plan;
    private List<String> expected;
    private int position;
    private int waitBeforeRetry;

    void clear() {
      plan = null;
      expected = null;
      position = 0;
      waitBeforeRetry = 0;
    }

    String next(SokobanLevel level, int px, int py, int[] boxCells) {
      String now = key(px + py * level.width(), cellsOf(boxCells, level.width()));
      if (plan != null && position < plan.size() && expected.get(position).equals(now)) {
        return plan.get(position++);
      }
      if (waitBeforeRetry > 0) {
        waitBeforeRetry--;
        return null;
      }
      List<String> found = solve(level, px, py, boxCells);
      if (found == null || found.isEmpty()) {
        clear();
        waitBeforeRetry = RETRY_AFTER;
        return null;
      }
      plan = found;
      expected = replay(level, px, py, boxCells, found);
      position = 0;
      return plan.get(position++);
    }

    private static List<String> replay(SokobanLevel level, int px, int py, int[] boxCells, List<String> moves) {
      int width = level.width();
      int player = px + py * width;
      int[] boxes = cellsOf(boxCells, width);
      List<String> keys = new ArrayList<>();
      for (String move : moves) {
        keys.add(key(player, boxes));
        int m = Arrays.asList(MOVES).indexOf(move);
        int target = player + DX[m] + DY[m] * width;
        int pushed = indexOf(boxes, target);
        if (pushed >= 0) {
          boxes[pushed] = target + DX[m] + DY[m] * width;
        }
        player = target;
      }
      return keys;
    }
  }
}
