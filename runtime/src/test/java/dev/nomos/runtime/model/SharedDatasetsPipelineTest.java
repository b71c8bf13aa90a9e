package dev.nomos.runtime.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.nomos.runtime.AttributeSpec;
import dev.nomos.runtime.EntityType;
import dev.nomos.runtime.Frame;
import dev.nomos.runtime.WorldSchema;
import dev.nomos.runtime.trajectory.Episode;
import dev.nomos.runtime.trajectory.Episodes;
import dev.nomos.runtime.trajectory.ObjectState;
import dev.nomos.runtime.trajectory.StepRecord;
import dev.nomos.runtime.trajectory.TrajectoryReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Reads every external training recording through tracker, codec and model (against a permissive schema
 * derived here from the data) and checks what a model without laws must give: finite NLL, and the
 * "nothing changes" prediction exactly right on the transitions where nothing changed.
 */
class SharedDatasetsPipelineTest {
  static final Path DATASETS = Path.of(System.getProperty("nomos.datasets", "../../shared/datasets"));

  @Test
  void everyDatasetRunsThroughTheModel() throws IOException {
    assumeTrue(Files.isDirectory(DATASETS), "shared datasets not present");
    List<Path> files;
    try (Stream<Path> s = Files.list(DATASETS)) {
      files = s.filter(p -> p.toString().endsWith("_train.jsonl.gz")).sorted().toList();
    }
    for (Path file : files) {
      WorldSchema schema = permissiveSchema(TrajectoryReader.readAll(file));
      List<Episode> episodes = Episodes.read(file, schema);
      WorldModel empty = WorldModel.of(schema, List.of());
      Evaluation e = Metrics.evaluate(empty, episodes);
      assertEquals(Episodes.transitions(episodes), e.transitions(), file.toString());
      assertTrue(Double.isFinite(e.nllPerTransition()) && e.nllPerTransition() > 0, file + ": " + e.nllPerTransition());
      long unchanged = 0;
      for (Episode ep : episodes) {
        for (int k = 0; k + 1 < ep.frames().size(); k++) {
          if (sameObjects(ep.frames().get(k), ep.frames().get(k + 1))) {
            unchanged++;
          }
        }
      }
      assertEquals((double) unchanged / e.transitions(), e.exactFrameAccuracy(), 1e-12, file.toString());
    }
  }

  private static boolean sameObjects(Frame a, Frame b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i : a.all()) {
      int j = b.indexOfId(a.id(i));
      if (j < 0 || b.type(j) != a.type(i) || b.x(j) != a.x(i) || b.y(j) != a.y(i)) {
        return false;
      }
    }
    return true;
  }

  /** Types, actions and extras as they occur; the screen and velocity range wide enough for the data. */
  static WorldSchema permissiveSchema(List<StepRecord> records) {
    TreeSet<String> actions = new TreeSet<>();
    Map<String, Map<String, List<Object>>> values = new TreeMap<>();
    int width = 1;
    int height = 1;
    int speed = 1;
    Map<Integer, ObjectState> previous = new HashMap<>();
    for (StepRecord r : records) {
      if (r.action() != null) {
        actions.add(r.action());
      }
      Map<Integer, ObjectState> now = new HashMap<>();
      for (ObjectState o : r.objects()) {
        width = Math.max(width, o.x() + o.w() + 1);
        height = Math.max(height, o.y() + o.h() + 1);
        Map<String, List<Object>> fields = values.computeIfAbsent(o.type(), k -> new TreeMap<>());
        o.attributes().forEach((k, v) -> fields.computeIfAbsent(k, x -> new ArrayList<>()).add(v));
        if (o.id() != null) {
          now.put(o.id(), o);
          ObjectState before = previous.get(o.id());
          if (before != null) {
            speed = Math.max(speed, Math.max(Math.abs(o.x() - before.x()), Math.abs(o.y() - before.y())));
          }
        }
      }
      previous = now;
    }
    List<EntityType> types = new ArrayList<>();
    for (Map.Entry<String, Map<String, List<Object>>> t : values.entrySet()) {
      List<AttributeSpec> extras = new ArrayList<>();
      for (Map.Entry<String, List<Object>> f : t.getValue().entrySet()) {
        List<Object> vs = f.getValue();
        if (vs.get(0) instanceof Integer) {
          int min = vs.stream().mapToInt(v -> (Integer) v).min().orElse(0);
          int max = vs.stream().mapToInt(v -> (Integer) v).max().orElse(0);
          extras.add(AttributeSpec.ofInt(f.getKey(), min, max));
        } else if (vs.get(0) instanceof Boolean) {
          extras.add(AttributeSpec.ofBool(f.getKey()));
        } else {
          extras.add(AttributeSpec.ofSymbols(f.getKey(), new ArrayList<>(new TreeSet<>(vs.stream().map(String::valueOf).toList()))));
        }
      }
      types.add(new EntityType(t.getKey(), types.size(), extras));
    }
    return new WorldSchema("Data", width, height, -speed, speed, new ArrayList<>(actions), types);
  }
}
