package dev.nomos.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --threads (of every command) and --spark of fit, eval and learn, as far as they run without Spark on the class path. */
class ScaleOptionsTest {
  static final String MODEL = "../examples/pong/reference.law";
  static final String DATA = "../examples/pong/train.jsonl";

  @Test
  void fitGivesTheSameReportAndModelOnOneThreadAndThree(@TempDir Path dir) throws Exception {
    Path one = dir.resolve("one.law");
    Path three = dir.resolve("three.law");
    Run a = Run.run("fit", MODEL, "--data", DATA, "--threads", "1", "-o", one.toString());
    Run b = Run.run("fit", MODEL, "--data", DATA, "--threads", "3", "-o", three.toString());
    assertEquals(0, a.exit(), a.err());
    assertEquals(0, b.exit(), b.err());
    assertEquals(a.out().replace(one.toString(), "OUT"), b.out().replace(three.toString(), "OUT"));
    assertEquals(java.nio.file.Files.readString(one), java.nio.file.Files.readString(three));
  }

  @Test
  void evalGivesTheSameReportOnOneThreadAndThree() {
    Run a = Run.run("eval", MODEL, "--data", DATA, "--threads", "1", "--format", "json");
    Run b = Run.run("eval", MODEL, "--data", DATA, "--threads", "3", "--format", "json");
    assertEquals(0, a.exit(), a.err());
    assertEquals(a.out(), b.out());
    assertTrue(a.out().contains("\"transitions\""), a.out());
  }

  /** One declaration of --threads: every command that takes it refuses a bad value alike. */
  @Test
  void threadsBelowOneIsTheSameUsageErrorForEveryCommand() {
    for (String[] args : new String[][] {
        {"fit", MODEL, "--data", DATA, "--threads", "0"},
        {"eval", MODEL, "--data", DATA, "--threads", "-1"},
        {"play", "pong", "--model", MODEL, "--threads", "0"}}) {
      Run r = Run.run(args);
      assertEquals(2, r.exit(), String.join(" ", args) + ": " + r.err());
      assertEquals("nomos: --threads must be at least 1, got " + args[args.length - 1] + "\n",
          r.err().replace("\r", ""), String.join(" ", args));
    }
  }

  @Test
  void sparkWithoutTheSparkModuleSaysHowToGetIt() {
    Run r = Run.run("fit", MODEL, "--data", DATA, "--spark", "local[2]");
    assertEquals(1, r.exit());
    assertTrue(r.err().contains("--spark: the Spark module is not on the class path"), r.err());
    assertEquals(1, r.err().strip().lines().count(), r.err());
  }

  @Test
  void sparkLearnWithoutTheSparkModuleSaysHowToGetIt(@TempDir Path dir) {
    Run r = Run.run("learn", "../examples/pong/world.law", "--data", DATA, "-o", dir.resolve("out.law").toString(),
        "--spark", "local[2]", "-q");
    assertEquals(1, r.exit());
    assertTrue(r.err().contains("--spark: the Spark module is not on the class path"), r.err());
    assertEquals(1, r.err().strip().lines().count(), r.err());
  }

  @Test
  void sparkEvalRefusesRollouts() {
    Run r = Run.run("eval", MODEL, "--data", DATA, "--spark", "local[2]", "--horizon", "3");
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("--spark evaluates the metrics only"), r.err());
  }
}
