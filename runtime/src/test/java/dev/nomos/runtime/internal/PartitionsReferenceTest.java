package dev.nomos.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nomos.runtime.AttributeSpec;
import dev.nomos.runtime.EntityType;
import dev.nomos.runtime.Frame;
import dev.nomos.runtime.OpinionSink;
import dev.nomos.runtime.Slots;
import dev.nomos.runtime.WorldSchema;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The partitions of random opinion sets equal, array for array and bit for bit, those the build
 * before sorted interval ends made ({@link ReferencePartitions}): single values, ranges, choices
 * with weights, several opinions of one law on one target, opinions outside declared ranges and
 * beyond the value limit, on object and world targets.
 */
class PartitionsReferenceTest {
  private static final WorldSchema WORLD = new WorldSchema("W", 200, 200, -4, 4, List.of("NOOP"), List.of(
      new EntityType("Ball", 0, List.of(AttributeSpec.ofInt("hp", 0, 5))),
      new EntityType("Wall", 1, List.of(AttributeSpec.ofBool("open")))));

  @Test
  void segmentsAndFeaturesEqualThePreviousBuild() {
    SplittableRandom random = new SplittableRandom(19);
    OpinionCollector collector = new OpinionCollector(WORLD, names(40), 10);
    Partitions fast = new Partitions();
    ReferencePartitions reference = new ReferencePartitions();
    for (int trial = 0; trial < 3_000; trial++) {
      Frame frame = frame(random);
      collector.begin(frame);
      int laws = random.nextInt(1, 40);
      // Few values close together for most trials, so that intervals overlap and repeat.
      int spread = random.nextInt(4) == 0 ? 40 : 6;
      for (int law = 0; law < laws; law++) {
        collector.law(law);
        int opinions = random.nextInt(0, 4);
        for (int k = 0; k < opinions; k++) {
          emit(collector, frame, random, spread);
        }
      }
      collector.end();
      fast.build(collector);
      reference.build(collector);
      assertSame(reference, fast, trial);
    }
  }

  /**
   * Laws run together emit their opinions interleaved: the partitions equal those of the same
   * opinions emitted law after law, each law's own opinions in their order.
   */
  @Test
  void interleavedLawsGiveThePartitionsOfLawsRunInOrder() {
    SplittableRandom random = new SplittableRandom(23);
    OpinionCollector interleaved = new OpinionCollector(WORLD, names(40), 10);
    OpinionCollector inOrder = new OpinionCollector(WORLD, names(40), 10);
    Partitions fast = new Partitions();
    ReferencePartitions reference = new ReferencePartitions();
    for (int trial = 0; trial < 3_000; trial++) {
      Frame frame = frame(random);
      int laws = random.nextInt(1, 40);
      int spread = random.nextInt(4) == 0 ? 40 : 6;
      // Each emission: its law and the seed that replays it; emitted in a shuffled order, then by law.
      int emissions = random.nextInt(0, 3 * laws);
      long[][] emitted = new long[emissions][];
      for (int e = 0; e < emissions; e++) {
        emitted[e] = new long[] {random.nextInt(laws), random.nextLong()};
      }
      interleaved.begin(frame);
      interleaved.interleave();
      for (long[] e : emitted) {
        interleaved.law((int) e[0]);
        emit(interleaved, frame, new SplittableRandom(e[1]), spread);
      }
      interleaved.end();
      inOrder.begin(frame);
      for (int law = 0; law < laws; law++) {
        inOrder.law(law);
        for (long[] e : emitted) {
          if (e[0] == law) {
            emit(inOrder, frame, new SplittableRandom(e[1]), spread);
          }
        }
      }
      inOrder.end();
      fast.build(interleaved);
      reference.build(inOrder);
      assertSame(reference, fast, trial);
    }
  }

  private static String[] names(int n) {
    String[] names = new String[n];
    for (int i = 0; i < n; i++) {
      names[i] = "law" + i;
    }
    return names;
  }

  private static Frame frame(SplittableRandom random) {
    Frame.Builder b = Frame.builder(WORLD);
    int balls = random.nextInt(1, 4);
    for (int i = 0; i < balls; i++) {
      b.add(1 + i, 0, 50 + random.nextInt(5), 50, 1, 1, random.nextInt(6));
    }
    b.add(10, 1, 20, 20, 1, 1, random.nextInt(2));
    return b.build();
  }

  private static void emit(OpinionCollector c, Frame frame, SplittableRandom random, int spread) {
    boolean world = random.nextInt(8) == 0;
    int object = world ? OpinionSink.WORLD : random.nextInt(frame.size());
    int slot = world ? Slots.REWARD : switch (random.nextInt(4)) {
      case 0 -> Slots.ALIVE;
      case 1 -> Slots.X;
      case 2 -> Slots.Y;
      default -> Slots.FIRST_EXTRA;
    };
    int centre = world ? 0 : slot == Slots.X || slot == Slots.Y ? 50 : 1;
    int value = random.nextInt(30) == 0 ? (random.nextBoolean() ? Integer.MAX_VALUE : -1_000_000_000)
        : centre + random.nextInt(-spread, spread + 1);
    switch (random.nextInt(3)) {
      case 0 -> c.exact(object, slot, value);
      case 1 -> c.range(object, slot, value, value + random.nextInt(-1, 8));
      default -> {
        c.beginChoice(object, slot);
        int m = random.nextInt(1, 4);
        for (int j = 0; j < m; j++) {
          double weight = random.nextInt(6) == 0 ? 0 : random.nextDouble(0.1, 5);
          c.choice(centre + random.nextInt(-spread, spread + 1), weight);
        }
        c.endChoice();
      }
    }
  }

  private static void assertSame(ReferencePartitions r, Partitions p, int trial) {
    String at = "trial " + trial;
    assertEquals(r.parts(), p.parts(), at);
    for (int part = 0; part < r.parts(); part++) {
      String where = at + " part " + part;
      assertEquals(r.target(part), p.target(part), where);
      assertEquals(r.object(part), p.object(part), where);
      assertEquals(r.offset(part), p.offset(part), where);
      assertEquals(r.baseLo(part), p.baseLo(part), where);
      assertEquals(r.baseHi(part), p.baseHi(part), where);
      assertEquals(r.unmentioned(part), p.unmentioned(part), where);
      assertEquals(r.supportSize(part), p.supportSize(part), where);
      assertEquals(r.segStart(part), p.segStart(part), where);
      assertEquals(r.segEnd(part), p.segEnd(part), where);
      for (int s = r.segStart(part); s < r.segEnd(part); s++) {
        assertEquals(r.segLo(s), p.segLo(s), where);
        assertEquals(r.segHi(s), p.segHi(s), where);
        assertEquals(r.featStart(s), p.featStart(s), where);
        assertEquals(r.featEnd(s), p.featEnd(s), where);
        for (int k = r.featStart(s); k < r.featEnd(s); k++) {
          assertEquals(r.featLaw(k), p.featLaw(k), where);
          assertEquals(Double.doubleToRawLongBits(r.featVal(k)), Double.doubleToRawLongBits(p.featVal(k)), where);
        }
      }
    }
    for (int target = 0; target < 2; target++) {
      assertEquals(r.partOf(target), p.partOf(target), at);
    }
  }
}
