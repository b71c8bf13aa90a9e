package dev.nomos.runtime.trajectory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Files that are not whole trajectories: cut-off or corrupt gzip, empty gzip, directories. */
class DamagedFilesTest {
  @TempDir
  Path dir;

  /** Records whose objects vary, so that gzip cannot shrink them to nothing. */
  private static String records(int n) {
    StringBuilder sb = new StringBuilder();
    for (int t = 0; t < n; t++) {
      sb.append("{\"episode\":0,\"t\":").append(t).append(",\"action\":\"UP\",\"objects\":[{\"id\":1,\"type\":\"Ball\",\"x\":")
          .append((t * 7919) % 160).append(",\"y\":").append((t * 104729) % 210).append("}]}\n");
    }
    return sb.toString();
  }

  private static byte[] gzip(String text) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
      gz.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return bytes.toByteArray();
  }

  /** How many whole lines survive in a cut gzip file, found independently of the reader. */
  private static int wholeLines(byte[] cut) throws IOException {
    ByteArrayOutputStream text = new ByteArrayOutputStream();
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(cut))) {
      byte[] buffer = new byte[1];
      while (in.read(buffer) > 0) {
        text.write(buffer[0]);
      }
    } catch (EOFException expected) {
      // The cut.
    }
    return (int) text.toString(StandardCharsets.UTF_8).chars().filter(c -> c == '\n').count();
  }

  @ParameterizedTest(name = "cut at {0}% of the bytes")
  @ValueSource(ints = {10, 35, 60, 85, 99})
  void truncatedGzipIsReportedAtTheLineWhereTheDataEnds(int percent) throws IOException {
    byte[] whole = gzip(records(3000));
    byte[] cut = Arrays.copyOf(whole, whole.length * percent / 100);
    Path file = Files.write(dir.resolve("cut.jsonl.gz"), cut);
    int intact = wholeLines(cut);
    int read = 0;
    try (TrajectoryReader in = TrajectoryReader.open(file)) {
      TrajectoryFormatException e = null;
      try {
        while (in.read() != null) {
          read++;
        }
      } catch (TrajectoryFormatException ex) {
        e = ex;
      }
      assertTrue(e != null, "a cut file must not read as complete");
      assertEquals(intact, read, "every whole record before the cut is read");
      assertEquals(intact + 1, e.line());
      assertEquals(file, e.file());
      assertTrue(e.problem().contains("the file is truncated"), e.getMessage());
    }
  }

  @Test
  void wholeGzipReadsToTheEnd() throws IOException {
    Path file = Files.write(dir.resolve("whole.jsonl.gz"), gzip(records(3000)));
    assertEquals(3000, TrajectoryReader.readAll(file).size());
  }

  @Test
  void corruptGzipDataNamesTheFile() throws IOException {
    byte[] bytes = gzip(records(3000));
    for (int i = bytes.length / 2; i < bytes.length / 2 + 64; i++) {
      bytes[i] ^= 0x5a;
    }
    Path file = Files.write(dir.resolve("corrupt.jsonl.gz"), bytes);
    TrajectoryFormatException e = assertThrows(TrajectoryFormatException.class, () -> TrajectoryReader.readAll(file));
    assertEquals(file, e.file());
    assertTrue(e.line() > 1, e.getMessage());
  }

  @Test
  void emptyOrPlainGzipAndDirectoriesAreNamed() throws IOException {
    Path empty = Files.write(dir.resolve("empty.jsonl.gz"), new byte[0]);
    IOException e = assertThrows(IOException.class, () -> TrajectoryReader.readAll(empty));
    assertEquals(empty + ": empty or cut off before the end of its gzip header", e.getMessage());
    Path plain = Files.writeString(dir.resolve("plain.jsonl.gz"), records(2));
    e = assertThrows(IOException.class, () -> TrajectoryReader.readAll(plain));
    assertTrue(e.getMessage().startsWith(plain + ": not a gzip file"), e.getMessage());
    FileSystemException d = assertThrows(FileSystemException.class, () -> TrajectoryReader.readAll(dir));
    assertEquals(dir.toString(), d.getFile());
    assertEquals("is a directory, not a trajectory file", d.getReason());
  }
}
