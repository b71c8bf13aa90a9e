package dev.nomos.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nomos.spark.SparkFitTest.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.SparkContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code nomos learn --spark local[2]} against the plain learn on Pong recordings in two files (one
 * gzip): with the transitions and the candidate laws scored as Spark jobs, the learner writes the
 * same laws with the same weights, with model selection's held-out split (which cuts an episode in
 * two) scored on the cluster too.
 */
class SparkLearnTest {
  static final String WORLD = "../examples/pong/world.law";
  @TempDir static Path dir;
  static List<String> data = new ArrayList<>();

  @BeforeAll
  static void startSparkAndRecord() {
    LocalSpark.hold();
    for (int seed = 4; seed <= 5; seed++) {
      Path file = dir.resolve("pong-" + seed + (seed == 5 ? ".jsonl.gz" : ".jsonl"));
      Run r = SparkFitTest.run("record", "pong", "--steps", "150", "--seed", String.valueOf(seed), "-o", file.toString());
      assertEquals(0, r.exit(), r.err());
      data.add(file.toString());
    }
  }

  @Test
  void sparkLearnWritesTheLawsOfThePlainLearn() throws IOException {
    Path plainOut = dir.resolve("plain.law");
    Path sparkOut = dir.resolve("spark.law");
    int jobsBefore = jobs();
    Run plain = SparkFitTest.run(learn(plainOut, "--threads", "1"));
    int jobsOfPlain = jobs() - jobsBefore;
    Run spark = SparkFitTest.run(learn(sparkOut, "--threads", "2", "--spark", LocalSpark.MASTER));
    int jobsOfSpark = jobs() - jobsBefore - jobsOfPlain;
    assertEquals(0, plain.exit(), plain.err());
    assertEquals(0, spark.exit(), spark.err());
    assertEquals(0, jobsOfPlain);
    // The starting fit, the round's scoring and fit, and the refit after selection: a job each at least.
    assertTrue(jobsOfSpark >= 4, jobsOfSpark + " Spark jobs");
    String learned = Files.readString(plainOut);
    assertTrue(learned.split("\\blaw ").length > 3, "laws learned:\n" + learned);
    assertEquals(learned, Files.readString(sparkOut));
  }

  /** The Spark jobs the shared context has run so far. */
  private static int jobs() {
    return SparkContext.getOrCreate().statusTracker().getJobIdsForGroup(null).length;
  }

  private static String[] learn(Path out, String... more) {
    List<String> args = new ArrayList<>(List.of("learn", WORLD, "-o", out.toString(), "--iterations", "1",
        "--candidates", "40", "--lambda", "0.001", "--validation", "0.3", "--max-time", "900", "-q"));
    for (String file : data) {
      args.add("--data");
      args.add(file);
    }
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }
}
