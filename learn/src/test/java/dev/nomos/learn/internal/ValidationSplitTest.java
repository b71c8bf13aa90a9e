package dev.nomos.learn.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nomos.runtime.EntityType;
import dev.nomos.runtime.Frame;
import dev.nomos.runtime.WorldSchema;
import dev.nomos.runtime.trajectory.Episode;
import dev.nomos.runtime.trajectory.Episodes;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValidationSplitTest {
  private static final WorldSchema SCHEMA = new WorldSchema("W", 100, 10, -1, 1, List.of("NOOP"),
      List.of(new EntityType("Ball", 0, List.of())));

  private static Episode episode(int number, int transitions) {
    List<Frame> frames = new ArrayList<>();
    Frame previous = null;
    for (int t = 0; t <= transitions; t++) {
      previous = Frame.builder(SCHEMA).add(1, 0, t, 0, 1, 1).action(0).previous(previous).build();
      frames.add(previous);
    }
    int[] lines = new int[frames.size()];
    for (int k = 0; k < lines.length; k++) {
      lines[k] = 100 * number + k;
    }
    return new Episode(Path.of("e.jsonl"), number, frames, lines);
  }

  @Test
  void wholeEpisodesAreHeldOutWhenABoundaryIsNearTheShare() {
    List<Episode> episodes = List.of(episode(0, 30), episode(1, 30), episode(2, 30), episode(3, 30), episode(4, 30));
    ValidationSplit split = ValidationSplit.of(episodes, 0.2);
    assertEquals(4, split.fit().size());
    assertEquals(1, split.validation().size());
    assertSame(episodes.get(4), split.validation().get(0));
  }

  @Test
  void oneLongEpisodeIsCutSoTheLastTransitionsAreHeldOut() {
    List<Episode> episodes = List.of(episode(0, 60), episode(1, 40));
    ValidationSplit split = ValidationSplit.of(episodes, 0.2);
    assertEquals(80, Episodes.transitions(split.fit()));
    assertEquals(20, Episodes.transitions(split.validation()));
    Episode tail = split.validation().get(0);
    assertEquals(20, tail.firstStep());
    assertEquals(20, tail.frames().get(0).get(0, 0), "the tail starts at the cut frame");
    assertEquals(120, tail.lines()[0], "lines still point at the file");
    assertEquals(19, tail.frames().get(0).previous().get(0, 0),
        "the tail's history reaches back into the part learned from");
    assertTrue(split.fit().get(1).frames().size() == 21);
  }

  @Test
  void tooLittleDataIsNotSplit() {
    ValidationSplit split = ValidationSplit.of(List.of(episode(0, 2)), 0.2);
    assertTrue(split.validation().isEmpty());
    assertEquals(1, split.fit().size());
  }
}
