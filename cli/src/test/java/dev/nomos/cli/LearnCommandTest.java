package dev.nomos.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code nomos learn} end to end on small generated recordings (worlds from {@code nomos init}). */
@Timeout(90)
class LearnCommandTest {
  @TempDir
  Path dir;

  private record Run(int exit, String out, String err) {}

  private static Run run(String... args) {
    CommandLine cl = Main.newCommandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int exit = cl.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  /** A ball bouncing in a walled 12x12 box, without ids (the tracker assigns them), one record per line. */
  private static String bouncingBall(int x, int y, int vx, int vy, int steps) {
    return bouncingBall(0, x, y, vx, vy, steps);
  }

  private static String bouncingBall(int episode, int x, int y, int vx, int vy, int steps) {
    StringBuilder sb = new StringBuilder();
    for (int t = 0; t <= steps; t++) {
      sb.append("{\"episode\":").append(episode).append(",\"t\":").append(t).append(",\"action\":").append(t == steps ? "null" : "\"NOOP\"")
          .append(",\"reward\":0.0,\"done\":").append(t == steps).append(",\"objects\":[")
          .append("{\"type\":\"Ball\",\"x\":").append(x).append(",\"y\":").append(y).append(",\"w\":1,\"h\":1},")
          .append("{\"type\":\"Wall\",\"x\":0,\"y\":0,\"w\":12,\"h\":1},")
          .append("{\"type\":\"Wall\",\"x\":0,\"y\":11,\"w\":12,\"h\":1},")
          .append("{\"type\":\"Wall\",\"x\":0,\"y\":1,\"w\":1,\"h\":10},")
          .append("{\"type\":\"Wall\",\"x\":11,\"y\":1,\"w\":1,\"h\":10}]}\n");
      if (x + vx < 1 || x + vx > 10) {
        vx = -vx;
      }
      if (y + vy < 1 || y + vy > 10) {
        vy = -vy;
      }
      x += vx;
      y += vy;
    }
    return sb.toString();
  }

  @Test
  void saysWhichHeadingsItReadOffTheData() {
    Path keydoor = Path.of("..", "examples", "keydoor");
    assumeTrue(Files.isDirectory(keydoor), "run from the cli module");
    Run r = run("learn", keydoor.toString(), "--iterations", "1", "--no-select", "-o",
        dir.resolve("learned.law").toString());
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("headings read off the data: Agent.dir (0 RIGHT, 1 BOTTOM, 2 LEFT, 3 TOP; step 1)\n"),
        r.out());
  }

  @Test
  void learnADirectoryWritesLawsThatCheckAndAReport() throws IOException {
    Path world = dir.resolve("box");
    Files.createDirectories(world);
    Files.writeString(world.resolve("train.jsonl"), bouncingBall(0, 2, 3, 1, 1, 150) + bouncingBall(1, 6, 2, -1, 1, 150)
        + bouncingBall(2, 3, 8, 1, -1, 150));
    Files.writeString(world.resolve("test.jsonl"), bouncingBall(7, 2, -1, 1, 80));
    assertEquals(0, run("init", "--data", world.resolve("train.jsonl").toString(), "-o",
        world.resolve("world.law").toString()).exit());
    Path report = dir.resolve("report.json");
    Run r = run("learn", world.toString(), "--iterations", "3", "--report", report.toString());
    assertEquals(0, r.exit(), r.out() + r.err());
    assertTrue(r.out().contains("train NLL"), "the table is printed: " + r.out());
    Path learned = world.resolve("learned.law");
    String text = Files.readString(learned);
    assertTrue(text.startsWith("use \"world.law\"\n"), text);
    assertTrue(text.contains(" weight "), text);
    assertEquals(0, run("check", learned.toString()).exit(), text);
    JsonNode json = new ObjectMapper().readTree(report.toFile());
    assertEquals("enumerative", json.get("proposer").asText());
    JsonNode last = json.get("iterations").get(json.get("iterations").size() - 1);
    assertTrue(last.get("test").get("attribute_accuracy").asDouble() > 0.9, json.toString());
    // By default the round and penalty are chosen on a held-out fifth of the training data.
    assertEquals("refit", last.get("stage").asText(), json.toString());
    assertEquals(90, json.get("selection").get("validation_transitions").asInt(), json.toString());
    assertEquals(last.get("iteration").asInt(), json.get("selection").get("round").asInt());
    assertTrue(r.out().contains("selected: round "), r.out());
  }

  @Test
  void learnWithoutSelectionRunsTheLoopOnceOnAllTheData() throws IOException {
    Path world = dir.resolve("box1");
    Files.createDirectories(world);
    Files.writeString(world.resolve("train.jsonl"), bouncingBall(0, 2, 3, 1, 1, 120));
    assertEquals(0, run("init", "--data", world.resolve("train.jsonl").toString(), "-o",
        world.resolve("world.law").toString()).exit());
    Path report = dir.resolve("report1.json");
    Run r = run("learn", world.toString(), "--iterations", "2", "--no-select", "--report", report.toString());
    assertEquals(0, r.exit(), r.out() + r.err());
    JsonNode json = new ObjectMapper().readTree(report.toFile());
    assertTrue(json.get("selection") == null, json.toString());
    for (JsonNode it : json.get("iterations")) {
      assertEquals("loop", it.get("stage").asText(), json.toString());
    }
    Run bad = run("learn", world.toString(), "--validation", "1.5");
    assertEquals(2, bad.exit(), bad.err());
    assertTrue(bad.err().contains("--validation"), bad.err());
  }

  @Test
  void learnStartsFromTheLawsOfTheFilesItIsGivenAndWritesThemBackWithTheirComments() throws IOException {
    Path world = dir.resolve("start");
    Files.createDirectories(world);
    Files.writeString(world.resolve("train.jsonl"), bouncingBall(0, 2, 3, 1, 1, 120) + bouncingBall(1, 6, 2, -1, 1, 120));
    assertEquals(0, run("init", "--data", world.resolve("train.jsonl").toString(), "-o",
        world.resolve("world.law").toString()).exit());
    Path mine = world.resolve("mine.law");
    Files.writeString(mine, """
        // My laws about the box.
        use "world.law"

        // Walls stay put: a law I am sure of.
        law walls_stay weight 3.0 {
          for w: Wall
          then w.vx := 0 // and vy, another day
        }

        // The ball never gets this far in a 12 x 12 box.
        law far_away_stops weight 0.7 {
          for b: Ball
          when b.x > 100
          then b.vx := 0
        }
        """);
    Path out = world.resolve("learned.law");
    Path report = dir.resolve("start.json");
    Run r = run("learn", world.resolve("world.law").toString(), mine.toString(), "--data",
        world.resolve("train.jsonl").toString(), "-o", out.toString(), "--iterations", "2", "--no-select",
        "--report", report.toString());
    assertEquals(0, r.exit(), r.out() + r.err());
    assertTrue(r.out().contains("starting from 2 laws"), r.out());
    assertTrue(r.out().contains("your laws: 2 of 2 kept"), r.out());
    String text = Files.readString(out);
    assertTrue(text.startsWith("use \"world.law\"\n\n// Walls stay put: a law I am sure of.\nlaw walls_stay weight "), text);
    assertTrue(text.contains("then w.vx := 0 // and vy, another day"), text);
    assertTrue(text.contains("// The ball never gets this far in a 12 x 12 box.\nlaw far_away_stops weight 0.7 {"),
        "a law the data never exercises keeps its weight: " + text);
    assertTrue(text.indexOf("law far_away_stops") < text.indexOf("law ", text.indexOf("law far_away_stops") + 4),
        "the learned laws follow the user's: " + text);
    assertEquals(0, run("check", out.toString()).exit(), text);
    JsonNode json = new ObjectMapper().readTree(report.toFile());
    assertTrue(json.get("merged").isArray(), json.toString());
    // The output may not replace the world declaration it uses.
    Run clobber = run("learn", world.resolve("world.law").toString(), mine.toString(), "--data",
        world.resolve("train.jsonl").toString(), "-o", world.resolve("world.law").toString());
    assertEquals(2, clobber.exit(), clobber.err());
    assertTrue(clobber.err().contains("would overwrite the world declaration"), clobber.err());
  }

  @Test
  void learnOnTwoThreadsWritesWhatOneThreadWrites() throws IOException {
    Path world = dir.resolve("threads");
    Files.createDirectories(world);
    Files.writeString(world.resolve("train.jsonl"), bouncingBall(0, 2, 3, 1, 1, 100) + bouncingBall(1, 6, 2, -1, 1, 100));
    assertEquals(0, run("init", "--data", world.resolve("train.jsonl").toString(), "-o",
        world.resolve("world.law").toString()).exit());
    Run one = run("learn", world.toString(), "--iterations", "2", "--threads", "1", "-o",
        world.resolve("one.law").toString());
    Run two = run("learn", world.toString(), "--iterations", "2", "--threads", "2", "-o",
        world.resolve("two.law").toString());
    assertEquals(0, one.exit(), one.err());
    assertEquals(0, two.exit(), two.err());
    assertEquals(Files.readString(world.resolve("one.law")), Files.readString(world.resolve("two.law")));
    assertEquals(withoutSeconds(one.out()).replace("one.law", "X"), withoutSeconds(two.out()).replace("two.law", "X"),
        "the same table, rows in the same order");
    Run none = run("learn", world.toString(), "--threads", "0", "-o", world.resolve("none.law").toString());
    assertEquals(2, none.exit());
    assertTrue(none.err().contains("nomos: --threads must be at least 1, got 0\n"), none.err());
  }

  /** The table and the last line without their seconds. */
  private static String withoutSeconds(String out) {
    return out.replaceAll("(?m)\\s+[0-9.]+$", "").replaceAll("after [0-9.]+ s", "after s");
  }

  @Test
  void learnUsageErrorsExitTwo() {
    assertEquals(2, run("learn", dir.resolve("missing.law").toString(), "--data", "x.jsonl", "-o", "o.law").exit());
  }
}
