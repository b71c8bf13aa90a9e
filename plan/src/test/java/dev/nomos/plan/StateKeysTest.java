package dev.nomos.plan;

import static dev.nomos.plan.GridModel.MARK;
import static dev.nomos.plan.GridModel.PLAYER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nomos.runtime.Frame;
import org.junit.jupiter.api.Test;

class StateKeysTest {
  private static final Frame START = GridModel.frame(new int[] {PLAYER, 1, 0, 0}, new int[] {MARK, 2, 3, 3},
      new int[] {MARK, 3, 4, 4});

  @Test
  void interchangeableObjectsWithSwappedIdsAreOneState() {
    Frame swapped = GridModel.frame(new int[] {PLAYER, 7, 0, 0}, new int[] {MARK, 9, 4, 4}, new int[] {MARK, 8, 3, 3});
    StateKeys keys = new StateKeys(START, false);
    assertEquals(keys.of(START), keys.of(swapped));
    assertTrue(StateKeys.sameState(START, swapped));
  }

  @Test
  void aMovedObjectIsAnotherState() {
    Frame moved = GridModel.frame(new int[] {PLAYER, 1, 1, 0}, new int[] {MARK, 2, 3, 3}, new int[] {MARK, 3, 4, 4});
    StateKeys keys = new StateKeys(START, false);
    assertNotEquals(keys.of(START), keys.of(moved));
    assertFalse(StateKeys.sameState(START, moved));
  }

  @Test
  void velocitiesSeparateStatesUnlessPositionsOnly() {
    Frame there = GridModel.move(GridModel.move(START, 1, true), 0, true); // right, then back left: moving
    Frame still = GridModel.frame(new int[] {PLAYER, 1, 0, 0}, new int[] {MARK, 2, 3, 3}, new int[] {MARK, 3, 4, 4});
    assertEquals(-1, there.vx(there.indexOfId(1)));
    assertNotEquals(new StateKeys(START, false).of(there), new StateKeys(START, false).of(still));
    StateKeys positions = new StateKeys(START, true);
    assertEquals(positions.of(there), positions.of(still));
  }

  @Test
  void aMissingObjectIsAnotherState() {
    Frame fewer = GridModel.frame(new int[] {PLAYER, 1, 0, 0}, new int[] {MARK, 2, 3, 3});
    assertNotEquals(new StateKeys(START, false).of(START), new StateKeys(START, false).of(fewer));
    assertNotEquals(new StateKeys(fewer, false).of(START), new StateKeys(fewer, false).of(fewer));
  }
}
