package dev.nomos.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nomos.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code --spark local[2]} against the plain commands on Pong recordings cut into shard files (one
 * gzip): the same fitted model and the same reports. One local Spark session ({@link LocalSpark})
 * serves every test.
 */
class SparkFitTest {
  static final String MODEL = "../examples/pong/reference.law";
  static final String MASTER = LocalSpark.MASTER;
  @TempDir static Path dir;
  static List<String> shards = new ArrayList<>();

  @BeforeAll
  static void startSparkAndRecord() {
    LocalSpark.hold();
    for (int seed = 1; seed <= 3; seed++) {
      Path shard = dir.resolve("pong-" + seed + (seed == 2 ? ".jsonl.gz" : ".jsonl"));
      Run r = run("record", "pong", "--steps", "300", "--seed", String.valueOf(seed), "-o", shard.toString());
      assertEquals(0, r.exit, r.err);
      shards.add(shard.toString());
    }
  }

  @Test
  void sparkFitWritesTheModelOfThePlainFit() throws IOException {
    Path plainOut = dir.resolve("plain.law");
    Path sparkOut = dir.resolve("spark.law");
    Run plain = run(withData(List.of("fit", MODEL, "--threads", "2", "-o", plainOut.toString())));
    Run spark = run(withData(List.of("fit", MODEL, "--spark", MASTER, "-o", sparkOut.toString())));
    assertEquals(0, plain.exit, plain.err);
    assertEquals(0, spark.exit, spark.err);
    assertEquals(plain.out.replace(plainOut.toString(), "OUT"), spark.out.replace(sparkOut.toString(), "OUT"));
    List<Double> a = weights(Files.readString(plainOut));
    List<Double> b = weights(Files.readString(sparkOut));
    assertTrue(a.size() >= 5, "weights written: " + a);
    assertEquals(a.size(), b.size());
    double maxDifference = 0;
    for (int i = 0; i < a.size(); i++) {
      maxDifference = Math.max(maxDifference, Math.abs(a.get(i) - b.get(i)));
    }
    assertTrue(maxDifference <= 1e-6, "max weight difference " + maxDifference);
    assertTrue(plain.out.contains("900 transitions"), plain.out);
  }

  @Test
  void sparkEvalGivesThePlainReport() {
    Run plain = run(withData(List.of("eval", MODEL, "--threads", "1")));
    Run spark = run(withData(List.of("eval", MODEL, "--spark", MASTER)));
    assertEquals(0, plain.exit, plain.err);
    assertEquals(0, spark.exit, spark.err);
    assertEquals(plain.out, spark.out);
    assertTrue(plain.out.contains("NLL per transition"), plain.out);
  }

  @Test
  void aBadRecordOnAWorkerIsReportedAsLocally() throws IOException {
    Path bad = dir.resolve("bad.jsonl");
    List<String> lines = new ArrayList<>(Files.readAllLines(Path.of(shards.get(0))).subList(0, 5));
    lines.set(3, lines.get(3).replace("\"x\":", "\"x\":\"left\",\"ignored\":"));
    Files.write(bad, lines);
    Run plain = run("fit", MODEL, "--data", bad.toString());
    Run spark = run("fit", MODEL, "--data", bad.toString(), "--spark", MASTER);
    assertEquals(1, plain.exit);
    assertEquals(1, spark.exit);
    assertTrue(spark.err.contains(bad + ":4"), spark.err);
    assertEquals(plain.err.strip(), spark.err.strip());
  }

  private static String[] withData(List<String> args) {
    List<String> all = new ArrayList<>(args);
    for (String s : shards) {
      all.add("--data");
      all.add(s);
    }
    return all.toArray(String[]::new);
  }

  private static List<Double> weights(String lawText) {
    List<Double> out = new ArrayList<>();
    Matcher m = Pattern.compile("weight\\s+([0-9.eE+-]+)").matcher(lawText);
    while (m.find()) {
      out.add(Double.parseDouble(m.group(1)));
    }
    return out;
  }

  record Run(int exit, String out, String err) {}

  static Run run(String... args) {
    CommandLine cl = Main.newCommandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int exit = cl.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }
}
