package dev.nomos.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class FrameHistoryTest {
  private static final WorldSchema SCHEMA = new WorldSchema("W", 100, 100, -5, 5, List.of("NOOP", "UP"),
      List.of(new EntityType("Ball", 0, List.of()),
          new EntityType("Door", 1, List.of(AttributeSpec.ofBool("open")))));

  private static Frame step(Frame previous, int ballY, boolean withDoor) {
    Frame.Builder b = Frame.builder(SCHEMA).previous(previous).action(1).add(7, 0, 10, ballY, 2, 2);
    if (withDoor) {
      b.add(3, 1, 0, 0, 1, 1, 1);
    }
    return b.build();
  }

  @Test
  void velocityIsDisplacementOverTheLastStep() {
    Frame f0 = step(null, 50, false);
    Frame f1 = step(f0, 47, false);
    Frame f2 = step(f1, 45, false);
    assertEquals(0, f0.vy(0));
    assertEquals(-3, f1.vy(0));
    assertEquals(-2, f2.vy(0));
    assertEquals(-3, f2.vyAt(0, 1));
    assertEquals(47, f2.getAt(0, Slots.Y, 1));
  }

  @Test
  void historyReadsClampToTheOldestKnownState() {
    Frame f0 = step(null, 50, false);
    Frame f1 = step(f0, 47, true);
    int door = f1.ofType(1)[0];
    // The door is new at f1: every read further back sees its first state, velocity 0.
    assertEquals(1, f1.getAt(door, Slots.FIRST_EXTRA, 5));
    assertEquals(0, f1.vxAt(door, 3));
    assertEquals(50, f1.getAt(f1.ofType(0)[0], Slots.Y, 16));
    assertEquals(-1, f1.actionAt(2));
  }

  @Test
  void historyIsCutAtSixteenFrames() {
    Frame f = null;
    for (int t = 0; t < 40; t++) {
      f = step(f, t, false);
    }
    int depth = 0;
    for (Frame g = f; g.previous() != null; g = g.previous()) {
      depth++;
    }
    // Reads reach back MAX_HISTORY steps, so exactly that many frames stay behind the newest.
    assertEquals(Frame.MAX_HISTORY, depth);
    assertEquals(39 - Frame.MAX_HISTORY, f.getAt(0, Slots.Y, 40));
  }

  @Test
  void objectsOfATypeComeInAscendingIdOrder() {
    Frame f = Frame.builder(SCHEMA).add(9, 0, 1, 1, 1, 1).add(2, 0, 2, 2, 1, 1).add(5, 1, 0, 0, 1, 1, 0)
        .add(4, 0, 3, 3, 1, 1).build();
    int[] balls = f.ofType(0);
    assertArrayEquals(new int[] {2, 4, 9}, new int[] {f.id(balls[0]), f.id(balls[1]), f.id(balls[2])});
    assertEquals(4, f.all().length);
    assertEquals(2, f.id(f.all()[0]));
  }

  @Test
  void builderRejectsDuplicateIdsAndWrongSlotCounts() {
    Frame.Builder b = Frame.builder(SCHEMA).add(1, 0, 0, 0, 1, 1);
    assertThrows(IllegalArgumentException.class, () -> b.add(1, 0, 0, 0, 1, 1));
    assertThrows(IllegalArgumentException.class, () -> b.add(2, 1, 0, 0, 1, 1));
  }
}
