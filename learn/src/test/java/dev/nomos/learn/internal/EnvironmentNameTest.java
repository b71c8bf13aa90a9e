package dev.nomos.learn.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class EnvironmentNameTest {

  private static String name(String... files) {
    return EnvironmentName.of(List.of(files).stream().map(Path::of).toList());
  }

  @Test
  void seedsLevelsSplitsAndVersionsAreDropped() {
    assertEquals("MiniGridDoorKey5x5", name("/d/MiniGrid-DoorKey-5x5-v0_seed1000_train.jsonl.gz"));
    assertEquals("Zelda", name("zelda_lvl1_train.jsonl.gz"));
    assertEquals("Aliens", name("aliens_lvl2_test.jsonl"));
    assertEquals("SpaceInvaders", name("space-invaders.level_3.seed-7.validation.json"));
    assertEquals("BoxobanHard", name("boxoban_hard_0001_rollouts.jsonl"));
  }

  @Test
  void aFileNamedOnlyBySplitTakesItsDirectoryName() {
    assertEquals("Pong", name("/x/examples/pong/train.jsonl"));
    assertEquals("Pong", name("/x/pong/data/test.jsonl.gz"));
  }

  @Test
  void theNameIsAlwaysAnIdentifier() {
    assertEquals("World3dMaze", name("/3d-maze_train.jsonl"));
    assertEquals("World", name("/train.jsonl"));
  }

  @Test
  void severalFilesKeepTheWordsTheyShare() {
    assertEquals("Zelda", name("zelda_lvl1_train.jsonl", "zelda_lvl3_train.jsonl"));
    assertEquals("Maze", name("maze_small_train.jsonl", "maze_large_train.jsonl"));
    assertEquals("Pong", name("pong_train.jsonl", "breakout_train.jsonl"));
  }
}
