package dev.nomos.cli;

import static dev.nomos.cli.Run.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nomos.runtime.Law;
import dev.nomos.runtime.jar.LoadedModel;
import dev.nomos.runtime.jar.ModelJar;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompileCommandTest {
  static final String WORLD = """
      world Pong {
        screen 160 x 210
        velocity -30..30
        actions NOOP, UP, DOWN
        entity Player
        entity Ball
      }
      """;
  static final String LAWS = """
      use "world.law"

      law up weight 2.5 {
        for p: Player
        when action == UP
        then p.vy := -4
      }

      law down {
        for p: Player
        when action == DOWN
        then p.vy := 4
      }
      """;

  @TempDir
  Path dir;



  Path file(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
    return p;
  }

  @Test
  void compilesLawsIntoALoadableJarWithWeightsAndSources() throws Exception {
    file("world.law", WORLD);
    Path laws = file("laws.law", LAWS);
    Path jar = dir.resolve("out/model.jar");
    Run r = run("compile", laws.toString(), "-o", jar.toString(), "--nu", "8");
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("2 laws in 1 class"), r.out());
    LoadedModel model = ModelJar.load(jar);
    assertEquals(List.of("up", "down"), model.laws().stream().map(Law::name).toList());
    assertArrayEquals(new double[] {2.5, 1.0}, model.weights());
    assertEquals(8, model.manifest().nu());
    assertEquals(List.of("laws.law", "world.law"),
        model.manifest().sources().stream().map(s -> s.path()).sorted().toList());
  }

  @Test
  void weightsCanComeFromAnotherFile() throws Exception {
    file("world.law", WORLD);
    Path laws = file("laws.law", LAWS);
    Path fitted = file("fitted.law", "law down weight 0.75 { for p: Player then p.vy := 4 }\n"
        + "law gone weight 3 { for p: Player then p.vy := 1 }\n");
    Path jar = dir.resolve("model.jar");
    Run r = run("compile", laws.toString(), "--weights", fitted.toString(), "-o", jar.toString());
    assertEquals(0, r.exit(), r.err());
    assertArrayEquals(new double[] {2.5, 0.75}, ModelJar.load(jar).weights());
    assertTrue(r.err().contains("law gone, which the model does not have"), r.err());
  }

  @Test
  void errorsInTheSourcesAreShownAndNoJarIsWritten() throws Exception {
    file("world.law", WORLD);
    Path laws = file("laws.law", "use \"world.law\"\nlaw bad { for b: Bal then b.vy := 1 }\n");
    Path jar = dir.resolve("model.jar");
    Run r = run("compile", laws.toString(), "-o", jar.toString());
    assertEquals(1, r.exit());
    assertTrue(r.err().contains("laws.law:2:"), r.err());
    assertTrue(r.err().contains("no jar written"), r.err());
    assertFalse(Files.exists(jar));
  }

  @Test
  void standaloneJarCarriesTheRuntimeAndAMainClass() throws Exception {
    file("world.law", WORLD);
    Path laws = file("laws.law", LAWS);
    Path jar = dir.resolve("model.jar");
    Run r = run("compile", laws.toString(), "-o", jar.toString(), "--standalone");
    assertEquals(0, r.exit(), r.err());
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      assertTrue(zip.getEntry("dev/nomos/runtime/Frame.class") != null);
      assertTrue(zip.getEntry("dev/nomos/stdlib/Geometry.class") != null);
      assertTrue(zip.getEntry("com/fasterxml/jackson/databind/ObjectMapper.class") != null);
      assertTrue(new String(zip.getInputStream(zip.getEntry("META-INF/MANIFEST.MF")).readAllBytes())
          .contains("Main-Class: dev.nomos.runtime.jar.StandaloneMain"));
    }
    assertEquals(2, ModelJar.load(jar).laws().size(), "a standalone jar still loads as a model");

    // It evaluates data on its own: a fresh JVM with nothing on the class path but the jar.
    Path data = file("d.jsonl", """
        {"t": 0, "action": "UP", "objects": [{"id": 1, "type": "Player", "x": 140, "y": 100, "w": 4, "h": 16}]}
        {"t": 1, "action": "DOWN", "objects": [{"id": 1, "type": "Player", "x": 140, "y": 96, "w": 4, "h": 16}]}
        {"t": 2, "action": "NOOP", "objects": [{"id": 1, "type": "Player", "x": 140, "y": 100, "w": 4, "h": 16}]}
        """);
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
        jar.toString(), "eval", "--data", data.toString(), "--format", "json").redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes());
    assertEquals(0, p.waitFor(), output);
    assertTrue(output.contains("\"transitions\" : 2") || output.contains("\"transitions\":2"), output);

    // Data the world does not declare is read with a warning, or refused with --strict.
    Path ghost = file("g.jsonl", Files.readString(data).replace("}]}", "}, {\"id\": 2, \"type\": \"Ghost\", \"x\": 0, \"y\": 0}]}"));
    for (boolean strict : new boolean[] {false, true}) {
      ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
          jar.toString(), "eval", "--data", ghost.toString());
      if (strict) {
        pb.command().add("--strict");
      }
      Process g = pb.redirectErrorStream(true).start();
      String said = new String(g.getInputStream().readAllBytes());
      assertEquals(strict ? 1 : 0, g.waitFor(), said);
      assertTrue(said.contains(strict ? "unknown type \"Ghost\"" : ghost + ":1: warning: type Ghost is not declared"), said);
    }
  }

  @Test
  void weightOutsideTheFittersBoundsIsRefused() throws Exception {
    file("world.law", WORLD);
    Path laws = file("laws.law", LAWS);
    Path fitted = file("fitted.law", "\nlaw down weight 12 { for p: Player then p.vy := 4 }\n");
    Run r = run("compile", laws.toString(), "--weights", fitted.toString(), "-o", dir.resolve("m.jar").toString());
    assertEquals(1, r.exit());
    assertTrue(r.err().contains("fitted.law:2: law down has weight 12; weights must lie in [-10, 10]"), r.err());
    assertFalse(Files.exists(dir.resolve("m.jar")));
  }
}
