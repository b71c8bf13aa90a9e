package dev.nomos.learn.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LatticeTest {

  @Test
  void rectanglesOfWholeCellsAtAnOffsetAreAGrid() {
    Lattice.Finder f = new Lattice.Finder();
    for (int t = 0; t < 5; t++) {
      f.add("wall", 3, 5, 40, 8);
      f.add("wall", 3, 13, 8, 32);
      f.add("hero", 11 + 8 * t, 13, 8, 8);
      f.add("coin", 27, 21, 8, 8);
    }
    Lattice l = f.find();
    assertTrue(l.isExact(), l.toString());
    assertEquals(8, l.cell());
    assertEquals(3, l.offsetX());
    assertEquals(5, l.offsetY());
    assertEquals(List.of("wall"), l.rectangleTypes());
  }

  @Test
  void aSpriteOffTheLatticeIsNamedWithItsShare() {
    Lattice.Finder f = new Lattice.Finder();
    for (int t = 0; t < 4; t++) {
      f.add("block", 0, 0, 10, 10);
      f.add("block", 10, 0, 10, 10);
      f.add("block", 20, 0, 10, 10);
      f.add("ghost", 10 + 5 * t, 10, 10, 10);
    }
    Lattice l = f.find();
    assertTrue(l.isGrid());
    assertFalse(l.isExact());
    assertEquals(Map.of("ghost", 0.5), l.offTypes());
    assertEquals(14 / 16.0, l.alignedShare());
  }

  @Test
  void mostlyOffTheLatticeIsNoGrid() {
    Lattice.Finder f = new Lattice.Finder();
    f.add("wall", 0, 0, 4, 4);
    for (int t = 0; t < 10; t++) {
      f.add("ball", 1 + 3 * t, 2 + t, 4, 4);
    }
    Lattice l = f.find();
    assertFalse(l.isGrid());
    assertTrue(l.typesFillCells(), "the sizes alone look like a grid");
    assertTrue(l.reason().contains("of object occurrences sit on the lattice of 4-unit cells"), l.reason());
  }

  @Test
  void spritesOfManyShapesAreNoGrid() {
    Lattice.Finder f = new Lattice.Finder();
    f.add("paddle", 4, 40, 4, 16);
    f.add("ball", 40, 40, 2, 4);
    f.add("brick", 0, 0, 8, 6);
    f.add("dot", 0, 0, 2, 2);
    Lattice l = f.find();
    assertFalse(l.isGrid());
    assertFalse(l.typesFillCells());
    assertEquals("only 1 of 4 entity types usually fill one 2x2 cell", l.reason());
  }

  @Test
  void percentagesNeverRoundToAllOrNothing() {
    assertEquals("99%", Lattice.percent(0.999));
    assertEquals("1%", Lattice.percent(0.001));
    assertEquals("50%", Lattice.percent(0.5));
  }
}
