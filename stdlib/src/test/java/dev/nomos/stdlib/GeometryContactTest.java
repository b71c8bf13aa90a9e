package dev.nomos.stdlib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nomos.runtime.EntityType;
import dev.nomos.runtime.Frame;
import dev.nomos.runtime.WorldSchema;
import java.util.List;
import org.junit.jupiter.api.Test;

class GeometryContactTest {
  private static WorldSchema schema(int gap) {
    return new WorldSchema("G", 100, 100, -5, 5, List.of("NOOP"),
        List.of(new EntityType("Box", 0, List.of())), gap);
  }

  /** Object 0 is a 10x10 box at (10, 10); object 1 is a box of the given geometry. */
  private static Frame pair(int gap, int x, int y, int w, int h) {
    return Frame.builder(schema(gap)).add(1, 0, 10, 10, 10, 10).add(2, 0, x, y, w, h).build();
  }

  @Test
  void boxBelowWithinOnePixelTouchesTheBottomSide() {
    Frame f = pair(1, 12, 21, 4, 4); // one empty row (y = 20) between them
    assertTrue(Geometry.touching(f, 0, 1));
    assertEquals(Side.BOTTOM.ordinal(), Geometry.side(f, 0, 1));
    assertEquals(Side.TOP.ordinal(), Geometry.side(f, 1, 0));
    assertEquals(40, Geometry.cover(f, 0, 1));
    assertEquals(100, Geometry.cover(f, 1, 0));
  }

  @Test
  void twoPixelGapIsNoContact() {
    Frame f = pair(1, 22, 10, 5, 5);
    assertFalse(Geometry.touching(f, 0, 1));
    assertEquals(Side.NONE.ordinal(), Geometry.side(f, 0, 1));
    assertEquals(0, Geometry.cover(f, 0, 1));
  }

  @Test
  void gridWorldsWithZeroGapTouchOnlyAdjacentCells() {
    WorldSchema grid = schema(0);
    Frame adjacent = Frame.builder(grid).add(1, 0, 3, 3, 1, 1).add(2, 0, 4, 3, 1, 1).build();
    Frame apart = Frame.builder(grid).add(1, 0, 3, 3, 1, 1).add(2, 0, 5, 3, 1, 1).build();
    assertTrue(Geometry.touching(adjacent, 0, 1));
    assertEquals(Side.RIGHT.ordinal(), Geometry.side(adjacent, 0, 1));
    assertFalse(Geometry.touching(apart, 0, 1));
  }

  @Test
  void diagonalNeighboursAndSelfDoNotTouch() {
    Frame f = pair(1, 20, 20, 5, 5);
    assertFalse(Geometry.touching(f, 0, 1));
    assertFalse(Geometry.touching(f, 0, 0));
    assertFalse(Geometry.overlap(f, 0, 0));
  }

  @Test
  void overlapPicksTheSideOfSmallestPenetration() {
    Frame f = pair(1, 8, 12, 4, 4); // pokes 2 px into the left side
    assertTrue(Geometry.overlap(f, 0, 1));
    assertTrue(Geometry.touching(f, 0, 1));
    assertEquals(Side.LEFT.ordinal(), Geometry.side(f, 0, 1));
  }

  @Test
  void registryBindsEverySignatureToItsJavaMethod() {
    for (StdlibFunction fn : Stdlib.all()) {
      assertEquals(fn, Stdlib.lookup(fn.name()).orElseThrow());
      fn.handle();
    }
    assertEquals("(Ldev/nomos/runtime/Frame;II)Z", Stdlib.lookup("touching").orElseThrow().descriptor());
    assertEquals("(III)I", Stdlib.lookup("clamp").orElseThrow().descriptor());
  }
}
