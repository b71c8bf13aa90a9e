package dev.nomos.worlds;

import static dev.nomos.worlds.Records.first;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.nomos.runtime.trajectory.ObjectState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SokobanTest {

  private static World world(String level) throws LevelFormatException {
    World w = Worlds.sokoban(SokobanLevels.parse(level, "test"));
    w.reset(1, 0);
    return w;
  }

  private static ObjectState player(World w) {
    return w.objects().stream().filter(o -> o.type().equals("Player")).findFirst().orElseThrow();
  }

  private static List<ObjectState> boxes(World w) {
    return w.objects().stream().filter(o -> o.type().equals("Box")).toList();
  }

  @Test
  void pushingABoxIntoAWallIsBlocked() throws Exception {
    World w = world("######\n#.@$#\n######\n");
    List<ObjectState> before = w.objects();
    assertEquals(0, w.step("RIGHT"));
    assertEquals(before, w.objects());
  }

  @Test
  void pushingABoxIntoAnotherBoxIsBlocked() throws Exception {
    World w = world("#######\n#@$$..#\n#######\n");
    List<ObjectState> before = w.objects();
    w.step("RIGHT");
    assertEquals(before, w.objects());
  }

  @Test
  void wallsStopThePlayer() throws Exception {
    World w = world("######\n#.@$#\n######\n");
    w.step("LEFT");
    assertEquals(1, player(w).x());
    w.step("LEFT");
    assertEquals(1, player(w).x());
    w.step("UP");
    assertEquals(1, player(w).y());
  }

  @Test
  void pushingMovesTheBoxAndSolvingEndsTheEpisode() throws Exception {
    World w = world("######\n#@$ .#\n######\n");
    assertEquals(0, w.step("RIGHT"));
    assertEquals(2, player(w).x());
    assertEquals(3, boxes(w).get(0).x());
    assertFalse(w.done());
    assertEquals(11, w.step("RIGHT"));
    assertEquals(4, boxes(w).get(0).x());
    assertTrue(w.done());
  }

  @Test
  void pushingABoxOffAGoalCostsOne() throws Exception {
    World w = world("#######\n#@*   #\n#.$   #\n#######\n");
    assertEquals(-1, w.step("RIGHT"));
  }

  @Test
  void wallsAreReportedAsRectanglesCoveringExactlyTheWallCells() {
    World w = Worlds.create("sokoban");
    for (int level = 0; level < w.levelCount(); level++) {
      w.reset(1, level);
      SokobanLevel l = SokobanLevels.builtIn().get(level);
      Set<String> covered = new HashSet<>();
      int wallCells = 0;
      for (int y = 0; y < l.height(); y++) {
        for (int x = 0; x < l.width(); x++) {
          wallCells += l.walls()[y][x] ? 1 : 0;
        }
      }
      List<ObjectState> walls = w.objects().stream().filter(o -> o.type().equals("Wall")).toList();
      for (ObjectState r : walls) {
        for (int y = r.y(); y < r.y() + r.h(); y++) {
          for (int x = r.x(); x < r.x() + r.w(); x++) {
            assertTrue(l.walls()[y][x], "rectangle covers a non-wall cell " + x + "," + y);
            assertTrue(covered.add(x + "," + y), "rectangles overlap at " + x + "," + y);
          }
        }
      }
      assertEquals(wallCells, covered.size());
      assertTrue(walls.size() < wallCells / 2, "walls merge: " + walls.size() + " rectangles for " + wallCells + " cells");
    }
  }

  @Test
  void theGoalPolicySolvesEveryBuiltInLevel() {
    World w = Worlds.create("sokoban");
    for (int level = 0; level < w.levelCount(); level++) {
      var records = Recorder.record(w, Policies.goal(w, 1, 0), 199, 1, level);
      assertTrue(records.stream().anyMatch(r -> r.reward() >= 10), "level " + level + " solved");
    }
  }

  @Test
  void parsesNamesAndSpecialCells() throws Exception {
    List<SokobanLevel> levels = SokobanLevels.parse("; first\n######\n#+*$ #\n######\n\n#####\n#@$.#\n#####\n", "x");
    assertEquals(2, levels.size());
    assertEquals("first", levels.get(0).name());
    assertEquals("1", levels.get(1).name());
    assertEquals(List.of(1, 1), List.of(levels.get(0).player()[0], levels.get(0).player()[1]));
    assertEquals(2, levels.get(0).goals().size());
    assertTrue(levels.get(0).isWall(-1, 0) && levels.get(0).isWall(9, 9), "outside counts as wall");
  }

  @Test
  void levelErrorsNameLineAndColumn() {
    LevelFormatException bad = assertThrows(LevelFormatException.class,
        () -> SokobanLevels.parse("; a\n#####\n#@$.#\n#x  #\n#####\n", "lv.txt"));
    assertEquals(4, bad.line());
    assertEquals(2, bad.column());
    assertTrue(bad.getMessage().startsWith("lv.txt:4:2: unexpected character 'x'"), bad.getMessage());

    LevelFormatException two = assertThrows(LevelFormatException.class,
        () -> SokobanLevels.parse("######\n#@$.@#\n######\n", "lv.txt"));
    assertEquals(2, two.line());
    assertEquals(5, two.column());

    LevelFormatException none = assertThrows(LevelFormatException.class,
        () -> SokobanLevels.parse("\n\n#####\n# $.#\n#####\n", "lv.txt"));
    assertEquals(3, none.line());
    assertTrue(none.getMessage().contains("no player"), none.getMessage());

    LevelFormatException counts = assertThrows(LevelFormatException.class,
        () -> SokobanLevels.parse("#####\n#@$ #\n#####\n", "lv.txt"));
    assertTrue(counts.getMessage().contains("1 boxes but 0 goals"), counts.getMessage());

    assertThrows(LevelFormatException.class, () -> SokobanLevels.parse("\n; only a header\n", "lv.txt"));
  }

  @Test
  void readsTheBoxobanSample() throws Exception {
    Path file = Path.of("../../shared/datasets/boxoban/unfiltered_test_000.txt");
    assumeTrue(Files.exists(file), "Boxoban sample not present");
    List<SokobanLevel> levels = SokobanLevels.read(file);
    assertEquals(1000, levels.size());
    for (int i = 0; i < levels.size(); i++) {
      SokobanLevel l = levels.get(i);
      assertEquals(String.valueOf(i), l.name());
      assertEquals(10, l.width());
      assertEquals(10, l.height());
      assertEquals(4, l.boxes().size());
    }
    World w = Worlds.sokoban(levels);
    var records = Recorder.record(w, Policies.random(4), 300, 4, 999);
    assertEquals(300, records.stream().filter(r -> r.action() != null).count());
    assertEquals(4, records.get(0).objects().stream().filter(o -> o.type().equals("Box")).count());
    assertEquals("Player", first(records.get(0), "Player").type());
  }
}
