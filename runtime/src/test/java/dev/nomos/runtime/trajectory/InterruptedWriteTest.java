package dev.nomos.runtime.trajectory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A process stopped in the middle of an atomic write (Ctrl-C, SIGTERM) leaves the old file and no debris. */
class InterruptedWriteTest {
  @TempDir
  Path dir;

  /** Starts a write of {@code args[0]}, says so, and waits to be stopped. */
  public static void main(String[] args) throws Exception {
    TrajectoryWriter w = TrajectoryWriter.create(Path.of(args[0]));
    w.write(new StepRecord(0, 0, "UP", 0, false, List.of(ObjectState.of(1, "Ball", 1, 2, 1, 1))));
    System.out.println("writing");
    System.out.flush();
    Thread.sleep(60_000);
  }

  @Test
  void stoppedWriterLeavesTheOldFileAndNoTemporaryFile() throws Exception {
    Path target = Files.writeString(dir.resolve("d.jsonl"), "old\n");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        InterruptedWriteTest.class.getName(), target.toString()).redirectErrorStream(true).start();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      // Skip anything the JVM itself says first (JAVA_TOOL_OPTIONS notices and the like).
      String line;
      do {
        line = out.readLine();
      } while (line != null && !line.equals("writing"));
      assertEquals("writing", line, "the child process never started writing");
      assertEquals(2, count(), "the temporary file exists while the write runs");
      p.destroy(); // SIGTERM: shutdown hooks run, as on Ctrl-C.
      assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    } finally {
      p.destroyForcibly();
    }
    assertEquals("old\n", Files.readString(target));
    assertEquals(1, count(), "no temporary file left behind");
  }

  private long count() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.count();
    }
  }
}
