package dev.nomos.stdlib;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nomos.runtime.BoxContact;
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
  void theRuntimesSideConstantsAreTheOrdinals() {
    assertEquals(Side.TOP.ordinal(), BoxContact.TOP);
    assertEquals(Side.BOTTOM.ordinal(), BoxContact.BOTTOM);
    assertEquals(Side.LEFT.ordinal(), BoxContact.LEFT);
    assertEquals(Side.RIGHT.ordinal(), BoxContact.RIGHT);
    assertEquals(Side.NONE.ordinal(), BoxContact.NONE);
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
