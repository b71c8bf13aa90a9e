package dev.nomos.cli;

import static dev.nomos.cli.Run.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.nomos.compiler.codegen.Engine;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code nomos init} on small generated recordings: grids, int ranges, names, action order, several files. */
class InitCommandTest {
  @TempDir
  Path dir;

  /** One record line: {@code objects} are JSON object bodies without braces. */
  private static String record(int episode, int t, String action, String... objects) {
    StringBuilder sb = new StringBuilder();
    sb.append("{\"episode\":").append(episode).append(",\"t\":").append(t).append(",\"action\":")
        .append(action == null ? "null" : "\"" + action + "\"").append(",\"done\":").append(action == null)
        .append(",\"objects\":[");
    for (int i = 0; i < objects.length; i++) {
      sb.append(i == 0 ? "{" : ",{").append(objects[i]).append('}');
    }
    return sb.append("]}\n").toString();
  }

  private static String box(String type, int x, int y, int w, int h) {
    return "\"type\":\"" + type + "\",\"x\":" + x + ",\"y\":" + y + ",\"w\":" + w + ",\"h\":" + h;
  }

  /**
   * A maze of 16-pixel cells whose lattice starts at (8, 4), walls drawn as long rectangles, and an
   * avatar stepping one cell at a time: the grid must be found from positions and sizes.
   */
  private static String pixelMaze(int steps) {
    StringBuilder sb = new StringBuilder();
    int x = 8 + 16;
    for (int t = 0; t <= steps; t++) {
      sb.append(record(0, t, t == steps ? null : "RIGHT", box("avatar", x, 4 + 16, 16, 16),
          box("wall", 8, 4, 160, 16), box("wall", 8, 4 + 64, 160, 16), box("wall", 8, 4 + 16, 16, 48),
          box("goal", 8 + 144, 4 + 32, 16, 16)));
      x = x + 16 > 8 + 128 ? 8 + 16 : x + 16;
    }
    return sb.toString();
  }

  @Test
  void rectangleWallsOnALatticeMakeAGrid() throws IOException {
    Path data = dir.resolve("maze_train.jsonl");
    Files.writeString(data, pixelMaze(30));
    Run r = run("init", "--data", data.toString());
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("world Maze {"), r.out());
    assertTrue(r.out().contains("contact_gap 0"), r.out());
    assertTrue(r.out().contains("// grid: every object sits on a lattice of 16-unit cells at offset (8, 4); wall as"
        + " rectangles of whole cells"), r.out());
    assertTrue(r.out().contains("screen 168 x 84"), r.out());
    // The largest step is one cell (16) (the wrap back to the start is a teleport); a quarter more, in whole cells.
    assertTrue(r.out().contains("velocity -32..32  // largest step seen: 16"), r.out());
    assertEquals("", r.err());
    assertChecks(r.out());
  }

  /** The report that started this: a cell grid whose walls are rectangles used to get no contact_gap 0. */
  @Test
  void aCellGridWithRectangleWallsGetsContactGapZero() throws IOException {
    StringBuilder sb = new StringBuilder();
    for (int t = 0; t <= 10; t++) {
      sb.append(record(0, t, t == 10 ? null : "NOOP", box("Ball", 1 + t % 5, 2, 1, 1), box("Wall", 0, 0, 12, 1),
          box("Wall", 0, 11, 12, 1), box("Wall", 0, 1, 1, 10), box("Wall", 11, 1, 1, 10)));
    }
    Path data = dir.resolve("box.jsonl");
    Files.writeString(data, sb.toString());
    Run r = run("init", "--data", data.toString());
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("contact_gap 0"), r.out());
    assertTrue(r.out().contains("lattice of 1-unit cells; Wall as rectangles of whole cells"), r.out());
  }

  @Test
  void pixelSpritesOfOddSizesAreNoGrid() throws IOException {
    StringBuilder sb = new StringBuilder();
    for (int t = 0; t <= 10; t++) {
      sb.append(record(0, t, t == 10 ? null : "UP", box("Paddle", 3, 40 + 3 * t, 4, 16),
          box("Ball", 50 + 5 * t, 60 - 3 * t, 2, 4)));
    }
    Path data = dir.resolve("pong.jsonl");
    Files.writeString(data, sb.toString());
    Run r = run("init", "--data", data.toString());
    assertEquals(0, r.exit(), r.err());
    assertFalse(r.out().contains("\n  contact_gap"), r.out());
    assertTrue(r.out().contains("// not a grid (no entity type is usually square"), r.out());
  }

  @Test
  void cellSizedSpritesWanderingOverPixelsAreNoGridWithAWarning() throws IOException {
    StringBuilder sb = new StringBuilder();
    for (int t = 0; t <= 10; t++) {
      sb.append(record(0, t, t == 10 ? null : "NIL", box("bee", 3 * t + 1, 7 + t, 8, 8), box("wasp", 50 - 3 * t, 9, 8, 8)));
    }
    Path data = dir.resolve("hive.jsonl");
    Files.writeString(data, sb.toString());
    Run r = run("init", "--data", data.toString());
    assertEquals(0, r.exit(), r.err());
    assertFalse(r.out().contains("\n  contact_gap"), r.out());
    assertTrue(r.err().startsWith("nomos: warning: no contact_gap 0: the objects' sizes look like a grid of 8-unit"
        + " cells, but only "), r.err());
  }

  @Test
  void spritesBetweenCellsAreNamedInACommentAndAWarning() throws IOException {
    StringBuilder sb = new StringBuilder();
    for (int t = 0; t <= 20; t++) {
      List<String> objects = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        objects.add(box("base", 32 * i, 320, 32, 32));
      }
      objects.add(box("alien", 5 * t, 64, 32, 32));
      sb.append(record(0, t, t == 20 ? null : "NIL", objects.toArray(String[]::new)));
    }
    Path data = dir.resolve("invaders.jsonl");
    Files.writeString(data, sb.toString());
    Run r = run("init", "--data", data.toString());
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("contact_gap 0"), r.out());
    assertTrue(r.out().contains("// off it: alien (5% on it)"), r.out());
    assertTrue(r.err().contains("nomos: warning: contact_gap 0, although objects of alien leave the lattice of 32-unit cells"),
        r.err());
  }

  @Test
  void intRangesGetRoomAndTheTestLevelReads() throws IOException {
    String[] headings = {"0", "1", "2", "3", "0", "3"};
    StringBuilder train = new StringBuilder();
    for (int t = 0; t < headings.length; t++) {
      train.append(record(0, t, t == headings.length - 1 ? null : "TURN",
          box("hero", 1, 1, 1, 1) + ",\"hp\":" + (2 - t % 3) + ",\"dir\":" + headings[t] + ",\"tilt\":" + (t - 2)));
    }
    Path data = dir.resolve("quest_lvl0_train.jsonl");
    Files.writeString(data, train.toString());
    Run r = run("init", "--data", data.toString(), "-o", dir.resolve("world.law").toString());
    assertEquals(0, r.exit(), r.err());
    String world = Files.readString(dir.resolve("world.law"));
    // hp 0..2 gets half its width (1) above; dir wraps 3 -> 0 so it is exact; tilt -2..3 grows both ways.
    assertTrue(world.contains("entity hero { hp: int 0..3, dir: int 0..3, tilt: int -5..6 }  // seen: hp 0..2, tilt -2..3"),
        world);
    // The test level shows an hp of 3, which training never did.
    Path test = dir.resolve("quest_lvl1_test.jsonl");
    Files.writeString(test, record(0, 0, "TURN", box("hero", 1, 1, 1, 1) + ",\"hp\":3,\"dir\":0,\"tilt\":0")
        + record(0, 1, null, box("hero", 1, 1, 1, 1) + ",\"hp\":2,\"dir\":1,\"tilt\":0"));
    Run eval = run("eval", dir.resolve("world.law").toString(), "--data", test.toString());
    assertEquals(0, eval.exit(), eval.err());
  }

  @Test
  void theWorldIsNamedAfterTheEnvironment() throws IOException {
    String one = record(0, 0, "GO", box("a", 0, 0, 1, 1)) + record(0, 1, null, box("a", 1, 0, 1, 1));
    Path minigrid = dir.resolve("MiniGrid-DoorKey-5x5-v0_seed1000_train.jsonl");
    Files.writeString(minigrid, one);
    assertTrue(run("init", "--data", minigrid.toString()).out().contains("world MiniGridDoorKey5x5 {"));
    Path pong = dir.resolve("pong");
    Files.createDirectories(pong);
    Files.writeString(pong.resolve("train.jsonl"), one);
    assertTrue(run("init", "--data", pong.resolve("train.jsonl").toString()).out().contains("world Pong {"));
    Run named = run("init", "--data", minigrid.toString(), "--name", "Doors");
    assertTrue(named.out().contains("world Doors {"), named.out());
  }

  @Test
  void actionsComeInTheOrderTheDataFirstTakesThem() throws IOException {
    Path data = dir.resolve("walk.jsonl");
    Files.writeString(data, record(0, 0, "RIGHT", box("a", 0, 0, 1, 1)) + record(0, 1, "NOOP", box("a", 1, 0, 1, 1))
        + record(0, 2, "LEFT", box("a", 1, 0, 1, 1)) + record(0, 3, "RIGHT", box("a", 0, 0, 1, 1))
        + record(0, 4, null, box("a", 1, 0, 1, 1)));
    Run r = run("init", "--data", data.toString());
    assertTrue(r.out().contains("actions RIGHT, NOOP, LEFT\n"), r.out());
    Run given = run("init", "--data", data.toString(), "--actions", "NOOP,LEFT,RIGHT,JUMP");
    assertEquals(0, given.exit(), given.err());
    assertTrue(given.out().contains("actions NOOP, LEFT, RIGHT, JUMP\n"), given.out());
    Run missing = run("init", "--data", data.toString(), "--actions", "LEFT,RIGHT");
    assertEquals(1, missing.exit());
    assertTrue(missing.err().contains("the data takes action NOOP, which --actions does not list"), missing.err());
  }

  @Test
  void severalFilesAreMerged() throws IOException {
    Path first = dir.resolve("keys_lvl0_train.jsonl");
    Files.writeString(first, record(0, 0, "UP", box("agent", 1, 1, 1, 1) + ",\"carrying\":\"none\",\"hp\":2")
        + record(0, 1, null, box("agent", 1, 0, 1, 1) + ",\"carrying\":\"none\",\"hp\":1"));
    Path second = dir.resolve("keys_lvl1_train.jsonl");
    Files.writeString(second, record(0, 0, "PICKUP", box("agent", 2, 2, 1, 1) + ",\"carrying\":\"key\",\"hp\":4",
            box("door", 4, 4, 1, 1) + ",\"locked\":true")
        + record(0, 1, null, box("agent", 2, 2, 1, 1) + ",\"carrying\":\"key\",\"hp\":4",
            box("door", 4, 4, 1, 1) + ",\"locked\":false"));
    Run r = run("init", "--data", first.toString(), "--data", second.toString());
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().startsWith("/// Inferred by `nomos init` from " + first + ", " + second
        + " (4 records, 2 episodes).\nworld Keys {\n"), r.out());
    assertTrue(r.out().contains("screen 5 x 5"), r.out());
    assertTrue(r.out().contains("actions UP, PICKUP\n"), r.out());
    assertTrue(r.out().contains("entity agent { carrying: {none, key}, hp: int 0..6 }"), r.out());
    assertTrue(r.out().contains("entity door { locked: bool }"), r.out());
    // The step from the first file's last record to the second file's first is no step at all.
    assertTrue(r.out().contains("// largest step seen: 1\n"), r.out());
  }

  @Test
  void badDataIsOneLineNamingFileAndRecord() throws IOException {
    Path bad = dir.resolve("bad.jsonl");
    Files.writeString(bad, record(0, 0, "go-left", box("a", 1, 1, 1, 1)));
    Run r = run("init", "--data", bad.toString());
    assertEquals(1, r.exit());
    assertEquals("nomos: " + bad + ": record 1: action \"go-left\" cannot be a Nomos name (a letter or _ then letters,"
        + " digits, _; not a keyword); rename it in the data\n", r.err());
    Path clash = dir.resolve("clash.jsonl");
    Files.writeString(clash, record(0, 0, "GO", box("a", 1, 1, 1, 1) + ",\"n\":1")
        + record(0, 1, null, box("a", 1, 1, 1, 1) + ",\"n\":\"one\""));
    Run k = run("init", "--data", clash.toString());
    assertEquals(1, k.exit());
    assertTrue(k.err().contains(clash + ": record 2: attribute n of a holds a symbol here but an int before"), k.err());
  }

  /** The external recordings in examples/external (copies of ../shared/datasets): each test level reads. */
  @Test
  void everyExternalTrainingRecordingGivesAWorldItsTestFileReads() throws IOException {
    Path external = Path.of("..", "examples", "external");
    assumeTrue(Files.isDirectory(external), "run from the cli module");
    List<Path> games;
    try (var dirs = Files.list(external)) {
      games = dirs.filter(d -> Files.isRegularFile(d.resolve("train.jsonl.gz"))).sorted().toList();
    }
    assertFalse(games.isEmpty());
    for (Path game : games) {
      Path world = dir.resolve(game.getFileName() + ".law");
      Run r = run("init", "--data", game.resolve("train.jsonl.gz").toString(), "-o", world.toString());
      assertEquals(0, r.exit(), r.err());
      String name = game.getFileName().toString();
      assertTrue(Files.readString(world).contains("world " + Character.toUpperCase(name.charAt(0)) + name.substring(1)
          + " {"), "named after the directory");
      ModelInput input = ModelInput.load(List.of(world), Engine.INTERPRETED, null, null,
          new PrintWriter(new StringWriter()));
      assertFalse(ModelInput.readData(List.of(game.resolve("test.jsonl.gz")), input.model.schema(), true,
          new PrintWriter(new StringWriter())).episodes().isEmpty(),
          game.toString());
    }
  }

  @Test
  void colourAttributesOfSeveralTypesGetOneSharedTypeUnlessAskedNot() throws IOException {
    StringBuilder sb = new StringBuilder();
    for (int t = 0; t <= 3; t++) {
      sb.append(record(0, t, t == 3 ? null : "NOOP",
          box("key", 1, 1, 1, 1) + ",\"color\":\"yellow\"",
          box("door", 2, 1, 1, 1) + ",\"color\":\"yellow\",\"state\":\"locked\"",
          box("agent", 3, 1, 1, 1) + ",\"carrying\":\"none\",\"carrying_color\":\""
              + (t < 2 ? "none" : "red") + "\""));
    }
    Path data = dir.resolve("doors_train.jsonl");
    Files.writeString(data, sb.toString());
    Run r = run("init", "--data", data.toString());
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("  // shared by key.color, door.color, agent.carrying_color\n  enum Color { yellow, none, red }"),
        r.out());
    assertTrue(r.out().contains("entity agent { carrying: {none}, carrying_color: Color }"), r.out());
    assertChecks(r.out());
    Run own = run("init", "--data", data.toString(), "--no-shared-types");
    assertTrue(own.out().contains("entity key { color: {yellow} }") && !own.out().contains("enum"), own.out());
  }

  private void assertChecks(String text) throws IOException {
    Path world = dir.resolve("checked.law");
    Files.writeString(world, text);
    Run check = run("check", world.toString());
    assertEquals(0, check.exit(), check.out() + check.err());
  }
}
