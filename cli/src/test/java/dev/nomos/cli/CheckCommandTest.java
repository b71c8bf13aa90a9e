package dev.nomos.cli;

import static dev.nomos.cli.Run.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckCommandTest {
  private static final String WORLD = """
      world Pong {
        screen 160 x 210
        velocity -30..30
        actions NOOP, UP, DOWN
        entity Player
        entity Ball
      }
      """;

  @TempDir
  Path dir;



  private Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text);
    return p;
  }

  @Test
  void cleanFilesExitZeroWithASummary() throws IOException {
    Path world = write("world.law", WORLD);
    Path laws = write("laws.law", "use \"world.law\"\nlaw a { for b: Ball then b.vx := b.vx }\n");
    Run r = run("check", world.toString(), laws.toString());
    assertEquals(0, r.exit(), r.out() + r.err());
    assertEquals("0 errors, 0 warnings in 2 files\n", r.out());
  }

  @Test
  void errorsExitOneAndAreRenderedWithCarets() throws IOException {
    write("world.law", WORLD);
    Path laws = write("laws.law", "use \"world.law\"\nlaw a { for b: Bal, p: Player then p.vx := 1 }\n");
    Run r = run("check", laws.toString());
    assertEquals(1, r.exit());
    assertTrue(r.out().startsWith(laws + ":2:16: error[N101]: unknown type `Bal`\n"), r.out());
    assertTrue(r.out().contains("  = hint: did you mean `Ball`?\n"), r.out());
    assertTrue(r.out().endsWith("1 error, 0 warnings in 2 files\n"), r.out());
  }

  @Test
  void warningsAloneExitZero() throws IOException {
    Path f = write("w.law", WORLD + "law a { for b: Ball, p: Player then b.vx := 1 }\n");
    Run r = run("check", f.toString());
    assertEquals(0, r.exit());
    assertTrue(r.out().contains("warning[N402]"), r.out());
    assertTrue(r.out().endsWith("0 errors, 1 warning in 1 file\n"), r.out());
  }

  @Test
  void filesOfDifferentWorldsAreCheckedSeparately() throws IOException {
    Path a = write("a.law", WORLD + "law a { for b: Ball then b.vx := b.vx }\n");
    Path b = write("b.law", WORLD.replace("Pong", "Other") + "law a { for b: Ball then b.vx := b.vx }\n");
    assertEquals(0, run("check", a.toString(), b.toString()).exit());
  }

  @Test
  void sharedWorldProblemsAreReportedOnce() throws IOException {
    write("world.law", WORLD.replace("160 x 210", "160 by 210"));
    Path one = write("one.law", "use \"world.law\"\nlaw a { for b: Ball then b.vx := b.vx }\n");
    Path two = write("two.law", "use \"world.law\"\nlaw b { for b: Ball then b.vy := b.vy }\n");
    Run r = run("check", one.toString(), two.toString());
    assertEquals(1, r.exit());
    assertEquals(1, r.out().split("error\\[N306\\]", -1).length - 1, r.out());
  }

  @Test
  void jsonFormatListsDiagnostics() throws IOException {
    Path f = write("w.law", WORLD + "law a { for b: Ball then b.vy := b.vyy }\n");
    Run r = run("check", "--format", "json", f.toString());
    assertEquals(1, r.exit());
    JsonNode array = new ObjectMapper().readTree(r.out());
    assertEquals(1, array.size());
    JsonNode d = array.get(0);
    assertEquals("N102", d.get("code").asText());
    assertEquals("error", d.get("severity").asText());
    assertEquals(f.toString(), d.get("file").asText());
    assertEquals(8, d.get("line").asInt());
    assertEquals(36, d.get("column").asInt());
    assertEquals(8, d.get("end").get("line").asInt());
    assertEquals(39, d.get("end").get("column").asInt());
    assertEquals("did you mean `vy`?", d.get("hint").asText());
    assertEquals("vy", d.get("replacement").asText());
  }

  @Test
  void unreadableFileIsAnErrorNotUsage() {
    Run r = run("check", dir.resolve("missing.law").toString());
    assertEquals(1, r.exit());
    assertTrue(r.out().contains("error[N004]: cannot read"), r.out());
  }

  @Test
  void noFilesIsUsage() {
    assertEquals(2, run("check").exit());
    assertEquals(2, run("check", "--format", "xml", "a.law").exit());
  }

  @Test
  void aLawFileWithoutUseIsCheckedWithTheWorldFileBesideIt() throws IOException {
    Path world = write("world.law", WORLD);
    Path laws = write("laws.law", "law a { for b: Ball then b.vx := b.vx }\n");
    Run r = run("check", world.toString(), laws.toString());
    assertEquals(0, r.exit(), r.out());
    Run alone = run("check", laws.toString());
    assertEquals(1, alone.exit());
    assertTrue(alone.out().contains("error[N111]"), alone.out());
  }

  @Test
  void aDirectoryStandsForItsLawFiles() throws IOException {
    write("world.law", WORLD);
    write("laws.law", "use \"world.law\"\nlaw a { for b: Bal then b.vx := 1 }\n");
    Run r = run("check", dir.toString());
    assertEquals(1, r.exit());
    assertTrue(r.out().contains("error[N101]"), r.out());
    assertTrue(r.out().endsWith("1 error, 0 warnings in 2 files\n"), r.out());
  }
}
