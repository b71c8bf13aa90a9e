package dev.nomos.cli;

import static dev.nomos.cli.Run.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The bad paths of {@code fit}, {@code eval}, {@code simulate} and {@code record}: every failure is
 * one line naming what is wrong (never a stack trace) with exit code 1 (bad input) or 2 (bad usage),
 * and no output file is left half-written or replaced.
 */
class RuntimeCommandsBadInputTest {
  private static final String WORLD = """
      world Line {
        screen 40 x 10
        velocity -2..2
        actions NOOP, PUSH
        entity Ball { hits: int 0..3 }
      }
      """;
  private static final String LAWS = """
      use "world.law"
      law inertia { for b: Ball then b.vx := b.vx }
      law level { for b: Ball then b.vy := 0 }
      law stays { for b: Ball then b.alive := true }
      """;

  @TempDir
  Path dir;
  Path laws;
  Path train;



  /** Asserts a failure with this exit code whose whole error output is one line containing {@code expected}. */
  private static void assertOneLineFailure(Run r, int exit, String expected) {
    assertEquals(exit, r.exit(), r.err());
    assertFalse(r.err().contains("internal error") || r.err().contains("\tat "), r.err());
    assertEquals(1, r.err().lines().count(), r.err());
    assertTrue(r.err().startsWith("nomos: "), r.err());
    assertTrue(r.err().contains(expected), "expected '" + expected + "' in: " + r.err());
  }

  private static String record(int t, String action, String objects) {
    return "{\"episode\": 0, \"t\": " + t + ", \"action\": " + (action == null ? "null" : "\"" + action + "\"")
        + ", \"objects\": [" + objects + "]}\n";
  }

  private static String ball(int x) {
    return "{\"id\": 1, \"type\": \"Ball\", \"x\": " + x + ", \"y\": 5, \"hits\": 0}";
  }

  /** A ball rolling right, {@code steps} records in one episode. */
  private static String rolling(int steps) {
    StringBuilder sb = new StringBuilder();
    for (int t = 0; t < steps; t++) {
      sb.append(record(t, t == steps - 1 ? null : "NOOP", ball(2 + t)));
    }
    return sb.toString();
  }

  private static byte[] gzip(String text) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
      gz.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    return bytes.toByteArray();
  }

  private static boolean posix() {
    return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  }

  private static String mode(Path file) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
  }

  @BeforeEach
  void files() throws IOException {
    Files.writeString(dir.resolve("world.law"), WORLD);
    laws = Files.writeString(dir.resolve("laws.law"), LAWS);
    train = Files.writeString(dir.resolve("train.jsonl"), rolling(12));
  }

  @ParameterizedTest
  @ValueSource(strings = {"fit", "eval", "simulate", "record"})
  void noArgumentsIsUsageAndHelpIsSuccess(String command) {
    Run none = run(command);
    assertEquals(2, none.exit());
    assertTrue(none.err().contains("Missing required"), none.err());
    assertTrue(none.err().contains("Usage: nomos " + command), none.err());
    Run help = run(command, "--help");
    assertEquals(0, help.exit(), help.err());
    assertTrue(help.out().startsWith("Usage: nomos " + command), help.out());
    assertTrue(help.out().contains("Exit codes") || command.equals("record"), help.out());
  }

  @Test
  void missingOrDirectoryDataNamesTheFile() {
    Path missing = dir.resolve("nope.jsonl");
    assertOneLineFailure(run("eval", laws.toString(), "--data", missing.toString()), 1,
        "cannot read " + missing + ": no such file");
    assertOneLineFailure(run("fit", laws.toString(), "--data", train.toString(), "--data", dir.toString()), 1,
        "cannot read " + dir + ": is a directory");
    assertOneLineFailure(run("simulate", laws.toString(), "--from", dir + ":0", "--actions", "NOOP"), 1,
        "cannot read " + dir + ": is a directory");
  }

  @Test
  void missingModelJarIsNamedOnce() {
    Path jar = dir.resolve("model.jar");
    Run r = run("eval", jar.toString(), "--data", train.toString());
    assertOneLineFailure(r, 1, jar + ": no such file");
    assertEquals(r.err().indexOf(jar.toString()), r.err().lastIndexOf(jar.toString()), r.err());
  }

  @Test
  void truncatedGzipNamesFileAndLine() throws IOException {
    byte[] whole = gzip(rolling(400));
    Path cut = dir.resolve("cut.jsonl.gz");
    Files.write(cut, Arrays.copyOf(whole, whole.length / 2));
    Run r = run("eval", laws.toString(), "--data", cut.toString());
    assertOneLineFailure(r, 1, cut + ":");
    assertTrue(r.err().contains("the file is truncated"), r.err());
    // The cut is reported at the line it falls in, after the records that survive whole.
    int line = Integer.parseInt(r.err().replaceAll("(?s).*cut\\.jsonl\\.gz:(\\d+):.*", "$1"));
    assertTrue(line > 100 && line < 400, r.err());

    Path empty = Files.write(dir.resolve("empty.jsonl.gz"), new byte[0]);
    assertOneLineFailure(run("eval", laws.toString(), "--data", empty.toString()), 1, "empty or cut off");
    Path plain = Files.writeString(dir.resolve("plain.jsonl.gz"), rolling(3));
    assertOneLineFailure(run("eval", laws.toString(), "--data", plain.toString()), 1, "not a gzip file");
  }

  @Test
  void badRecordNamesFileLineAndField() throws IOException {
    Path bad = Files.write(dir.resolve("bad.jsonl.gz"),
        gzip(record(0, "NOOP", ball(2)) + record(1, "NOOP", ball(3).replace("\"hits\": 0", "\"hits\": true"))));
    assertOneLineFailure(run("fit", laws.toString(), "--data", bad.toString()), 1,
        bad + ":2: field 'objects[0].hits'");
  }

  @Test
  void dataThatDoesNotFitTheModelsWorld() throws IOException {
    Path action = Files.writeString(dir.resolve("action.jsonl"), record(0, "JUMP", ball(2)) + record(1, null, ball(3)));
    assertOneLineFailure(run("eval", laws.toString(), "--data", action.toString(), "--strict"), 1,
        action + ":1: field 'action': unknown action \"JUMP\"");
    Run open = run("eval", laws.toString(), "--data", action.toString());
    assertEquals(0, open.exit(), open.err());
    assertEquals(action + ":1: warning: action JUMP is not declared by world Line; kept, and no law's action condition"
        + " matches it (1 record)\n", open.err());
    // A missing declared attribute is an error either way: its value would have to be invented.
    Path attribute = Files.writeString(dir.resolve("attr.jsonl"), record(0, "NOOP", ball(2).replace("\"hits\"", "\"lives\"")));
    Run r = run("eval", laws.toString(), "--data", attribute.toString());
    assertOneLineFailure(r, 1, attribute + ":1: field 'objects[0].");
    Path range = Files.writeString(dir.resolve("range.jsonl"), record(0, "NOOP", ball(2).replace("\"hits\": 0", "\"hits\": 9")));
    assertOneLineFailure(run("eval", laws.toString(), "--data", range.toString(), "--strict"), 1,
        range + ":1: field 'objects[0].hits'");
  }

  @Test
  void dataWithoutTransitionsIsRefusedAndWritesNothing() throws IOException {
    Path one = Files.writeString(dir.resolve("one.jsonl"), record(0, null, ball(2)));
    Path out = dir.resolve("fitted.law");
    assertOneLineFailure(run("fit", laws.toString(), "--data", one.toString(), "-o", out.toString()), 1,
        "no transitions in " + one + ": 1 record in 1 episode");
    assertFalse(Files.exists(out));
    Path empty = Files.writeString(dir.resolve("empty.jsonl"), "\n");
    assertOneLineFailure(run("eval", laws.toString(), "--data", empty.toString()), 1, "no transitions in " + empty);
  }

  @Test
  void simulateStartAndActionsAreChecked() {
    assertOneLineFailure(run("simulate", laws.toString(), "--from", train + ":12", "--actions", "NOOP"), 1,
        "episode 0 has steps 0..11, not 12");
    assertOneLineFailure(run("simulate", laws.toString(), "--from", train + ":3:0", "--actions", "NOOP"), 1,
        "no episode 3 (it has 0)");
    assertOneLineFailure(run("simulate", laws.toString(), "--from", train.toString(), "--actions", "NOOP"), 2,
        "--from needs FILE:STEP");
    assertOneLineFailure(run("simulate", laws.toString(), "--from", train + ":-1", "--actions", "NOOP"), 2,
        "--from needs FILE:STEP");
    assertOneLineFailure(run("simulate", laws.toString(), "--from", train + ":99999999999", "--actions", "NOOP"), 2,
        "number too large");
    assertOneLineFailure(run("simulate", laws.toString(), "--from", train + ":0", "--actions", "NOOP,jump"), 2,
        "unknown action 'jump'; world Line declares NOOP, PUSH");
    assertOneLineFailure(run("simulate", laws.toString(), "--from", train + ":0", "--actions", "push"), 2,
        "unknown action 'push'; world Line declares NOOP, PUSH (names are case-sensitive: did you mean PUSH?)");
    assertOneLineFailure(run("simulate", laws.toString(), "--from", train + ":0", "--actions", "NOOP,,PUSH"), 2,
        "--actions: action 2 is empty");
    assertOneLineFailure(run("simulate", laws.toString(), "--from", train + ":0", "--actions", "NOOP", "--seed", "3"), 2,
        "--seed only matters with --sample");
  }

  @Test
  void outputThatIsADirectoryOrUnderAFileFailsBeforeAnyWork() throws IOException {
    Path file = Files.writeString(dir.resolve("afile"), "keep");
    Path under = file.resolve("out.jsonl");
    assertOneLineFailure(run("record", "pong", "--steps", "3", "-o", under.toString()), 1,
        "cannot write " + under + ": " + file + " is a file, not a directory");
    assertOneLineFailure(run("record", "pong", "--steps", "3", "-o", dir.toString()), 1,
        "cannot write " + dir + ": it is a directory");
    Run fit = run("fit", laws.toString(), "--data", train.toString(), "-o", file.resolve("m.law").toString());
    assertOneLineFailure(fit, 1, "is a file, not a directory");
    assertEquals("", fit.out(), "the check comes before the fit");
    assertOneLineFailure(run("simulate", laws.toString(), "--from", train + ":0", "--actions", "NOOP",
        "-o", under.toString()), 1, "is a file, not a directory");
    assertEquals("keep", Files.readString(file));
  }

  @Test
  void outputInAMissingDirectoryCreatesIt() throws IOException {
    Path out = dir.resolve("new/sub/run.jsonl");
    Run r = run("simulate", laws.toString(), "--from", train + ":0", "--actions", "NOOP,NOOP", "-o", out.toString());
    assertEquals(0, r.exit(), r.err());
    assertEquals(2, Files.readAllLines(out).size());
    assertEquals("", r.out());
  }

  @Test
  void readOnlyDirectoryKeepsTheOldOutput() throws IOException {
    assumeTrue(posix());
    Path ro = Files.createDirectory(dir.resolve("ro"));
    Path old = Files.writeString(ro.resolve("old.jsonl"), "old\n");
    Path law = Files.writeString(ro.resolve("old.law"), "old law\n");
    Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("r-xr-xr-x"));
    try {
      assumeFalse(Files.isWritable(ro), "running as a user who may write anywhere (root)");
      assertOneLineFailure(run("record", "pong", "--steps", "3", "-o", old.toString()), 1,
          "cannot write " + old + ": no permission to write in " + ro);
      assertOneLineFailure(run("fit", laws.toString(), "--data", train.toString(), "-o", law.toString()), 1,
          "no permission to write in " + ro);
      assertEquals("old\n", Files.readString(old));
      assertEquals("old law\n", Files.readString(law));
      try (var listing = Files.list(ro)) {
        assertEquals(2, listing.count(), "no temporary file left behind");
      }
    } finally {
      Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }

  @Test
  void failedWriteMessageSaysTheOldFileIsKept() throws IOException {
    Path old = Files.writeString(dir.resolve("old.jsonl"), "old\n");
    UserFacingException e = OutputFiles.cannotWrite(old, new java.nio.file.AccessDeniedException(old.toString()));
    assertEquals("cannot write " + old + ": permission denied; the old file is unchanged", e.getMessage());
    Path fresh = dir.resolve("fresh.jsonl");
    assertEquals("cannot write " + fresh + ": No space left on device", OutputFiles.cannotWrite(fresh,
        new java.nio.file.FileSystemException(fresh.toString(), null, "No space left on device")).getMessage());
  }

  @Test
  void recordedAndFittedFilesAreReadableByOthersOrKeepTheReplacedMode() throws IOException {
    assumeTrue(posix());
    Path recorded = dir.resolve("r.jsonl.gz");
    assertEquals(0, run("record", "pong", "--steps", "3", "-o", recorded.toString()).exit());
    assertEquals("rw-r--r--", mode(recorded));
    Path fitted = dir.resolve("fitted.law");
    assertEquals(0, run("fit", laws.toString(), "--data", train.toString(), "-o", fitted.toString()).exit());
    assertEquals("rw-r--r--", mode(fitted));
    Path simulated = dir.resolve("s.jsonl");
    assertEquals(0, run("simulate", laws.toString(), "--from", train + ":0", "--actions", "NOOP", "-o",
        simulated.toString()).exit());
    assertEquals("rw-r--r--", mode(simulated));

    byte[] before = Files.readAllBytes(recorded);
    for (Path p : new Path[] {recorded, fitted, simulated}) {
      Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-rw----"));
    }
    assertEquals(0, run("record", "pong", "--steps", "5", "-o", recorded.toString()).exit());
    assertEquals(0, run("fit", laws.toString(), "--data", train.toString(), "-o", fitted.toString()).exit());
    assertEquals(0, run("simulate", laws.toString(), "--from", train + ":0", "--actions", "PUSH", "-o",
        simulated.toString()).exit());
    assertFalse(Arrays.equals(before, Files.readAllBytes(recorded)), "the file was replaced");
    for (Path p : new Path[] {recorded, fitted, simulated}) {
      assertEquals("rw-rw----", mode(p), p.toString());
    }
  }

  @Test
  void recordLevelAndScriptFilesThatAreNotFiles() throws IOException {
    Path out = dir.resolve("never.jsonl");
    assertOneLineFailure(run("record", "sokoban", "--levels", dir.toString(), "--steps", "3", "-o", out.toString()), 1,
        "--levels " + dir + ": a directory");
    assertOneLineFailure(run("record", "sokoban", "--levels", dir.resolve("none.txt").toString(), "--steps", "3",
        "-o", out.toString()), 1, "level file not found");
    assertFalse(Files.exists(out));
  }

  @Test
  void fittingAJarIntoALawFileFailsBeforeTheFit() throws IOException {
    Path jar = dir.resolve("model.jar");
    assertEquals(0, run("compile", laws.toString(), "-o", jar.toString()).exit());
    Path out = dir.resolve("fitted.law");
    Run r = run("fit", jar.toString(), "--data", train.toString(), "-o", out.toString());
    assertOneLineFailure(r, 2, "a model jar has none");
    assertEquals("", r.out(), "nothing fitted before the refusal");
    assertFalse(Files.exists(out));
    Run table = run("fit", jar.toString(), "--data", train.toString());
    assertEquals(0, table.exit(), table.err());
    assertTrue(table.out().contains("11 transitions"), table.out());
  }

  @Test
  void recordOptionsThatWouldDoNothingAreUsageErrors() {
    Path out = dir.resolve("never.jsonl");
    assertOneLineFailure(run("record", "pong", "--steps", "3", "--epsilon", "0.3", "-o", out.toString()), 2,
        "--epsilon mixes random actions into --policy goal");
    assertOneLineFailure(run("record", "pong", "--steps", "3", "--policy", "goal", "--once", "-o", out.toString()), 2,
        "--once stops at the end of a script");
    assertFalse(Files.exists(out));
    Run one = run("record", "pong", "--steps", "1", "-o", out.toString());
    assertEquals("recorded 1 transition in 1 episode (2 records) to " + out + "\n", one.out());
  }

  @Test
  void recordToStandardOutputKeepsTheSummaryOnStandardError() throws IOException {
    Run r = run("record", "pong", "--steps", "2", "--seed", "3", "-o", "-");
    assertEquals(0, r.exit(), r.err());
    assertEquals("recorded 2 transitions in 1 episode (3 records) to standard output\n", r.err());
    Path file = dir.resolve("same.jsonl");
    assertEquals(0, run("record", "pong", "--steps", "2", "--seed", "3", "-o", file.toString()).exit());
    assertEquals(Files.readString(file), r.out(), "the same records as the file gets");
    assertFalse(Files.exists(Path.of("-")));
  }

  @Test
  void fitMayRewriteTheLawsInPlaceButNeverTheWorldFile() throws IOException {
    Path world = dir.resolve("world.law");
    String before = Files.readString(world);
    Run r = run("fit", laws.toString(), "--data", train.toString(), "-o", world.toString());
    assertOneLineFailure(r, 2, "would overwrite " + world);
    assertEquals("", r.out(), "refused before fitting");
    assertEquals(before, Files.readString(world));
    Path sameThroughDots = dir.resolve("sub/../world.law");
    Files.createDirectories(dir.resolve("sub"));
    assertOneLineFailure(run("fit", laws.toString(), "--data", train.toString(), "-o", sameThroughDots.toString()), 2,
        "would overwrite");

    Run inPlace = run("fit", laws.toString(), "--data", train.toString(), "-o", laws.toString());
    assertEquals(0, inPlace.exit(), inPlace.err());
    assertTrue(Files.readString(laws).contains("law inertia weight "), Files.readString(laws));
    Run again = run("fit", laws.toString(), "--data", train.toString());
    assertEquals(0, again.exit(), again.err());
  }

  @Test
  void simulateWritesGzipOrStandardOutput() throws IOException {
    Run plain = run("simulate", laws.toString(), "--from", train + ":2", "--actions", "NOOP,PUSH");
    assertEquals(0, plain.exit(), plain.err());
    assertEquals(plain.out(), run("simulate", laws.toString(), "--from", train + ":2", "--actions", "NOOP,PUSH",
        "-o", "-").out());
    Path gz = dir.resolve("sim.jsonl.gz");
    Run r = run("simulate", laws.toString(), "--from", train + ":2", "--actions", "NOOP,PUSH", "-o", gz.toString());
    assertEquals(0, r.exit(), r.err());
    assertEquals(plain.out(), new String(new java.util.zip.GZIPInputStream(Files.newInputStream(gz)).readAllBytes(),
        java.nio.charset.StandardCharsets.UTF_8));
    assertFalse(Files.exists(Path.of("-")));
  }

  @Test
  void dataGivenAsTheModelIsAUsageError() {
    assertOneLineFailure(run("eval", train.toString(), "--data", laws.toString()), 2,
        train + " looks like trajectory data, not a model");
    assertOneLineFailure(run("fit", laws.toString(), train.toString(), "--data", train.toString()), 2,
        "give data with --data");
  }

  @Test
  void progressBarAppearsAfterASecondRedrawsAtMostTenTimesASecondAndErasesItself() {
    long[] now = {0};
    StringWriter sink = new StringWriter();
    ProgressBar bar = ProgressBar.forced(new PrintWriter(sink), "fitting", () -> now[0]);
    now[0] = 500_000_000L;
    bar.progress(1, 10);
    assertEquals("", sink.toString(), "nothing within the first second");
    now[0] = 1_200_000_000L;
    bar.progress(2, 10);
    assertEquals("\r" + ProgressBar.line("fitting", 2, 10), sink.toString());
    now[0] = 1_250_000_000L;
    bar.progress(3, 10);
    assertEquals("\r" + ProgressBar.line("fitting", 2, 10), sink.toString(), "no redraw within 0.1 s");
    now[0] = 1_400_000_000L;
    bar.progress(4, 10);
    assertTrue(sink.toString().endsWith("\r" + ProgressBar.line("fitting", 4, 10)), sink.toString());
    bar.progress(10, 10);
    assertTrue(sink.toString().endsWith("\r" + ProgressBar.line("fitting", 10, 10)), "the end is always drawn");
    int before = sink.toString().length();
    bar.close();
    String erase = sink.toString().substring(before);
    assertTrue(erase.startsWith("\r") && erase.endsWith("\r") && erase.strip().isEmpty(), erase);
    assertTrue(erase.length() > ProgressBar.line("fitting", 10, 10).length(), "the whole bar is blanked");
  }

  @Test
  void aModelWithoutLawsHasNothingToFit() {
    Path world = dir.resolve("world.law");
    assertOneLineFailure(run("fit", world.toString(), "--data", train.toString(), "-o", dir.resolve("o.law").toString()),
        1, "nothing to fit: " + world + " declares no laws");
    Run eval = run("eval", world.toString(), "--data", train.toString());
    assertEquals(0, eval.exit(), "evaluating the uniform model is fine: " + eval.err());
  }

  @Test
  void aWriteThatFailsAfterTheChecksIsStillOneLine() throws IOException {
    // Passes every check before the work (the directory is writable) and fails at the write itself.
    Path tooLong = dir.resolve("x".repeat(300) + ".jsonl");
    assertOneLineFailure(run("record", "pong", "--steps", "3", "-o", tooLong.toString()), 1,
        "cannot write " + tooLong + ": ");
    assertOneLineFailure(run("fit", laws.toString(), "--data", train.toString(), "-o",
        dir.resolve("y".repeat(300) + ".law").toString()), 1, "cannot write ");
    try (var listing = Files.list(dir)) {
      assertEquals(3, listing.count(), "only world.law, laws.law and train.jsonl: nothing half-written");
    }
  }
}
