package dev.nomos.cli;

import static dev.nomos.cli.Run.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nomos.runtime.trajectory.ObjectState;
import dev.nomos.runtime.trajectory.StepRecord;
import dev.nomos.runtime.trajectory.TrajectoryWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A world declared by {@code nomos init} from a training recording, then used on a test recording
 * of another level that shows what training never did: a symbol value, an int far out of range, an
 * attribute and an object type. Reading it warns and scores; {@code --strict} refuses it as before.
 */
class OpenWorldCommandsTest {
  static final String LAWS = """
      use "world.law"

      law hero_stays { for h: hero then h.alive := true }

      law wall_stays { for w: wall then w.alive := true }
      """;

  @TempDir
  Path dir;
  Path train;
  Path test;
  Path model;

  static ObjectState hero(int x, int hp, String color, Map<String, Object> more) {
    Map<String, Object> extras = new LinkedHashMap<>();
    extras.put("hp", hp);
    extras.put("color", color);
    extras.putAll(more);
    return new ObjectState(1, "hero", x, 2, 1, 1, extras);
  }

  /** A hero walking right past a wall, its hp and colour changing now and then. */
  static List<StepRecord> level(boolean unforeseen) {
    List<StepRecord> records = new ArrayList<>();
    int steps = 8;
    for (int t = 0; t < steps; t++) {
      boolean last = t == steps - 1;
      List<ObjectState> objects = new ArrayList<>();
      String color = t % 2 == 0 ? "red" : "blue";
      int hp = t % 3;
      Map<String, Object> more = Map.of();
      if (unforeseen && t >= 4) {
        color = "grey";
        hp = 40;
        more = Map.of("res_diamond", t - 4);
      }
      objects.add(hero(1 + t, hp, color, more));
      objects.add(ObjectState.of(2, "wall", 0, 0, 1, 1));
      if (unforeseen && t >= 2) {
        objects.add(ObjectState.of(3, "lava", 5, 5, 1, 1));
      }
      records.add(new StepRecord(0, t, last ? null : "RIGHT", 0, last, objects));
    }
    return records;
  }

  @BeforeEach
  void files() throws IOException {
    train = dir.resolve("train.jsonl");
    test = dir.resolve("test.jsonl");
    TrajectoryWriter.writeAll(train, level(false));
    TrajectoryWriter.writeAll(test, level(true));
    Run init = run("init", "--data", train.toString(), "-o", dir.resolve("world.law").toString());
    assertEquals(0, init.exit(), init.err());
    model = Files.writeString(dir.resolve("model.law"), LAWS);
  }

  @Test
  void evalReadsWhatTheTrainingWorldDidNotForeseeWithOneWarningEach() throws IOException {
    Run r = run("eval", model.toString(), "--data", test.toString(), "--format", "json");
    assertEquals(0, r.exit(), r.err());
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertEquals(7, json.get("transitions").asInt());
    double nll = json.get("nll_per_transition").asDouble();
    assertTrue(Double.isFinite(nll) && nll > 0, r.out());
    assertTrue(json.get("per_type").has("lava"), r.out());
    List<String> warnings = r.err().lines().toList();
    assertEquals(4, warnings.size(), r.err());
    String at = test + ":";
    assertTrue(warnings.stream().allMatch(w -> w.startsWith(at) && w.contains(": warning: ")), r.err());
    assertContainsLine(warnings, "type lava is not declared by world");
    assertContainsLine(warnings, "attribute hp of type hero takes 40, outside its declared range");
    assertContainsLine(warnings, "attribute color of type hero takes \"grey\", outside its declared symbols");
    assertContainsLine(warnings, "type hero has an attribute res_diamond that world");
    // The same data without the surprises scores better: unforeseen values cost, they are not free.
    Run plain = run("eval", model.toString(), "--data", train.toString(), "--format", "json");
    assertEquals("", plain.err());
    assertTrue(new ObjectMapper().readTree(plain.out()).get("nll_per_transition").asDouble() < nll);
  }

  @Test
  void strictRefusesWithTheFirstSurpriseAsBefore() {
    Run r = run("eval", model.toString(), "--data", test.toString(), "--strict");
    assertEquals(1, r.exit());
    assertEquals("nomos: " + test + ":3: field 'objects[2].type': unknown type \"lava\"; world ", r.err().substring(0,
        r.err().indexOf("world ") + 6));
    for (String command : List.of("fit", "simulate")) {
      List<String> args = new ArrayList<>(List.of(command, model.toString(), "--strict"));
      args.addAll(command.equals("fit") ? List.of("--data", test.toString()) : List.of("--from", test + ":5", "--actions", "RIGHT"));
      Run strict = run(args.toArray(String[]::new));
      assertEquals(1, strict.exit(), command + ": " + strict.err());
      assertTrue(strict.err().contains("unknown type \"lava\""), strict.err());
    }
  }

  @Test
  void fitAndSimulateReadItToo() throws IOException {
    Run fit = run("fit", model.toString(), "--data", test.toString());
    assertEquals(0, fit.exit(), fit.err());
    assertEquals(4, fit.err().lines().filter(l -> l.contains(": warning: ")).count(), fit.err());
    Run sim = run("simulate", model.toString(), "--from", test + ":5", "--actions", "RIGHT,RIGHT");
    assertEquals(0, sim.exit(), sim.err());
    assertEquals(2, sim.out().lines().count(), sim.out());
    assertTrue(sim.out().contains("\"type\":\"hero\""), sim.out());
    assertTrue(!sim.out().contains("lava"), "undeclared objects are left out of predictions: " + sim.out());
  }

  @Test
  void learnReadsItOrRefusesItWithStrict() {
    Path world = dir.resolve("world.law");
    Path out = dir.resolve("learned.law");
    Run strict = run("learn", world.toString(), "--data", train.toString(), "--test", test.toString(), "--strict",
        "-q", "-o", out.toString());
    assertEquals(1, strict.exit(), strict.err());
    assertTrue(strict.err().contains("unknown type \"lava\""), strict.err());
    Run r = run("learn", world.toString(), "--data", train.toString(), "--test", test.toString(), "--iterations", "1",
        "--no-select", "-q", "-o", out.toString());
    assertEquals(0, r.exit(), r.err());
    assertEquals(4, r.err().lines().filter(l -> l.startsWith(test + ":") && l.contains(": warning: ")).count(), r.err());
    assertTrue(Files.exists(out));
  }

  private static void assertContainsLine(List<String> lines, String text) {
    assertTrue(lines.stream().anyMatch(l -> l.contains(text)), text + " not in " + lines);
  }
}
