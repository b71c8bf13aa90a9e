package dev.nomos.cli;

import static dev.nomos.cli.Run.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FmtCommandTest {
  static final String MESSY = "law a { for b: Ball   when (b.x > 1) then b.vx := b.vx ; b.vy:=-b.vy } // end\n";
  static final String CANONICAL = """
      law a {
        for b: Ball
        when b.x > 1
        then b.vx := b.vx
             b.vy := -b.vy
      }  // end
      """;

  @TempDir
  Path dir;



  Path file(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text);
    return p;
  }

  @Test
  void printsCanonicalTextAndLeavesTheFileAlone() throws IOException {
    Path f = file("a.law", MESSY);
    Run r = run("fmt", f.toString());
    assertEquals(0, r.exit(), r.err());
    assertEquals(CANONICAL, r.out());
    assertEquals(MESSY, Files.readString(f));
  }

  @Test
  void writeRewritesOnlyFilesThatChange() throws IOException {
    Path messy = file("a.law", MESSY);
    Path clean = file("b.law", CANONICAL);
    Run r = run("fmt", "--write", messy.toString(), clean.toString());
    assertEquals(0, r.exit(), r.err());
    assertEquals(messy + System.lineSeparator(), r.out());
    assertEquals(CANONICAL, Files.readString(messy));
    assertEquals(CANONICAL, Files.readString(clean));
    try (var listing = Files.list(dir)) {
      assertEquals(2, listing.count(), "no temporary file is left behind");
    }
  }

  @Test
  void checkListsUnformattedFilesAndFails() throws IOException {
    Path messy = file("a.law", MESSY);
    Path clean = file("b.law", CANONICAL);
    Run r = run("fmt", "--check", messy.toString(), clean.toString());
    assertEquals(1, r.exit());
    assertEquals(messy + System.lineSeparator(), r.out());
    assertTrue(r.err().contains("not formatted"), r.err());
    assertEquals(MESSY, Files.readString(messy));
    assertEquals(0, run("fmt", "--check", clean.toString()).exit());
  }

  @Test
  void syntaxErrorsAreRenderedWithPositionAndCaret() throws IOException {
    Path bad = file("bad.law", "law a {\n  for b: Ball\n  then b.vx := \n}\n");
    Run r = run("fmt", bad.toString());
    assertEquals(1, r.exit());
    assertTrue(r.err().startsWith(bad + ":4:1: error[N001]: "), r.err());
    assertTrue(r.err().contains("4 | }"), r.err());
    assertEquals("", r.out());
  }

  @Test
  void directoriesStandForTheirLawFilesAndDashForStandardInput() throws IOException {
    Files.createDirectories(dir.resolve("m/sub"));
    Path a = file("m/a.law", CANONICAL);
    Path b = file("m/sub/b.law", MESSY);
    file("m/notes.txt", "not a law file");
    Run r = run("fmt", "--check", dir.resolve("m").toString());
    assertEquals(1, r.exit());
    assertEquals(b + System.lineSeparator(), r.out());
    assertEquals(CANONICAL, Files.readString(a));
    var stdin = System.in;
    try {
      System.setIn(new java.io.ByteArrayInputStream(MESSY.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
      Run piped = run("fmt", "-");
      assertEquals(0, piped.exit(), piped.err());
      assertEquals(CANONICAL, piped.out());
    } finally {
      System.setIn(stdin);
    }
    assertEquals(2, run("fmt", "--write", "-").exit());
  }

  @Test
  void missingFilesAndBadUsage() throws IOException {
    Run missing = run("fmt", dir.resolve("nope.law").toString());
    assertEquals(1, missing.exit());
    assertTrue(missing.err().contains("nope.law: cannot read: no such file"), missing.err());
    Path f = file("a.law", CANONICAL);
    assertEquals(2, run("fmt", "--write", "--check", f.toString()).exit());
    assertEquals(2, run("fmt").exit());
  }
}
