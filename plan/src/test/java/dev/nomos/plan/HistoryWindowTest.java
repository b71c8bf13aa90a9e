package dev.nomos.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nomos.runtime.Frame;
import org.junit.jupiter.api.Test;

class HistoryWindowTest {
  private static Frame walked(int steps) {
    Frame f = GridModel.frame(new int[] {GridModel.PLAYER, 1, 0, 0}, new int[] {GridModel.MARK, 2, 5, 5});
    for (int i = 0; i < steps; i++) {
      f = GridModel.move(f, i % 2 == 0 ? 1 : 3, true);
    }
    return f;
  }

  @Test
  void aShortHistoryIsLeftAlone() {
    Frame f = walked(HistoryWindow.CUT_AT - 1);
    assertSame(f, HistoryWindow.shortened(f));
  }

  @Test
  void aLongHistoryIsCutToTheLastStepsWithTheSameStateAndVelocities() {
    Frame f = walked(HistoryWindow.CUT_AT + 3);
    Frame cut = HistoryWindow.shortened(f);
    assertNotNull(cut.back(HistoryWindow.KEEP));
    assertNull(cut.back(HistoryWindow.KEEP + 1));
    assertTrue(StateKeys.sameState(f, cut));
    assertEquals(f.step(), cut.step());
    for (int k = 1; k <= HistoryWindow.KEEP; k++) {
      assertTrue(StateKeys.sameState(f.back(k), cut.back(k)), "step back " + k);
    }
  }
}
