package dev.nomos.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.nomos.runtime.trajectory.Episode;
import dev.nomos.runtime.trajectory.Episodes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a frame knows about time: its step in the episode and how old each object is. */
class FrameTimeTest {
  private static final WorldSchema SCHEMA = new WorldSchema("W", 100, 100, -5, 5, List.of("NOOP", "UP"),
      List.of(new EntityType("Ball", 0, List.of()), new EntityType("Sword", 1, List.of())));

  /** The next frame: ball 7 always, sword 9 when {@code sword}. */
  private static Frame next(Frame previous, boolean sword) {
    Frame.Builder b = Frame.builder(SCHEMA).previous(previous).action(0).add(7, 0, 10, 10, 2, 2);
    if (sword) {
      b.add(9, 1, 20, 20, 4, 1);
    }
    return b.build();
  }

  @Test
  void stepsCountFromZeroOrFromTheStepGiven() {
    Frame f0 = next(null, false);
    Frame f1 = next(f0, false);
    assertEquals(0, f0.step());
    assertEquals(1, f1.step());
    Frame g0 = Frame.builder(SCHEMA).step(40).add(7, 0, 1, 1, 1, 1).build();
    Frame g1 = Frame.builder(SCHEMA).previous(g0).add(7, 0, 1, 1, 1, 1).build();
    assertEquals(40, g0.step());
    assertEquals(41, g1.step());
  }

  @Test
  void ageCountsStepsSinceAppearingAndRestartsOnReturn() {
    Frame f = next(null, false);
    f = next(f, true); // the sword appears
    f = next(f, true);
    f = next(f, true);
    int sword = f.indexOfId(9);
    assertEquals(2, f.age(sword));
    assertEquals(3, f.age(f.indexOfId(7)));
    f = next(f, false); // gone
    f = next(f, true); // back with the same id: a new appearance
    assertEquals(0, f.age(f.indexOfId(9)));
    assertEquals(5, f.age(f.indexOfId(7)));
  }

  @Test
  void ageOutlivesTheHistoryWindow() {
    Frame f = null;
    for (int t = 0; t < 40; t++) {
      f = next(f, t >= 3);
    }
    assertEquals(39, f.age(f.indexOfId(7)));
    assertEquals(36, f.age(f.indexOfId(9)));
    assertEquals(39, f.step());
    // The oldest frame kept still knows its own step and ages after the cut.
    Frame oldest = f.back(Frame.MAX_HISTORY);
    assertEquals(39 - Frame.MAX_HISTORY, oldest.step());
    assertEquals(36 - Frame.MAX_HISTORY, oldest.age(oldest.indexOfId(9)));
    assertNull(oldest.previous());
  }

  @Test
  void indexBackFollowsAnObjectOnlyWhileItWasThere() {
    Frame f0 = next(null, true);
    Frame f1 = next(f0, false);
    Frame f2 = next(f1, true);
    Frame f3 = next(f2, true);
    int sword = f3.indexOfId(9);
    assertEquals(f2.indexOfId(9), f3.indexBack(sword, 1));
    assertEquals(-1, f3.indexBack(sword, 2)); // absent at f1
    assertEquals(-1, f3.indexBack(sword, 3)); // there at f0, but not throughout
    assertEquals(f0.indexOfId(7), f3.indexBack(f3.indexOfId(7), 3));
    assertEquals(-1, f3.indexBack(f3.indexOfId(7), 4)); // before the episode
    // Frames behind are shared, not copied: back(2) is f1's objects and history, seen from f3.
    Frame back2 = f3.back(2);
    assertEquals(f1.step(), back2.step());
    assertEquals(f1.size(), back2.size());
    assertEquals(f1.indexOfId(7), back2.indexOfId(7));
    assertEquals(f1.action(), back2.action());
    assertEquals(1, back2.historyDepth());
    assertEquals(f0.step(), back2.previous().step());
    assertSame(f3, f3.back(0));
    assertNull(f3.back(4));
    assertNull(f3.back(-1));
    assertEquals(-1, f3.indexBack(sword, -1));
  }

  @Test
  void anotherActionKeepsStepAndAges() {
    Frame f0 = Frame.builder(SCHEMA).step(12).add(7, 0, 1, 1, 1, 1).build();
    Frame f1 = next(f0, false);
    Frame changed = f1.withAction(1);
    assertEquals(1, changed.action());
    assertEquals(13, changed.step());
    assertEquals(1, changed.age(changed.indexOfId(7)));
    assertSame(f1, f1.withAction(f1.action()));
  }

  @Test
  void recordingsStartAtTheStepOfTheirFirstRecord(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("late.jsonl");
    String object = "\"objects\":[{\"id\":1,\"type\":\"Ball\",\"x\":1,\"y\":1,\"w\":1,\"h\":1}]";
    Files.writeString(file, String.join("\n",
        "{\"episode\":0,\"t\":0,\"action\":\"NOOP\"," + object + "}",
        "{\"episode\":0,\"t\":1,\"action\":\"NOOP\"," + object + "}",
        "{\"episode\":1,\"t\":30,\"action\":\"UP\"," + object + "}",
        "{\"episode\":1,\"t\":31,\"action\":\"UP\"," + object + "}") + "\n");
    List<Episode> episodes = Episodes.read(file, SCHEMA);
    assertEquals(1, episodes.get(0).frames().get(1).step());
    Frame late = episodes.get(1).frames().get(1);
    assertEquals(31, late.step());
    // Ages count from the first frame of the recording, whatever its step.
    assertEquals(1, late.age(0));
  }
}
