package dev.nomos.compiler.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nomos.runtime.Frame;
import dev.nomos.runtime.WorldSchema;
import dev.nomos.runtime.internal.ContactCandidates;
import dev.nomos.stdlib.Geometry;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The sort-and-sweep contact index against the scan it replaces: on crowded random frames (many
 * objects per type, so the index is used), the candidates of every object hold every object the
 * contact test accepts, in the scan's order.
 */
class ContactCandidatesTest {

  @Test
  void candidatesHoldEveryTouchingObjectInScanOrder() {
    Random r = new Random(19);
    long touchingPairs = 0;
    for (int trial = 0; trial < 40; trial++) {
      WorldSchema schema = RandomWorlds.schema(new Random(r.nextLong()));
      Frame.Builder b = Frame.builder(schema);
      int n = 20 + r.nextInt(80);
      for (int id = 1; id <= n; id++) {
        int type = r.nextInt(schema.types().size());
        int[] slots = new int[4 + schema.type(type).extras().size()];
        slots[0] = r.nextInt(60) - 5;
        slots[1] = r.nextInt(60) - 5;
        slots[2] = r.nextInt(12);
        slots[3] = r.nextInt(12);
        for (int e = 4; e < slots.length; e++) {
          slots[e] = schema.type(type).extras().get(e - 4).min();
        }
        b.add(id * 3 + r.nextInt(3), type, slots);
      }
      Frame f = b.build();
      for (int type = -1; type < schema.types().size(); type++) {
        int[] all = type < 0 ? f.all() : f.ofType(type);
        for (int a = 0; a < f.size(); a++) {
          List<Integer> expected = new ArrayList<>();
          for (int o : all) {
            if (Geometry.touching(f, a, o)) {
              expected.add(o);
            }
          }
          List<Integer> found = new ArrayList<>();
          for (int o : f.contactCandidates(a, type)) {
            if (Geometry.touching(f, a, o)) {
              found.add(o);
            }
          }
          assertEquals(expected, found, "object " + a + ", type " + type);
          assertTrue(isSubsequence(f.contactCandidates(a, type), all), "candidates keep the scan's order");
          touchingPairs += expected.size();
        }
      }
    }
    assertTrue(touchingPairs > 1_000, "the frames have contacts: " + touchingPairs);
  }

  @Test
  void switchedOffTheWholeTypeIsScanned() {
    WorldSchema schema = RandomWorlds.schema(new Random(3));
    Frame.Builder b = Frame.builder(schema);
    for (int id = 1; id <= 40; id++) {
      int[] slots = new int[4 + schema.type(0).extras().size()];
      slots[0] = id * 100;
      slots[2] = 1;
      slots[3] = 1;
      for (int e = 4; e < slots.length; e++) {
        slots[e] = schema.type(0).extras().get(e - 4).min();
      }
      b.add(id, 0, slots);
    }
    Frame f = b.build();
    assertTrue(f.contactCandidates(0, 0).length < 5, "far-apart objects are not candidates");
    ContactCandidates.sweep(false);
    try {
      assertEquals(40, f.contactCandidates(0, 0).length);
    } finally {
      ContactCandidates.sweep(true);
    }
  }

  private static boolean isSubsequence(int[] part, int[] whole) {
    int k = 0;
    for (int o : whole) {
      if (k < part.length && part[k] == o) {
        k++;
      }
    }
    return k == part.length;
  }
}
