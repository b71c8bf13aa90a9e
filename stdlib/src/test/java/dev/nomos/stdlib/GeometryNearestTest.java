package dev.nomos.stdlib;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nomos.runtime.EntityType;
import dev.nomos.runtime.Frame;
import dev.nomos.runtime.WorldSchema;
import java.util.List;
import org.junit.jupiter.api.Test;

class GeometryNearestTest {
  private static final WorldSchema SCHEMA = new WorldSchema("G", 200, 200, -5, 5, List.of("NOOP"),
      List.of(new EntityType("Paddle", 0, List.of()), new EntityType("Ball", 1, List.of())));

  /** Paddle (index 0) centred at (15, 15); balls at centres (45, 25) and (10, 5); another paddle far away. */
  private static Frame frame() {
    return Frame.builder(SCHEMA)
        .add(1, 0, 10, 10, 10, 10)
        .add(2, 1, 44, 24, 2, 2)
        .add(3, 1, 9, 4, 2, 2)
        .add(4, 0, 150, 150, 10, 10)
        .build();
  }

  @Test
  void distanceIsManhattanBetweenCentres() {
    Frame f = frame();
    assertEquals(30 + 10, Geometry.distance(f, 0, 1));
    assertEquals(Geometry.distance(f, 1, 0), Geometry.distance(f, 0, 1));
    assertEquals(0, Geometry.distance(f, 0, 0));
  }

  @Test
  void nearestOfATypePicksTheClosestOtherObject() {
    Frame f = frame();
    assertEquals(5 + 10, Geometry.nearestDistance(f, 0, 1));
    assertEquals(-5, Geometry.nearestDx(f, 0, 1));
    assertEquals(-10, Geometry.nearestDy(f, 0, 1));
    // The nearest paddle to the first paddle is the other one, never itself.
    assertEquals(140 + 140, Geometry.nearestDistance(f, 0, 0));
    // Any type (-1): the ball at distance 15 wins.
    assertEquals(15, Geometry.nearestDistance(f, 0, -1));
  }

  @Test
  void noCandidateGivesNeutralValues() {
    Frame f = Frame.builder(SCHEMA).add(1, 0, 10, 10, 10, 10).build();
    assertEquals(-1, Geometry.nearestDistance(f, 0, 1));
    assertEquals(0, Geometry.nearestDx(f, 0, 1));
    assertEquals(0, Geometry.nearestDy(f, 0, 1));
  }

  @Test
  void registryBindsTheNewFunctions() throws Throwable {
    Frame f = frame();
    assertEquals(15, (int) Stdlib.lookup("nearest_distance").orElseThrow().handle().invoke(f, 0, 1));
    assertEquals("nearest_dx(a: Object, t: Type) -> int", Stdlib.lookup("nearest_dx").orElseThrow().signature());
  }
}
