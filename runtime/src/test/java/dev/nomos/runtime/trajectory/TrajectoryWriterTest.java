package dev.nomos.runtime.trajectory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrajectoryWriterTest {
  @TempDir Path dir;

  static List<StepRecord> sample() {
    Map<String, Object> extras = new LinkedHashMap<>();
    extras.put("dir", "UP");
    extras.put("hp", 3);
    extras.put("on", false);
    return List.of(
        new StepRecord(0, 0, "UP", 0.5, false, List.of(
            new ObjectState(7, "Ball", 1, 2, 3, 4, extras), ObjectState.of(2, "Wall", -1, 0, 1, 1))),
        new StepRecord(0, 1, null, 0.0, true, List.of()),
        new StepRecord(1, 0, "NOOP", -1.0, false, List.of(ObjectState.of(null, "Ball", 5, 6, 1, 1))));
  }

  @Test
  void writesCanonicalFieldOrder() throws IOException {
    StringWriter out = new StringWriter();
    try (TrajectoryWriter w = TrajectoryWriter.to(out)) {
      w.write(sample().get(0));
      w.commit();
    }
    assertEquals("{\"episode\":0,\"t\":0,\"action\":\"UP\",\"reward\":0.5,\"done\":false,\"objects\":["
        + "{\"id\":7,\"type\":\"Ball\",\"x\":1,\"y\":2,\"w\":3,\"h\":4,\"dir\":\"UP\",\"hp\":3,\"on\":false},"
        + "{\"id\":2,\"type\":\"Wall\",\"x\":-1,\"y\":0,\"w\":1,\"h\":1}]}\n", out.toString());
  }

  @Test
  void roundTripsPlainAndGzip() throws IOException {
    for (String name : List.of("a.jsonl", "a.jsonl.gz")) {
      Path file = dir.resolve(name);
      TrajectoryWriter.writeAll(file, sample());
      assertEquals(sample(), TrajectoryReader.readAll(file), name);
    }
    byte[] gz = Files.readAllBytes(dir.resolve("a.jsonl.gz"));
    assertEquals(0x1f, gz[0] & 0xff);
    assertEquals(0x8b, gz[1] & 0xff);
  }

  @Test
  void closeWithoutCommitKeepsTheOldFileAndLeavesNoTemporary() throws IOException {
    Path file = dir.resolve("keep.jsonl");
    Files.writeString(file, "old\n");
    try (TrajectoryWriter w = TrajectoryWriter.create(file)) {
      w.write(sample().get(0));
    }
    assertEquals("old\n", Files.readString(file));
    try (Stream<Path> s = Files.list(dir)) {
      assertEquals(List.of(file), s.toList());
    }
  }

  @Test
  void newFilesAreReadableByOthersAndReplacedFilesKeepTheirPermissions() throws IOException {
    Path fresh = dir.resolve("fresh.jsonl");
    TrajectoryWriter.writeAll(fresh, sample());
    org.junit.jupiter.api.Assumptions.assumeTrue(
        Files.getFileStore(fresh).supportsFileAttributeView(java.nio.file.attribute.PosixFileAttributeView.class));
    assertEquals("rw-r--r--", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh)));
    Files.setPosixFilePermissions(fresh, java.nio.file.attribute.PosixFilePermissions.fromString("rw-rw----"));
    TrajectoryWriter.writeAll(fresh, sample());
    assertEquals("rw-rw----", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh)));
  }

  @Test
  void commitReplacesAtomicallyAndRefusesLaterWrites() throws IOException {
    Path file = dir.resolve("sub/out.jsonl");
    TrajectoryWriter w = TrajectoryWriter.create(file);
    w.write(sample().get(0));
    assertFalse(Files.exists(file));
    w.commit();
    assertTrue(Files.exists(file));
    assertThrows(IllegalStateException.class, () -> w.write(sample().get(1)));
    w.close();
    assertEquals(1, TrajectoryReader.readAll(file).size());
  }

  @Test
  void aFailedCommitLeavesWhatWasThereAndNoTemporary() throws IOException {
    Path file = dir.resolve("d.jsonl");
    TrajectoryWriter w = TrajectoryWriter.create(file);
    w.write(sample().get(0));
    // Something else takes the name meanwhile: a non-empty directory cannot be replaced.
    Files.createDirectories(file.resolve("inside"));
    assertThrows(IOException.class, w::commit);
    w.close();
    assertTrue(Files.isDirectory(file.resolve("inside")));
    try (var s = Files.list(dir)) {
      assertEquals(List.of(file), s.toList(), "no temporary file left behind");
    }
  }
}
