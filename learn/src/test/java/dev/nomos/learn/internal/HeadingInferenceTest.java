package dev.nomos.learn.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nomos.learn.Heading;
import dev.nomos.learn.HeadingWorld;
import dev.nomos.runtime.Frame;
import dev.nomos.runtime.trajectory.Episode;
import dev.nomos.stdlib.Side;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HeadingInferenceTest {

  @Test
  void findsTheAttributeThatSaysWhichWayObjectsMove() {
    List<Heading> headings = HeadingInference.infer(HeadingWorld.SCHEMA, List.of(HeadingWorld.square()));
    assertEquals(1, headings.size(), headings.toString());
    Heading h = headings.get(0);
    assertEquals("Agent", h.type());
    assertEquals("dir", h.attribute(), "mood cycles whatever the agent does, so it is not the heading");
    assertEquals(Map.of(0, Side.RIGHT.ordinal(), 1, Side.BOTTOM.ordinal(), 2, Side.LEFT.ordinal(), 3,
        Side.TOP.ordinal()), h.sides());
    assertEquals(1, h.speed());
  }

  @Test
  void noHeadingWhenEveryValueMovesTheSameWay() {
    // The agent always walks right, whatever its dir says: dir does not tell the side.
    List<Frame> frames = new ArrayList<>();
    Frame previous = null;
    for (int k = 0; k < 8; k++) {
      Frame f = HeadingWorld.frame(k, 2, k % 4, 0, 9, 9, false, 1, previous);
      frames.add(f);
      previous = f;
    }
    Episode walk = new Episode(Path.of("walk.jsonl"), 0, frames, new int[frames.size()]);
    assertTrue(HeadingInference.infer(HeadingWorld.SCHEMA, List.of(walk)).isEmpty());
  }

  @Test
  void aValueSeenMovingOnceDoesNotCount() {
    // Right twice with dir 0, left once with dir 2: only one value has enough moves.
    List<Frame> frames = new ArrayList<>();
    int[][] steps = {{2, 0}, {3, 0}, {4, 2}, {3, 2}};
    Frame previous = null;
    for (int[] s : steps) {
      Frame f = HeadingWorld.frame(s[0], 2, s[1], 0, 9, 9, false, 1, previous);
      frames.add(f);
      previous = f;
    }
    Episode walk = new Episode(Path.of("walk.jsonl"), 0, frames, new int[frames.size()]);
    assertTrue(HeadingInference.infer(HeadingWorld.SCHEMA, List.of(walk)).isEmpty());
  }
}
