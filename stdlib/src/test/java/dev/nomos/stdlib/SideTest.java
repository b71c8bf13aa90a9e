package dev.nomos.stdlib;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SideTest {

  @Test
  void oppositeSidesFaceEachOtherAndNoneStaysNone() {
    assertEquals(Side.BOTTOM, Side.TOP.opposite());
    assertEquals(Side.TOP, Side.BOTTOM.opposite());
    assertEquals(Side.RIGHT, Side.LEFT.opposite());
    assertEquals(Side.LEFT, Side.RIGHT.opposite());
    assertEquals(Side.NONE, Side.NONE.opposite());
  }

  @Test
  void unitStepsPointTowardTheSideOnScreen() {
    assertEquals(1, Side.RIGHT.dx());
    assertEquals(-1, Side.LEFT.dx());
    assertEquals(1, Side.BOTTOM.dy());
    assertEquals(-1, Side.TOP.dy());
    assertEquals(0, Side.TOP.dx());
    assertEquals(0, Side.LEFT.dy());
    assertEquals(0, Side.NONE.dx() + Side.NONE.dy());
  }
}
