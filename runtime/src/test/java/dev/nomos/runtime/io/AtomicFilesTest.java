package dev.nomos.runtime.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
  @TempDir
  Path dir;

  private long filesIn(Path d) throws IOException {
    try (Stream<Path> s = Files.list(d)) {
      return s.count();
    }
  }

  @Test
  void newFilesAreReadableByOthers() throws IOException {
    Path target = dir.resolve("model.law");
    AtomicFiles.writeString(target, "law a { for b: Ball then b.vx := 1 }\n");
    assertEquals("law a { for b: Ball then b.vx := 1 }\n", Files.readString(target));
    assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
    assertEquals(1, filesIn(dir));
  }

  @Test
  void aReplacedFileKeepsItsPermissions() throws IOException {
    Path target = dir.resolve("data.jsonl");
    Files.writeString(target, "old");
    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-rw----"));
    AtomicFiles.writeString(target, "new");
    assertEquals("new", Files.readString(target));
    assertEquals("rw-rw----", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
  }

  @Test
  void aFailedWriteLeavesTheOldFileAndNoTemporaryFile() throws IOException {
    Path target = dir.resolve("model.jar");
    Files.writeString(target, "the old model");
    IOException failure = assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> {
      out.write("half a jar".getBytes());
      throw new IOException("disk full");
    }));
    assertEquals("disk full", failure.getMessage());
    assertEquals("the old model", Files.readString(target));
    assertEquals(1, filesIn(dir));
  }
}
