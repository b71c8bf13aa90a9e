package dev.nomos.cli;

import static dev.nomos.cli.Run.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nomos.runtime.trajectory.ObjectState;
import dev.nomos.runtime.trajectory.StepRecord;
import dev.nomos.runtime.trajectory.TrajectoryWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The floor through {@code fit -o}, {@code eval}, {@code compile} and {@code --no-floor}. */
class FloorCommandsTest {
  private static final String WORLD = """
      world Line {
        screen 40 x 10
        velocity -2..2
        actions NOOP
        entity Ball
      }
      """;
  private static final String LAWS = """
      use "world.law"

      law rolls { for b: Ball then b.x := b.x + 1 }
      law level { for b: Ball then b.vy := 0 }
      law stays { for b: Ball then b.alive := true }
      """;
  private static final Pattern TRAIN_NLL = Pattern.compile("NLL per transition [0-9.]+ -> ([0-9.]+)");

  @TempDir
  Path dir;
  Path laws;
  Path train;
  Path test;

  /** A ball rolling right one cell per step; in the test file it stops dead after {@code stopAt} steps. */
  static List<StepRecord> rolling(int episodes, int steps, int stopAt) {
    List<StepRecord> records = new ArrayList<>();
    for (int e = 0; e < episodes; e++) {
      for (int t = 0; t < steps; t++) {
        boolean last = t == steps - 1;
        records.add(new StepRecord(e, t, last ? null : "NOOP", 0, last,
            List.of(ObjectState.of(1, "Ball", 2 + Math.min(t, stopAt), 5, 1, 1))));
      }
    }
    return records;
  }

  @BeforeEach
  void files() throws IOException {
    Files.writeString(dir.resolve("world.law"), WORLD);
    laws = Files.writeString(dir.resolve("laws.law"), LAWS);
    train = dir.resolve("train.jsonl");
    TrajectoryWriter.writeAll(train, rolling(4, 20, 100));
    test = dir.resolve("test.jsonl");
    TrajectoryWriter.writeAll(test, rolling(1, 12, 6));
  }

  private double nll(String... evalArgs) throws IOException {
    Run r = run(evalArgs);
    assertEquals(0, r.exit(), r.err());
    return new ObjectMapper().readTree(r.out()).get("nll_per_transition").asDouble();
  }

  @Test
  void fitWritesTheFloorAndEvalReproducesTheFittedNll() throws IOException {
    Path out = dir.resolve("fitted.law");
    Run fit = run("fit", laws.toString(), "--data", train.toString(), "-o", out.toString());
    assertEquals(0, fit.exit(), fit.err());
    assertTrue(fit.out().contains("floor:  alive "), fit.out());
    assertTrue(fit.out().contains("spawn 1.00e-05 (not fitted)"), fit.out());
    String text = Files.readString(out);
    assertTrue(text.contains("\nfloor {\n  alive 0.0128205\n  x 0.0128205\n  y 0.0128205\n}\n"),
        "76 targets per channel, no surprise: Laplace's 1/78\n" + text);
    assertEquals(0, run("check", out.toString()).exit());
    Matcher m = TRAIN_NLL.matcher(fit.out());
    assertTrue(m.find(), fit.out());
    double fitted = Double.parseDouble(m.group(1));
    assertEquals(fitted, nll("eval", out.toString(), "--data", train.toString(), "--format", "json"), 5e-5);
    // Fitting the written file again keeps the floor where it was.
    Run again = run("fit", out.toString(), "--data", train.toString(), "-o", out.toString());
    assertEquals(0, again.exit(), again.err());
    assertTrue(Files.readString(out).contains("  x 0.0128205\n"), Files.readString(out));
  }

  @Test
  void theFloorBoundsTheCostOfAnUnforeseenStop() throws IOException {
    Path out = dir.resolve("fitted.law");
    assertEquals(0, run("fit", laws.toString(), "--data", train.toString(), "-o", out.toString()).exit());
    double floored = nll("eval", out.toString(), "--data", test.toString(), "--format", "json");
    double pure = nll("eval", out.toString(), "--data", test.toString(), "--format", "json", "--no-floor");
    // Each of the 5 steps at rest costs log(5 / (1/78)) = 5.97 nats with the floor, and
    // nu * weight without (about 10 here; up to 100 at the largest weight).
    double surprise = Math.log(5 * 78.0);
    assertTrue(floored * 11 < 5 * surprise + 11 * 0.05, "floored " + floored);
    assertTrue(pure * 11 > floored * 11 + 15, "pure " + pure + " floored " + floored);
  }

  @Test
  void aJarCarriesTheFloor() throws IOException {
    Path out = dir.resolve("fitted.law");
    assertEquals(0, run("fit", laws.toString(), "--data", train.toString(), "-o", out.toString()).exit());
    Path jar = dir.resolve("model.jar");
    Run compile = run("compile", laws.toString(), "--weights", out.toString(), "-o", jar.toString());
    assertEquals(0, compile.exit(), compile.err());
    double fromLaw = nll("eval", out.toString(), "--data", test.toString(), "--format", "json");
    assertEquals(fromLaw, nll("eval", jar.toString(), "--data", test.toString(), "--format", "json"), 1e-12);
    Path direct = dir.resolve("direct.jar");
    assertEquals(0, run("compile", out.toString(), "-o", direct.toString()).exit());
    assertEquals(fromLaw, nll("eval", direct.toString(), "--data", test.toString(), "--format", "json"), 1e-12);
    Path unfitted = dir.resolve("unfitted.jar");
    assertEquals(0, run("compile", laws.toString(), "-o", unfitted.toString()).exit());
    assertFalse(Math.abs(fromLaw - nll("eval", unfitted.toString(), "--data", test.toString(), "--format", "json")) < 1e-6);
  }

  @Test
  void noFloorFitsThePureProductOfExpertsAndWritesNoFloor() throws IOException {
    Path out = dir.resolve("pure.law");
    Run fit = run("fit", laws.toString(), "--data", train.toString(), "-o", out.toString(), "--no-floor");
    assertEquals(0, fit.exit(), fit.err());
    assertTrue(fit.out().contains("no floor (--no-floor)"), fit.out());
    assertFalse(Files.readString(out).contains("floor {"), Files.readString(out));
  }

  @Test
  void aFloorOutsideTheLawsFileIsRefusedWithOutput() throws IOException {
    Files.writeString(dir.resolve("world.law"), WORLD + "\nfloor { x 0.1 }\n");
    Run fit = run("fit", laws.toString(), "--data", train.toString(), "-o", dir.resolve("o.law").toString());
    assertEquals(2, fit.exit());
    assertTrue(fit.err().contains("the floor is declared in"), fit.err());
    assertEquals(1, fit.err().strip().lines().count(), fit.err());
  }
}
