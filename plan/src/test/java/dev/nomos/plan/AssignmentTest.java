package dev.nomos.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AssignmentTest {
  @Test
  void theLeastCostMatchesExhaustiveSearchOnRandomMatrices() {
    SplittableRandom random = new SplittableRandom(7);
    for (int trial = 0; trial < 200; trial++) {
      int rows = 1 + random.nextInt(4);
      int columns = rows + random.nextInt(3);
      int[][] cost = new int[rows][columns];
      for (int[] row : cost) {
        for (int j = 0; j < columns; j++) {
          row[j] = random.nextInt(5) == 0 ? Assignment.NONE : random.nextInt(20);
        }
      }
      assertEquals(exhaustive(cost, 0, new boolean[columns]), Assignment.minimumCost(cost, columns), "trial " + trial);
    }
  }

  @Test
  void moreRowsThanColumnsOrAnUnmatchableRowIsImpossible() {
    assertEquals(Assignment.NONE, Assignment.minimumCost(new int[][] {{1}, {2}}, 1));
    int none = Assignment.NONE;
    assertEquals(Assignment.NONE, Assignment.minimumCost(new int[][] {{1, none}, {2, none}}, 2));
  }

  private static int exhaustive(int[][] cost, int row, boolean[] taken) {
    if (row == cost.length) {
      return 0;
    }
    int best = Assignment.NONE;
    for (int j = 0; j < taken.length; j++) {
      if (!taken[j] && cost[row][j] != Assignment.NONE) {
        taken[j] = true;
        int rest = exhaustive(cost, row + 1, taken);
        taken[j] = false;
        if (rest != Assignment.NONE) {
          best = Math.min(best, cost[row][j] + rest);
        }
      }
    }
    return best;
  }
}
