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
  void everyFifthEpisodeIsHeldOutWhenThereAreEnough() {
    List<Episode> episodes = new ArrayList<>();
    for (int k = 0; k < 10; k++) {
      episodes.add(episode(k, 30));
    }
    ValidationSplit split = ValidationSplit.of(episodes, 0.2);
    assertEquals(8, split.fit().size());
    assertEquals(List.of(episodes.get(4), episodes.get(9)), split.validation());
  }

  @Test
  void fewEpisodesAreCutIntoBlocksSpreadOverTheWholeRecording() {
    // 100 transitions: blocks of 5, every fifth held out, over both episodes.
    List<Episode> episodes = List.of(episode(0, 60), episode(1, 40));
    ValidationSplit split = ValidationSplit.of(episodes, 0.2);
    assertEquals(80, Episodes.transitions(split.fit()));
    assertEquals(20, Episodes.transitions(split.validation()));
    // Blocks are counted on over the episodes: the second episode's are the 13th to the 20th.
    assertEquals(List.of(20, 45, 70, 95), split.validation().stream()
        .map(e -> e.frames().get(0).get(0, 0) + 60 * e.number()).toList(),
        "the held-out blocks start at transitions 20, 45, 60 + 10 and 60 + 35");
    Episode second = split.validation().get(1);
    assertEquals(45, second.firstStep());
    assertEquals(45, second.lines()[0], "lines still point at the file");
    assertEquals(44, second.frames().get(0).previous().get(0, 0),
        "a held-out block's history reaches back into the part learned from");
    assertEquals(List.of(0, 25, 50, 0, 15), split.fit().stream().map(Episode::firstStep).toList(),
        "consecutive blocks learned from are one piece");
    assertEquals(List.of(20, 20, 10, 10, 20), split.fit().stream().map(Episode::transitions).toList());
  }

  @Test
  void fewEpisodesOfVeryDifferentLengthsStillSplitNearTheShare() {
    List<Episode> episodes = new ArrayList<>();
    for (int k = 0; k < 5; k++) {
      episodes.add(episode(k, k == 4 ? 200 : 10));
    }
    ValidationSplit split = ValidationSplit.of(episodes, 0.2);
    long held = Episodes.transitions(split.validation());
    assertTrue(held >= 40 && held <= 56, "about a fifth of 240 held out, not the long episode: " + held);
    assertEquals(240, Episodes.transitions(split.fit()) + held);
  }

  @Test
  void tooLittleDataIsNotSplit() {
    ValidationSplit split = ValidationSplit.of(List.of(episode(0, 2)), 0.2);
    assertTrue(split.validation().isEmpty());
    assertEquals(1, split.fit().size());
  }
}
