package dev.nomos.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.nomos.runtime.EntityType;
import dev.nomos.runtime.Frame;
import dev.nomos.runtime.LawScope;
import dev.nomos.runtime.Slots;
import dev.nomos.runtime.WorldSchema;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Objects grouped by value are, for every value, the type's objects that show it, in the type's order. */
class ObjectsByValueTest {
  private static final WorldSchema WORLD = new WorldSchema("Crowd", 100, 100, -3, 3, List.of("NOOP"), List.of(
      new EntityType("Mover", 0, List.of()), new EntityType("Block", 1, List.of())));

  @Test
  void groupsEqualFilteringTheTypeForEveryValueAndFrame() {
    Random r = new Random(7);
    ObjectsByValue grouped = new ObjectsByValue();
    Frame previous = null;
    for (int step = 0; step < 20; step++) {
      Frame.Builder b = Frame.builder(WORLD);
      int n = 1 + r.nextInt(30);
      for (int id = 1; id <= n; id++) {
        b.add(id, r.nextInt(2), 10 + r.nextInt(7) - 3 + step, 50 + r.nextInt(5), 1 + r.nextInt(3), 1);
      }
      Frame t = previous == null ? b.build() : b.previous(previous).build();
      for (int type = 0; type < 2; type++) {
        for (int read : new int[] {LawScope.Witness.VX, LawScope.Witness.VY, Slots.W, Slots.X}) {
          for (int value = -5; value <= 30; value++) {
            LawScope.Witness w = new LawScope.Witness(type, read, value);
            int[] showing = Arrays.stream(t.ofType(type)).filter(o -> w.readOf(t, o) == w.value()).toArray();
            assertArrayEquals(showing, grouped.objects(t, type, read, value),
                "step " + step + " type " + type + " read " + read + " value " + value);
          }
        }
      }
      previous = t;
    }
  }
}
