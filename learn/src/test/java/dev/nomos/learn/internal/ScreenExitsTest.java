package dev.nomos.learn.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nomos.runtime.EntityType;
import dev.nomos.runtime.Frame;
import dev.nomos.runtime.WorldSchema;
import dev.nomos.stdlib.Side;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which edges a moving object's next step crosses, and only for objects moving toward them. */
class ScreenExitsTest {
  private static final WorldSchema SCHEMA = new WorldSchema("W", 100, 50, -40, 40, List.of("NIL"),
      List.of(new EntityType("missile", 0, List.of())));

  /** Object 1 at (x, y) of size 10, having moved by (vx, vy) since the previous frame. */
  private static Frame moving(int x, int y, int vx, int vy) {
    Frame before = Frame.builder(SCHEMA).add(1, 0, x - vx, y - vy, 10, 10).action(0).build();
    return Frame.builder(SCHEMA).add(1, 0, x, y, 10, 10).action(0).previous(before).build();
  }

  private static List<Side> sides(Frame f) {
    return ScreenExits.of(SCHEMA, f, 0).stream().map(ScreenExits.Exit::side).toList();
  }

  @Test
  void aMissileAtTheTopFlyingUpLeavesPastTheTop() {
    assertEquals(List.of(Side.TOP), sides(moving(40, 0, 0, -10)));
    assertEquals("o.y + o.vy < 0", ScreenExits.of(SCHEMA, moving(40, 0, 0, -10), 0).get(0).condition());
    assertEquals("leaves_past_top", ScreenExits.of(SCHEMA, moving(40, 0, 0, -10), 0).get(0).name());
  }

  @Test
  void aStepThatStaysOnTheScreenOrAnObjectAtRestLeavesNothing() {
    assertEquals(List.of(), sides(moving(40, 10, 0, -10)));
    assertEquals(List.of(), sides(moving(0, 0, 0, 0)));
    assertEquals(List.of(), sides(moving(90, 40, -5, 0)));
  }

  @Test
  void aDiagonalStepOutOfACornerCrossesBothEdges() {
    assertEquals(List.of(Side.BOTTOM, Side.RIGHT), sides(moving(95, 45, 5, 5)));
    assertEquals("o.x + o.vx + o.w > 100", ScreenExits.of(SCHEMA, moving(95, 45, 5, 5), 0).get(1).condition());
  }
}
