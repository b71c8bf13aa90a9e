package dev.nomos.cli;

import static dev.nomos.cli.Run.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nomos.runtime.Law;
import dev.nomos.runtime.jar.LoadedModel;
import dev.nomos.runtime.jar.ModelJar;
import dev.nomos.runtime.trajectory.TrajectoryWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code nomos fit -o} with laws in several files (one combined file), and {@code fit -o} and
 * {@code compile} leaving laws at weight 0 out unless {@code --keep-pruned}.
 */
class PrunedAndCombinedOutputTest {
  private static final String WORLD = """
      world Roll {
        screen 40 x 10
        velocity -2..2
        actions NOOP, PUSH
        entity Ball
      }
      """;
  private static final String MOTION = """
      // Motion laws.
      use "../world.law"

      /// The ball keeps its horizontal velocity.
      law inertia { for b: Ball then b.vx := b.vx }

      // A rule that is simply wrong.
      law stops { for b: Ball then b.vx := 0 }  // never right
      """;
  private static final String PRESENCE = """
      use "../world.law"

      law level { for b: Ball then b.vy := 0 }  // rows stay

      law stays { for b: Ball then b.alive := true }
      """;

  @TempDir
  Path dir;
  Path motion;
  Path presence;
  Path train;

  @BeforeEach
  void files() throws IOException {
    Files.writeString(dir.resolve("world.law"), WORLD);
    Files.createDirectories(dir.resolve("laws"));
    motion = Files.writeString(dir.resolve("laws/motion.law"), MOTION);
    presence = Files.writeString(dir.resolve("laws/presence.law"), PRESENCE);
    train = dir.resolve("train.jsonl.gz");
    TrajectoryWriter.writeAll(train, RuntimeCommandsTest.rolling(3, 12));
  }

  @Test
  void lawsFromTwoFilesAreWrittenAsOneWithTheWorldUsed() throws IOException {
    Path out = dir.resolve("fitted/model.law");
    Run r = run("fit", motion.toString(), presence.toString(), "--data", train.toString(), "-o", out.toString());
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("wrote " + out + ": the laws of 2 files, without the 1 pruned law (--keep-pruned keeps"
        + " them)"), r.out());
    String text = Files.readString(out);
    assertTrue(text.startsWith("// Motion laws.\nuse \"../world.law\"\n\n/// The ball keeps its horizontal velocity.\n"
        + "law inertia weight "), text);
    assertEquals(1, text.split("use \"", -1).length - 1, "one use of the shared world: " + text);
    assertTrue(text.indexOf("law inertia") < text.indexOf("law level") && text.indexOf("law level") < text.indexOf(
        "law stays"), "laws in the order of the files: " + text);
    assertTrue(text.contains("  // rows stay\n"), "trailing comments kept: " + text);
    assertFalse(text.contains("stops") || text.contains("simply wrong") || text.contains("never right"), text);
    assertEquals(0, run("fmt", "--check", out.toString()).exit(), "canonically formatted: " + text);
    Run again = run("fit", out.toString(), "--data", train.toString());
    assertEquals(0, again.exit(), again.err());
    assertTrue(again.out().contains("of 3 laws pruned"), again.out());
  }

  @Test
  void aWorldAmongTheLawFilesIsInlined() throws IOException {
    Path both = Files.writeString(dir.resolve("laws/both.law"), WORLD + "\n" + "law stays { for b: Ball then b.alive := true }\n");
    Path motionHere = Files.writeString(dir.resolve("laws/motion2.law"), MOTION.replace("../world.law", "both.law"));
    Path out = dir.resolve("combined.law");
    Run r = run("fit", both.toString(), motionHere.toString(), "--data", train.toString(), "-o", out.toString(),
        "--keep-pruned");
    assertEquals(0, r.exit(), r.err());
    String text = Files.readString(out);
    assertFalse(text.contains("use "), "the world comes along: " + text);
    assertTrue(text.startsWith("world Roll {"), text);
    assertTrue(text.contains("law stops weight 0.0 {"), "--keep-pruned keeps it: " + text);
    assertTrue(text.contains("// A rule that is simply wrong."), text);
    assertEquals(0, run("check", out.toString()).exit());
  }

  @Test
  void fittingInPlaceOverOneOfSeveralFilesSaysSo() {
    Run r = run("fit", motion.toString(), presence.toString(), "--data", train.toString(), "-o", motion.toString());
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.err().contains("nomos: note: " + motion + " now holds the laws of all 2 files"), r.err());
    assertEquals(0, run("fit", motion.toString(), "--data", train.toString()).exit());
  }

  @Test
  void compileLeavesLawsAtWeightZeroOut() throws Exception {
    Path laws = Files.writeString(dir.resolve("laws/weighted.law"), """
        use "../world.law"

        law inertia weight 1.5 { for b: Ball then b.vx := b.vx }

        law stops weight 0.0 { for b: Ball then b.vx := 0 }
        """);
    Path jar = dir.resolve("model.jar");
    Run r = run("compile", laws.toString(), "-o", jar.toString());
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().endsWith("; left out 1 law at weight 0 (--keep-pruned keeps them)\n"), r.out());
    LoadedModel model = ModelJar.load(jar);
    assertEquals(List.of("inertia"), model.laws().stream().map(Law::name).toList());

    Run kept = run("compile", laws.toString(), "-o", jar.toString(), "--keep-pruned");
    assertEquals(0, kept.exit(), kept.err());
    LoadedModel all = ModelJar.load(jar);
    assertEquals(List.of("inertia", "stops"), all.laws().stream().map(Law::name).toList());
    assertArrayEquals(new double[] {1.5, 0.0}, all.weights());

    // Weights taken from a fitted file count too.
    Path fitted = Files.writeString(dir.resolve("fitted.law"), "law inertia weight 0.0 { for b: Ball then b.vx := b.vx }\n");
    assertEquals(0, run("compile", laws.toString(), "--weights", fitted.toString(), "-o", jar.toString()).exit());
    assertEquals(List.of(), ModelJar.load(jar).laws().stream().map(Law::name).toList());
  }
}
