package dev.nomos.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class RecordCommandTest {
  @TempDir
  Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cl = Main.newCommandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return cl.execute(args);
  }

  private static List<String> lines(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    if (file.toString().endsWith(".gz")) {
      try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
        bytes = in.readAllBytes();
      }
    }
    return new String(bytes, StandardCharsets.UTF_8).lines().toList();
  }

  @Test
  void recordsTheRequestedTransitionsReproducibly() throws IOException {
    Path a = dir.resolve("a.jsonl");
    Path b = dir.resolve("b.jsonl");
    assertEquals(0, run("record", "pong", "--policy", "random", "--steps", "120", "--seed", "4", "-o", a.toString()), err.toString());
    assertEquals(0, run("record", "pong", "--policy", "random", "--steps", "120", "--seed", "4", "-o", b.toString()), err.toString());
    assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
    List<String> records = lines(a);
    assertEquals(120, records.stream().filter(l -> !l.contains("\"action\":null")).count());
    assertTrue(records.get(0).startsWith("{\"episode\":0,\"t\":0,\"action\":"), records.get(0));
    assertTrue(records.get(records.size() - 1).contains("\"done\":true"));
    assertTrue(out.toString().contains("recorded 120 transitions"), out.toString());
  }

  @Test
  void writesGzipAndPlaysAFixedLevelWithTheGoalPolicy() throws IOException {
    Path file = dir.resolve("k.jsonl.gz");
    assertEquals(0, run("record", "keydoor", "--level", "1", "--policy", "goal", "--epsilon", "0.2", "--steps", "300",
        "-o", file.toString()), err.toString());
    List<String> records = lines(file);
    assertTrue(records.get(0).contains("\"type\":\"Agent\""), records.get(0));
    assertTrue(records.stream().anyMatch(l -> l.contains("\"state\":\"open\"")), "the goal policy opens the door");
  }

  @Test
  void playsAScriptFileAndStopsWithOnce() throws IOException {
    Path script = Files.writeString(dir.resolve("moves.txt"), "# a short walk\nRIGHT\n\nJUMPRIGHT\n");
    Path file = dir.resolve("p.jsonl");
    assertEquals(0, run("record", "platformer", "--level", "0", "--policy", script.toString(), "--once", "--steps", "50",
        "-o", file.toString()), err.toString());
    List<String> records = lines(file);
    assertEquals(3, records.size());
    assertTrue(records.get(0).contains("\"action\":\"RIGHT\"") && records.get(1).contains("\"action\":\"JUMPRIGHT\""));
  }

  @Test
  void readsALevelFile() throws IOException {
    Path levels = Files.writeString(dir.resolve("levels.txt"), "; 0\n#####\n#@$.#\n#####\n; 1\n######\n#@ $.#\n######\n");
    Path file = dir.resolve("s.jsonl");
    assertEquals(0, run("record", "sokoban", "--levels", levels.toString(), "--level", "1", "--policy", "goal",
        "--steps", "3", "-o", file.toString()), err.toString());
    assertTrue(lines(file).get(0).contains("\"type\":\"Player\",\"x\":1,\"y\":1"));
  }

  @Test
  void reportsBadInputInOneLine() throws IOException {
    Path file = dir.resolve("never.jsonl");
    assertEquals(2, run("record", "tetris", "--steps", "5", "-o", file.toString()));
    assertTrue(err.toString().contains("unknown world 'tetris'; the built-in worlds are breakout, crossing, invaders, keydoor"), err.toString());

    Path levels = Files.writeString(dir.resolve("bad.txt"), "#####\n#@$.#\n#?  #\n#####\n");
    assertEquals(1, run("record", "sokoban", "--levels", levels.toString(), "--steps", "5", "-o", file.toString()));
    assertTrue(err.toString().contains("bad.txt:3:2: unexpected character '?'"), err.toString());

    Path script = Files.writeString(dir.resolve("s.txt"), "UP\n  JUMP\n");
    assertEquals(1, run("record", "pong", "--policy", script.toString(), "--steps", "5", "-o", file.toString()));
    assertTrue(err.toString().contains("s.txt:2:3: unknown action 'JUMP'"), err.toString());

    assertEquals(2, run("record", "pong", "--level", "3", "--steps", "5", "-o", file.toString()));
    assertEquals(2, run("record", "pong", "--levels", levels.toString(), "--steps", "5", "-o", file.toString()));
    assertEquals(2, run("record", "pong", "--policy", "smart", "--steps", "5", "-o", file.toString()));
    assertEquals(2, run("record", "pong", "-o", file.toString()));
    assertFalse(Files.exists(file), "no output on failure");
  }
}
