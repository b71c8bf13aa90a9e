package dev.nomos.compiler.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nomos.runtime.Frame;
import dev.nomos.runtime.WorldSchema;
import dev.nomos.runtime.ContactIndex;
import dev.nomos.runtime.internal.ContactCandidates;
import dev.nomos.stdlib.Geometry;
import dev.nomos.stdlib.Side;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The sort-and-sweep contact index against the nested loops it replaces: on crowded random frames
 * (many objects per type, so the index is used), the pairs of every two types hold every pair the
 * contact test accepts, in the loops' order.
 */
class ContactCandidatesTest {

  @Test
  void pairsHoldEveryTouchingPairInLoopOrder() {
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
      for (int typeA = -1; typeA < schema.types().size(); typeA++) {
        for (int typeB = -1; typeB < schema.types().size(); typeB++) {
          List<Integer> expected = new ArrayList<>();
          for (int a : typeA < 0 ? f.all() : f.ofType(typeA)) {
            for (int o : typeB < 0 ? f.all() : f.ofType(typeB)) {
              if (Geometry.touching(f, a, o)) {
                expected.add(a);
                expected.add(o);
              }
            }
          }
          int[] pairs = f.contactPairs(typeA, typeB);
          List<Integer> found = new ArrayList<>();
          for (int k = 0; k < pairs.length; k += 2) {
            if (Geometry.touching(f, pairs[k], pairs[k + 1])) {
              found.add(pairs[k]);
              found.add(pairs[k + 1]);
            }
          }
          assertEquals(expected, found, "types " + typeA + ", " + typeB);
          touchingPairs += expected.size() / 2;
        }
      }
    }
    assertTrue(touchingPairs > 1_000, "the frames have contacts: " + touchingPairs);
  }

  /**
   * The contacts are the candidate pairs in order, each with the stdlib's {@code Geometry.side} of
   * that pair (NONE where they do not touch), with the index on and off, along an episode whose objects move: the
   * sides of a frame are worked out anew even where its pairs equal those of the frame before.
   */
  @Test
  void contactsArePairsWithGeometrySide() {
    Random r = new Random(31);
    long touching = 0;
    for (boolean indexed : new boolean[] {true, false}) {
      ContactIndex.setEnabled(indexed);
      try {
        WorldSchema schema = RandomWorlds.schema(new Random(r.nextLong()));
        int n = 40 + r.nextInt(40);
        int[][] slots = new int[n][];
        int[] typeOf = new int[n];
        for (int i = 0; i < n; i++) {
          typeOf[i] = r.nextInt(schema.types().size());
          slots[i] = new int[4 + schema.type(typeOf[i]).extras().size()];
          slots[i][0] = r.nextInt(40);
          slots[i][1] = r.nextInt(40);
          slots[i][2] = 1 + r.nextInt(8);
          slots[i][3] = 1 + r.nextInt(8);
          for (int e = 4; e < slots[i].length; e++) {
            slots[i][e] = schema.type(typeOf[i]).extras().get(e - 4).min();
          }
        }
        Frame previous = null;
        for (int t = 0; t < 20; t++) {
          Frame.Builder b = Frame.builder(schema).previous(previous);
          for (int i = 0; i < n; i++) {
            // Small moves keep most pairs while their sides change.
            slots[i][0] += r.nextInt(-1, 2);
            slots[i][1] += r.nextInt(-1, 2);
            b.add(i + 1, typeOf[i], slots[i].clone());
          }
          Frame f = b.build();
          for (int typeA = -1; typeA < schema.types().size(); typeA++) {
            for (int typeB = -1; typeB < schema.types().size(); typeB++) {
              int[] pairs = f.contactPairs(typeA, typeB);
              int[] contacts = f.contacts(typeA, typeB);
              assertEquals(pairs.length / 2 * 3, contacts.length, "types " + typeA + ", " + typeB);
              for (int k = 0; k < pairs.length / 2; k++) {
                assertEquals(pairs[2 * k], contacts[3 * k], "pair " + k);
                assertEquals(pairs[2 * k + 1], contacts[3 * k + 1], "pair " + k);
                assertEquals(Geometry.side(f, pairs[2 * k], pairs[2 * k + 1]), contacts[3 * k + 2], "pair " + k);
                touching += contacts[3 * k + 2] != Side.NONE.ordinal() ? 1 : 0;
              }
            }
          }
          previous = f;
        }
      } finally {
        ContactIndex.setEnabled(true);
      }
    }
    assertTrue(touching > 1_000, "the frames have contacts: " + touching);
  }

  @Test
  void switchedOffEveryPairIsGiven() {
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
    assertEquals(2 * 40, f.contactPairs(0, 0).length, "far-apart objects pair only with themselves");
    ContactIndex.setEnabled(false);
    try {
      assertEquals(2 * 40 * 40, f.contactPairs(0, 0).length);
    } finally {
      ContactIndex.setEnabled(true);
    }
  }

  /**
   * Along an episode in which a few objects move and objects come and go, the index reuses what it
   * found for the frame before (sorted orders, unchanged answers); every frame's pairs still equal
   * those of a thread that never saw another frame.
   */
  @Test
  void answersAlongAnEpisodeEqualFreshAnswers() throws Exception {
    Random r = new Random(23);
    WorldSchema schema = RandomWorlds.schema(new Random(r.nextLong()));
    int types = schema.types().size();
    int n = 60;
    int[][] slots = new int[n][];
    int[] typeOf = new int[n];
    for (int i = 0; i < n; i++) {
      typeOf[i] = r.nextInt(types);
      slots[i] = new int[4 + schema.type(typeOf[i]).extras().size()];
      slots[i][0] = r.nextInt(50);
      slots[i][1] = r.nextInt(50);
      slots[i][2] = 1 + r.nextInt(6);
      slots[i][3] = 1 + r.nextInt(6);
      for (int e = 4; e < slots[i].length; e++) {
        slots[i][e] = schema.type(typeOf[i]).extras().get(e - 4).min();
      }
    }
    Frame previous = null;
    long pairs = 0;
    for (int t = 0; t < 40; t++) {
      Frame.Builder b = Frame.builder(schema).previous(previous);
      for (int i = 0; i < n; i++) {
        if (r.nextInt(5) == 0) {
          slots[i][0] += r.nextInt(-3, 4);
          slots[i][1] += r.nextInt(-3, 4);
        }
        if (r.nextInt(20) != 0) {
          b.add(i + 1, typeOf[i], slots[i].clone());
        }
      }
      Frame f = b.build();
      for (int typeA = -1; typeA < types; typeA++) {
        for (int typeB = -1; typeB < types; typeB++) {
          int[] here = f.contactPairs(typeA, typeB);
          int a = typeA;
          int c = typeB;
          java.util.concurrent.FutureTask<int[]> fresh = new java.util.concurrent.FutureTask<>(() -> f.contactPairs(a, c));
          Thread thread = new Thread(fresh);
          thread.start();
          org.junit.jupiter.api.Assertions.assertArrayEquals(fresh.get(), here, "t " + t + " types " + typeA + ", " + typeB);
          pairs += here.length / 2;
        }
      }
      previous = f;
    }
    assertTrue(pairs > 1_000, "the frames have candidate pairs: " + pairs);
  }
}
