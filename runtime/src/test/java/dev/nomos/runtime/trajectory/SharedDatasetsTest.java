package dev.nomos.runtime.trajectory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reads every recording in ../../shared/datasets, or in the directory named by the system property
 * {@code nomos.datasets} (skipped when absent).
 */
class SharedDatasetsTest {
  static final Path DATASETS = Path.of(System.getProperty("nomos.datasets", "../../shared/datasets"));

  static List<Path> datasets() throws IOException {
    assumeTrue(Files.isDirectory(DATASETS), "shared datasets not present");
    try (Stream<Path> s = Files.list(DATASETS)) {
      return s.filter(p -> p.getFileName().toString().endsWith(".jsonl.gz")).sorted().toList();
    }
  }

  @Test
  void readsEveryDatasetAndRoundTrips(@TempDir Path dir) throws IOException {
    List<Path> files = datasets();
    assertFalse(files.isEmpty());
    for (Path f : files) {
      List<StepRecord> records = TrajectoryReader.readAll(f);
      assertTrue(records.size() >= 600, f + " has " + records.size() + " records");
      StepRecord last = records.get(records.size() - 1);
      assertTrue(last.done(), f + " ends without done");
      Path copy = dir.resolve(f.getFileName());
      TrajectoryWriter.writeAll(copy, records);
      assertEquals(records, TrajectoryReader.readAll(copy), f.toString());
    }
  }
}
