package dev.nomos.cli;

import static dev.nomos.cli.Run.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.objectweb.asm.Opcodes.ALOAD;
import static org.objectweb.asm.Opcodes.ATHROW;
import static org.objectweb.asm.Opcodes.DUP;
import static org.objectweb.asm.Opcodes.IASTORE;
import static org.objectweb.asm.Opcodes.ICONST_0;
import static org.objectweb.asm.Opcodes.INVOKESPECIAL;
import static org.objectweb.asm.Opcodes.INVOKESTATIC;
import static org.objectweb.asm.Opcodes.INVOKEVIRTUAL;
import static org.objectweb.asm.Opcodes.MONITORENTER;
import static org.objectweb.asm.Opcodes.MONITOREXIT;
import static org.objectweb.asm.Opcodes.NEW;
import static org.objectweb.asm.Opcodes.NEWARRAY;
import static org.objectweb.asm.Opcodes.POP;
import static org.objectweb.asm.Opcodes.RETURN;
import static org.objectweb.asm.Opcodes.T_INT;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.objectweb.asm.MethodVisitor;

/**
 * The hostile-input corpus of issue 18: law sources, trajectories, tampered model jars and command
 * lines that once crashed, hung, ran out of memory or printed stack traces. Each case prepares its
 * files (small ones are copied from {@code src/test/resources/hostile/}, large ones are generated),
 * runs one command in-process and expects its exit code, a line naming what is wrong (and where),
 * no stack trace, no raw control character, and an end within the JUnit timeout.
 */
class HostileInputsTest {
  private static final String RESOURCES = "/hostile/";
  private static final List<String> RESOURCE_FILES = List.of("world.law", "bidi-comment.law", "use-dev-zero.law",
      "nesting-64.law", "nesting-65.law", "use-escape.law", "chain-256.law", "chain-3000.law", "effects-5000.law");
  private static final String STAYS = "use \"world.law\"\nlaw stays { for b: Ball then b.vx := b.vx }\n";

  @TempDir
  Path dir;

  /** One hostile input: what to prepare in the directory, the command (relative paths), and what it must do. */
  record Case(String name, Setup setup, int exit, String expected) {
    @Override public String toString() { return name; }
  }

  @FunctionalInterface
  interface Setup {
    /** Writes the case's files into {@code dir} and returns the command's arguments. */
    String[] prepare(Path dir) throws Exception;
  }

  @BeforeEach
  void copyCorpus() throws IOException {
    for (String name : RESOURCE_FILES) {
      try (InputStream in = HostileInputsTest.class.getResourceAsStream(RESOURCES + name)) {
        Files.write(dir.resolve(name), in.readAllBytes());
      }
    }
    Files.writeString(dir.resolve("stays.law"), STAYS);
    Files.writeString(dir.resolve("train.jsonl"), rolling(5));
  }

  static Stream<Case> corpus() {
    return Stream.of(
        // ---- law sources
        new Case("a law over 64 KB of bytecode is interpreted (eval)",
            d -> args(d, "eval", "effects-5000.law", "--data", "train.jsonl"), 0, "huge"),
        new Case("a law over 64 KB of bytecode is interpreted (fit)",
            d -> args(d, "fit", "effects-5000.law", "--data", "train.jsonl", "-o", "fitted.law"), 0, "huge"),
        new Case("a law over 64 KB of bytecode is refused by compile, by name",
            d -> args(d, "compile", "effects-5000.law", "-o", "big.jar"), 1, "effects-5000.law:2: law huge is too large"),
        new Case("fmt of a 3,000-term chain", d -> args(d, "fmt", "chain-3000.law"), 1, "chain-3000.law:2:"),
        new Case("check of a 3,000-term chain", d -> args(d, "check", "chain-3000.law"), 1,
            "an expression chains more than 256 operators"),
        new Case("fmt of a 256-term chain, the limit", d -> args(d, "fmt", "chain-256.law"), 0, "* 1 * 1"),
        new Case("eval of a 256-term chain, the limit", d -> args(d, "eval", "chain-256.law", "--data",
            "train.jsonl", "--engine", "interpreted"), 0, "chain"),
        // 64 levels counting the law's braces; 65 is one too many.
        new Case("nesting one past the limit", d -> args(d, "check", "nesting-65.law"), 1,
            "nesting-65.law:2:"),
        new Case("nesting at the limit", d -> args(d, "eval", "nesting-64.law", "--data", "train.jsonl"), 0, "deep"),
        new Case("a bidirectional control in a comment", d -> args(d, "check", "bidi-comment.law"), 1,
            "bidi-comment.law:2:"),
        new Case("use of /dev/zero", d -> args(d, "check", "use-dev-zero.law"), 1, "not a regular file"),
        new Case("escape sequences in a use path", d -> args(d, "check", "use-escape.law"), 1, "use-escape.law:1:"),
        new Case("use of a FIFO", HostileInputsTest::fifo, 1, "not a regular file"),
        new Case("use of a directory", d -> {
          Files.createDirectory(d.resolve("dir.law"));
          Files.writeString(d.resolve("uses-dir.law"), "use \"dir.law\"\n");
          return args(d, "check", "uses-dir.law");
        }, 1, "is a directory"),
        new Case("use of a 3 GB file", d -> {
          sparse(d.resolve("huge-world.law"), 3L << 30);
          Files.writeString(d.resolve("uses-huge.law"), "use \"huge-world.law\"\n");
          return args(d, "check", "uses-huge.law");
        }, 1, "the limit is"),
        new Case("check of a 3 GB file", d -> {
          sparse(d.resolve("huge.law"), 3L << 30);
          return args(d, "check", "huge.law");
        }, 1, "the limit is"),
        new Case("fmt of a 3 GB file", d -> {
          sparse(d.resolve("huge.law"), 3L << 30);
          return args(d, "fmt", "huge.law");
        }, 1, "the limit is"),
        // ---- trajectories
        new Case("a gzip that inflates to 100 MB without a newline", d -> {
          try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(d.resolve("bomb.jsonl.gz")), 1 << 16)) {
            byte[] block = new byte[1 << 20];
            Arrays.fill(block, (byte) 'a');
            for (int i = 0; i < 100; i++) {
              out.write(block);
            }
          }
          return args(d, "eval", "stays.law", "--data", "bomb.jsonl.gz");
        }, 1, "bomb.jsonl.gz:1"),
        // A million objects are FrameScaleTest's (runtime); here the command's whole path, at a size that stays fast.
        new Case("a frame of 20,000 objects", d -> {
          StringBuilder objects = new StringBuilder();
          for (int i = 0; i < 20_000; i++) {
            objects.append(i == 0 ? "" : ", ").append(ball(i + 1, i % 40));
          }
          Files.writeString(d.resolve("crowd.jsonl"), record(0, "NOOP", objects.toString())
              + record(1, null, objects.toString()));
          return args(d, "eval", "stays.law", "--data", "crowd.jsonl");
        }, 0, "stays"),
        new Case("20,000 objects without ids in one place", d -> {
          StringBuilder objects = new StringBuilder();
          for (int i = 0; i < 20_000; i++) {
            objects.append(i == 0 ? "" : ", ").append("{\"type\": \"Ball\", \"x\": 5, \"y\": 5, \"hits\": 0}");
          }
          Files.writeString(d.resolve("noids.jsonl"), record(0, "NOOP", objects.toString())
              + record(1, null, objects.toString()));
          return args(d, "eval", "stays.law", "--data", "noids.jsonl");
        }, 1, "noids.jsonl:2"),
        // ---- model jars that pass the jar's own hashes
        new Case("jar law: stack overflow in apply", d -> jar(d, HostileJars.lawClass(mv -> {
          mv.visitVarInsn(ALOAD, 0);
          mv.visitVarInsn(ALOAD, 1);
          mv.visitVarInsn(ALOAD, 2);
          mv.visitMethodInsn(INVOKEVIRTUAL, HostileJars.CLASS, "apply", APPLY, false);
          mv.visitInsn(RETURN);
        })), 1, "java.lang.StackOverflowError"),
        new Case("jar law: out of memory in apply", d -> jar(d, HostileJars.lawClass(mv -> {
          mv.visitLdcInsn(Integer.MAX_VALUE - 16);
          mv.visitIntInsn(NEWARRAY, T_INT);
          mv.visitInsn(POP);
          mv.visitInsn(RETURN);
        })), 1, "java.lang.OutOfMemoryError"),
        new Case("jar law: a static initializer", d -> jar(d, HostileJars.withStaticInitializer()), 1,
            "static initializer"),
        new Case("jar law: a missing stdlib class", d -> jar(d, HostileJars.lawClass(mv -> {
          mv.visitMethodInsn(INVOKESTATIC, "dev/nomos/stdlib/Missing", "f", "()I", false);
          mv.visitInsn(POP);
          mv.visitInsn(RETURN);
        })), 1, "dev/nomos/stdlib/Missing (no such class"),
        new Case("jar law: a missing stdlib method", d -> jar(d, HostileJars.lawClass(mv -> {
          mv.visitMethodInsn(INVOKESTATIC, "dev/nomos/stdlib/Geometry", "missing", "()I", false);
          mv.visitInsn(POP);
          mv.visitInsn(RETURN);
        })), 1, "dev/nomos/stdlib/Geometry.missing()I"),
        new Case("jar law: printStackTrace through an allowed exception", d -> jar(d, HostileJars.lawClass(mv -> {
          newBudgetException(mv, "x");
          mv.visitMethodInsn(INVOKEVIRTUAL, BUDGET, "printStackTrace", "()V", false);
          mv.visitInsn(RETURN);
        })), 1, "printStackTrace"),
        new Case("jar law: wait() through the law class's own name", d -> jar(d, HostileJars.lawClass(mv -> {
          mv.visitVarInsn(ALOAD, 0);
          mv.visitMethodInsn(INVOKEVIRTUAL, HostileJars.CLASS, "wait", "()V", false);
          mv.visitInsn(RETURN);
        })), 1, "nomos/model/Law0.wait()V"),
        new Case("jar law: a write into Frame.all()", d -> jar(d, HostileJars.lawClass(mv -> {
          mv.visitVarInsn(ALOAD, 1);
          mv.visitMethodInsn(INVOKEVIRTUAL, "dev/nomos/runtime/Frame", "all", "()[I", false);
          mv.visitInsn(ICONST_0);
          mv.visitInsn(ICONST_0);
          mv.visitInsn(IASTORE);
          mv.visitInsn(RETURN);
        })), 1, "array store"),
        new Case("jar law: a monitor on the frame", d -> jar(d, HostileJars.lawClass(mv -> {
          mv.visitVarInsn(ALOAD, 1);
          mv.visitInsn(MONITORENTER);
          mv.visitVarInsn(ALOAD, 1);
          mv.visitInsn(MONITOREXIT);
          mv.visitInsn(RETURN);
        })), 1, "monitor"),
        new Case("jar law: a synchronized apply", d -> jar(d, HostileJars.synchronizedApply()), 1, "synchronized"),
        new Case("jar law: escape sequences in its message", d -> jar(d, HostileJars.lawClass(mv -> {
          newBudgetException(mv, "\u001b[2J\u001b]0;owned\u0007");
          mv.visitInsn(ATHROW);
        })), 1, "\\u001b[2J"),
        new Case("model.json: escape sequences in a law name", d -> modelJson(d,
            j -> j.replace("\"name\" : \"stays\"", "\"name\" : \"st\\u001b[31mays\"")), 1, "laws[0].name"),
        new Case("model.json: nu = 1e400", d -> modelJson(d, j -> j.replaceFirst("\"nu\" : [0-9.]+", "\"nu\" : 1e400")),
            1, "options.nu must be a finite number"),
        new Case("model.json: lambda = 1e400", d -> modelJson(d,
            j -> j.replaceFirst("\"lambda\" : [0-9.eE-]+", "\"lambda\" : 1e400")), 1, "options.lambda must be a finite"),
        new Case("model.json: a duplicate key", d -> modelJson(d, j -> j.replaceFirst("\\{", "{ \"format\" : 1,")), 1,
            "Duplicate field 'format'"),
        new Case("model.json: deep nesting", d -> modelJson(d,
            j -> j.replaceFirst("\\{", "{ \"deep\" : " + "[".repeat(5000) + "]".repeat(5000) + ",")), 1,
            "nesting depth"),
        // ---- outputs and usage
        new Case("compile -o onto the model's own source", d -> args(d, "compile", "stays.law", "-o", "world.law"), 2,
            "would overwrite"),
        new Case("eval --engine bogus", d -> args(d, "eval", "stays.law", "--data", "train.jsonl", "--engine", "bogus"),
            2, "unknown engine 'bogus'"),
        new Case("learn -q against an endpoint that refuses connections", d -> args(d, "learn", "world.law", "--data",
            "train.jsonl", "-o", "learned.law", "--proposer", "openai", "--base-url", "http://127.0.0.1:9/v1",
            "--llm-timeout", "5", "--iterations", "1", "--max-llm-calls", "1", "-q"), 1,
            "cannot reach the endpoint"),
        new Case("learn --engine bogus", d -> args(d, "learn", "world.law", "--data", "train.jsonl",
            "-o", "learned.law", "--engine", "bogus"), 2, "unknown engine 'bogus'"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  @Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void isHandledCleanly(Case c) throws Exception {
    Run r = run(c.setup().prepare(dir));
    String all = r.out() + r.err();
    assertEquals(c.exit(), r.exit(), c.name() + "\n" + all);
    assertFalse(all.contains("Exception in thread") || all.contains("\tat ") || all.contains("at dev.nomos")
        || all.contains("internal error"), "a stack trace:\n" + all);
    assertFalse(all.chars().anyMatch(ch -> ch == 0x1b || ch == 0x07 || (ch >= 0x202a && ch <= 0x202e)),
        "a raw control character reached the output:\n" + all);
    assertTrue(all.contains(c.expected()), "expected '" + c.expected() + "' in:\n" + all);
    if (c.exit() != 0) {
      String first = (r.err().isBlank() ? r.out() : r.err()).lines().findFirst().orElse("");
      assertTrue(first.startsWith("nomos: ") || first.matches("^[^ ]+\\.law:\\d+:\\d+: error\\[N\\d{3}\\].*"),
          "the first line of the error should say what failed, and where: " + first);
    }
  }

  /** Every file of the corpus directory is copied for the cases, so none sits there untested. */
  @Test
  void everyCorpusFileIsUsed() throws Exception {
    Path resources = Path.of(HostileInputsTest.class.getResource(RESOURCES).toURI());
    try (Stream<Path> files = Files.list(resources)) {
      assertEquals(new java.util.TreeSet<>(RESOURCE_FILES),
          files.map(f -> f.getFileName().toString()).collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new)));
    }
  }

  @Test
  void theNestingLimitGivesTheSameAnswerOnEveryRun() throws IOException {
    for (int i = 0; i < 5; i++) {
      assertEquals(1, run("check", dir.resolve("nesting-65.law").toString()).exit());
      assertEquals(0, run("check", dir.resolve("nesting-64.law").toString()).exit());
    }
  }

  @Test
  void compilingTheSameSourcesTwiceGivesTheSameJar() throws IOException {
    assertEquals(0, run("compile", dir.resolve("stays.law").toString(), "-o", dir.resolve("a.jar").toString()).exit());
    assertEquals(0, run("compile", dir.resolve("stays.law").toString(), "-o", dir.resolve("b.jar").toString()).exit());
    assertArrayEquals(Files.readAllBytes(dir.resolve("a.jar")), Files.readAllBytes(dir.resolve("b.jar")));
  }

  // ---- helpers

  private static final String APPLY = "(Ldev/nomos/runtime/Frame;Ldev/nomos/runtime/OpinionSink;)V";
  private static final String BUDGET = "dev/nomos/runtime/BindingBudgetExceededException";

  /** Leaves a new BindingBudgetExceededException naming {@code lawName} on the stack. */
  private static void newBudgetException(MethodVisitor mv, String lawName) {
    mv.visitTypeInsn(NEW, BUDGET);
    mv.visitInsn(DUP);
    mv.visitLdcInsn(lawName);
    mv.visitLdcInsn(2L);
    mv.visitLdcInsn(1L);
    mv.visitMethodInsn(INVOKESPECIAL, BUDGET, "<init>", "(Ljava/lang/String;JJ)V", false);
  }

  /** The command with each file name (an argument with a dot, after the command) resolved against {@code dir}. */
  private static String[] args(Path dir, String... relative) {
    List<String> out = new ArrayList<>();
    boolean first = true;
    for (String a : relative) {
      boolean file = !first && !a.startsWith("-") && a.contains(".") && !a.contains("://");
      out.add(file ? dir.resolve(a).toString() : a);
      first = false;
    }
    return out.toArray(String[]::new);
  }

  private static String[] jar(Path dir, byte[] lawClass) throws IOException {
    compileStays(dir);
    HostileJars.replaceLawClass(dir.resolve("model.jar"), lawClass);
    return args(dir, "eval", "model.jar", "--data", "train.jsonl");
  }

  private static String[] modelJson(Path dir, java.util.function.UnaryOperator<String> edit) throws IOException {
    compileStays(dir);
    HostileJars.editModelJson(dir.resolve("model.jar"), edit);
    return args(dir, "eval", "model.jar", "--data", "train.jsonl");
  }

  private static void compileStays(Path dir) {
    Run r = run("compile", dir.resolve("stays.law").toString(), "-o", dir.resolve("model.jar").toString());
    assertEquals(0, r.exit(), r.err());
  }

  private static String[] fifo(Path dir) throws Exception {
    Path pipe = dir.resolve("pipe.law");
    Process p = new ProcessBuilder("mkfifo", pipe.toString()).start();
    org.junit.jupiter.api.Assumptions.assumeTrue(p.waitFor() == 0, "mkfifo is not available");
    Files.writeString(dir.resolve("uses-pipe.law"), "use \"pipe.law\"\n");
    return args(dir, "check", "uses-pipe.law");
  }

  /** A file of {@code size} bytes that takes no disk space (and would take minutes to read). */
  private static void sparse(Path file, long size) {
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
      f.setLength(size);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String record(int t, String action, String objects) {
    return "{\"episode\": 0, \"t\": " + t + ", \"action\": " + (action == null ? "null" : "\"" + action + "\"")
        + ", \"objects\": [" + objects + "]}\n";
  }

  private static String ball(int id, int x) {
    return "{\"id\": " + id + ", \"type\": \"Ball\", \"x\": " + x + ", \"y\": 5, \"hits\": 0}";
  }

  private static String rolling(int steps) {
    StringBuilder sb = new StringBuilder();
    for (int t = 0; t < steps; t++) {
      sb.append(record(t, t == steps - 1 ? null : "NOOP", ball(1, 2 + t)));
    }
    return sb.toString();
  }
}
