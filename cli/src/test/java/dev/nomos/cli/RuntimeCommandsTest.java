package dev.nomos.cli;

import static dev.nomos.cli.Run.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nomos.runtime.trajectory.ObjectState;
import dev.nomos.runtime.trajectory.StepRecord;
import dev.nomos.runtime.trajectory.TrajectoryReader;
import dev.nomos.runtime.trajectory.TrajectoryWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code nomos fit}, {@code eval} and {@code simulate} end to end on a small world. */
class RuntimeCommandsTest {
  private static final String WORLD = """
      world Line {
        screen 40 x 10
        velocity -2..2
        actions NOOP, PUSH
        entity Ball
      }
      """;
  private static final String LAWS = """
      use "world.law"

      /// The ball keeps its horizontal velocity.
      law inertia { for b: Ball then b.vx := b.vx }

      // A rule that is simply wrong.
      law stops { for b: Ball then b.vx := 0 }

      law level { for b: Ball then b.vy := 0 }

      law stays { for b: Ball then b.alive := true }
      """;

  @TempDir
  Path dir;
  Path world;
  Path laws;
  Path train;



  /** A ball rolling right one cell per step, recorded without ids (the tracker assigns them). */
  static List<StepRecord> rolling(int episodes, int steps) {
    List<StepRecord> records = new ArrayList<>();
    for (int e = 0; e < episodes; e++) {
      for (int t = 0; t < steps; t++) {
        boolean last = t == steps - 1;
        records.add(new StepRecord(e, t, last ? null : "NOOP", 0, last,
            List.of(ObjectState.of(null, "Ball", 2 + e + t, 5, 1, 1))));
      }
    }
    return records;
  }

  @BeforeEach
  void files() throws IOException {
    world = Files.writeString(dir.resolve("world.law"), WORLD);
    laws = Files.writeString(dir.resolve("laws.law"), LAWS);
    train = dir.resolve("train.jsonl.gz");
    TrajectoryWriter.writeAll(train, rolling(3, 12));
  }

  @Test
  void fitPrintsTheTableAndWritesWeightsNextToTheLaws() throws IOException {
    Path out = dir.resolve("fitted/model.law");
    Run r = run("fit", laws.toString(), "--data", train.toString(), "-o", out.toString());
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().lines().anyMatch(l -> l.startsWith("stops") && l.endsWith("pruned")), r.out());
    assertTrue(r.out().lines().anyMatch(l -> l.startsWith("inertia") && !l.endsWith("pruned")), r.out());
    assertTrue(r.out().contains("33 transitions"), r.out());
    String text = Files.readString(out);
    assertTrue(text.startsWith("use \"../world.law\""), text);
    assertFalse(text.contains("law stops"), "pruned laws are left out: " + text);
    assertFalse(text.contains("// A rule that is simply wrong."), "with the comment right above: " + text);
    assertTrue(text.contains("/// The ball keeps its horizontal velocity."), text);
    assertEquals(0, run("check", out.toString()).exit());
    // Fitting again from the written weights starts where the first fit ended.
    Run again = run("fit", out.toString(), "--data", train.toString());
    assertEquals(0, again.exit(), again.err());
  }

  @Test
  void fittedModelEvaluatesBetter() throws IOException {
    Path out = dir.resolve("model.law");
    assertEquals(0, run("fit", laws.toString(), "--data", train.toString(), "-o", out.toString()).exit());
    Path test = dir.resolve("test.jsonl");
    TrajectoryWriter.writeAll(test, rolling(2, 8));
    Run before = run("eval", laws.toString(), "--data", test.toString(), "--format", "json");
    Run after = run("eval", out.toString(), "--data", test.toString(), "--format", "json");
    assertEquals(0, after.exit(), after.err());
    JsonNode b = new ObjectMapper().readTree(before.out());
    JsonNode a = new ObjectMapper().readTree(after.out());
    assertEquals(14, a.get("transitions").asInt());
    assertTrue(a.get("nll_per_transition").asDouble() < b.get("nll_per_transition").asDouble());
    // Each episode's first step has no velocity yet: 2 of 14 transitions are mispredicted.
    assertEquals(12.0 / 14, a.get("exact_frame_accuracy").asDouble(), 1e-9);
    assertTrue(a.get("attribute_accuracy").has("x"));
    assertTrue(a.get("per_type").has("Ball"));
    Run twice = run("eval", "--data", test.toString(), "--data", test.toString(), "--format", "json", out.toString());
    assertEquals(0, twice.exit(), twice.err());
    assertEquals(28, new ObjectMapper().readTree(twice.out()).get("transitions").asInt());
    Run text = run("eval", out.toString(), "--data", test.toString());
    assertTrue(text.out().contains("exact frame accuracy   85.7%"), text.out());
  }

  @Test
  void simulatePrintsPredictedFramesAsTrajectoryRecords() throws IOException {
    Path out = dir.resolve("model.law");
    assertEquals(0, run("fit", laws.toString(), "--data", train.toString(), "-o", out.toString()).exit());
    Run r = run("simulate", out.toString(), "--from", train + ":1:3", "--actions", "NOOP,PUSH,NOOP");
    assertEquals(0, r.exit(), r.err());
    List<StepRecord> records = new ArrayList<>();
    try (TrajectoryReader in = TrajectoryReader.of(new StringReader(r.out()), null)) {
      for (StepRecord s; (s = in.read()) != null; ) {
        records.add(s);
      }
    }
    // Episode 1 starts at x = 3, so step 3 is at x = 6 and rolls on one cell per step.
    assertEquals(List.of(7, 8, 9), records.stream().map(s -> s.objects().get(0).x()).toList());
    assertEquals(List.of(4, 5, 6), records.stream().map(StepRecord::t).toList());
    assertEquals("PUSH", records.get(0).action());
    assertEquals(null, records.get(2).action());
    Run sampled = run("simulate", out.toString(), "--from", train + ":3", "--actions", "NOOP,NOOP", "--sample", "--seed", "4");
    assertEquals(0, sampled.exit(), sampled.err());
    assertEquals(sampled.out(), run("simulate", out.toString(), "--from", train + ":3", "--actions", "NOOP,NOOP",
        "--sample", "--seed", "4").out());
  }

  @Test
  void badInputIsOneClearLine() throws IOException {
    Path bad = Files.writeString(dir.resolve("bad.jsonl"),
        "{\"t\": 0, \"objects\": []}\n{\"t\": 1, \"objects\": [{\"type\": \"Ball\", \"x\": 1.5, \"y\": 0}]}\n");
    Run r = run("eval", laws.toString(), "--data", bad.toString());
    assertEquals(1, r.exit());
    assertEquals("nomos: " + bad + ":2: field 'objects[0].x': expected an integer, got 1.5\n", r.err());
    Path alien = Files.writeString(dir.resolve("alien.jsonl"), "{\"t\": 0, \"objects\": [{\"type\": \"Paddle\", \"x\": 1, \"y\": 0}]}\n");
    assertTrue(run("eval", laws.toString(), "--data", alien.toString(), "--strict").err().contains("unknown type \"Paddle\""));
    Run action = run("simulate", laws.toString(), "--from", train + ":0", "--actions", "JUMP");
    assertEquals(2, action.exit());
    assertTrue(action.err().contains("unknown action 'JUMP'; world Line declares NOOP, PUSH"), action.err());
    Run step = run("simulate", laws.toString(), "--from", train + ":99", "--actions", "NOOP");
    assertEquals(1, step.exit());
    assertTrue(step.err().contains("has steps 0..11, not 99"), step.err());
    Run broken = run("fit", Files.writeString(dir.resolve("broken.law"), "use \"world.law\"\nlaw x { for b: Bal then b.vx := 1 }\n")
        .toString(), "--data", train.toString());
    assertEquals(1, broken.exit());
    assertTrue(broken.err().contains("the model has 1 error"), broken.err());
    assertFalse(Files.exists(dir.resolve("never.law")));
    Run usage = run("fit", laws.toString(), "--data", train.toString(), "-o", dir.resolve("never.jar").toString());
    assertEquals(2, usage.exit());
  }

  @Test
  void progressBarLine() {
    assertEquals("fitting [###############...............]  50% 5/10", ProgressBar.line("fitting", 5, 10));
    StringWriter sink = new StringWriter();
    ProgressBar bar = ProgressBar.forced(new PrintWriter(sink), "x");
    bar.progress(10, 10);
    bar.close();
    assertEquals("", sink.toString(), "work finished within a second shows no bar");
  }
}
