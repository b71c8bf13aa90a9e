package dev.nomos.plan;

import static dev.nomos.plan.GridModel.MARK;
import static dev.nomos.plan.GridModel.PLAYER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.nomos.runtime.Frame;
import org.junit.jupiter.api.Test;

class CorrectedTransitionsTest {
  private static final int RIGHT = 1;

  private static int playerX(Frame f) {
    return f.x(f.ofType(PLAYER)[0]);
  }

  /** The world refused a step right from (1,0) reached moving right; the same cell is then reached at rest. */
  private static Frame correctedThenAskedAtRest(CorrectedTransitions corrected) {
    Frame moving = GridModel.move(GridModel.frame(new int[] {PLAYER, 1, 0, 0}, new int[] {MARK, 2, 5, 5}), RIGHT, true);
    assertEquals(1, moving.vx(moving.ofType(PLAYER)[0]), "reached moving right");
    corrected.observed(moving, RIGHT, GridModel.move(moving, RIGHT, false));
    Frame atRest = GridModel.frame(new int[] {PLAYER, 1, 1, 0}, new int[] {MARK, 2, 5, 5});
    return corrected.mostLikelyFrame(atRest, RIGHT);
  }

  @Test
  void aPositionsOnlyCorrectionHoldsWhateverTheVelocities() {
    assertEquals(1, playerX(correctedThenAskedAtRest(new CorrectedTransitions(new GridModel(0), true))),
        "the refused step stays refused");
  }

  @Test
  void byDefaultACorrectionHoldsOnlyForTheSameVelocities() {
    assertNotEquals(1, playerX(correctedThenAskedAtRest(new CorrectedTransitions(new GridModel(0)))),
        "another state: the model's own prediction");
  }
}
