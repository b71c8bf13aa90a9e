package dev.nomos.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Constraints through the commands: eval, fit, simulate (and its unmet warning), fmt, and compile's refusal. */
class ConstraintCommandsTest {
  private static final String WORLD = """
      world Cave {
        screen 40 x 40
        velocity -3..3
        actions NOOP, RIGHT
        entity Player
        entity Rope
      }
      """;
  private static final String LAWS = """
      use "world.law"

      law walks {
        for p: Player
        then p.vx := if action == RIGHT then 2 else 0
             p.vy := 0
             p.alive := true
      }

      law rope_stays { for r: Rope then r.vx := 0  r.vy := 0  r.alive := true }

      /// A player on a rope hangs at its centre.
      constraint on_rope {
        on contact(p: Player, r: Rope)
        then p.cx == r.cx
      }
      """;
  // The player walks right into the rope (touching it at t = 2) and is held at its centre (x 12).
  private static final String DATA = """
      {"t":0,"action":"RIGHT","objects":[{"id":1,"type":"Player","x":5,"y":10,"w":4,"h":4},{"id":2,"type":"Rope","x":13,"y":5,"w":2,"h":30}]}
      {"t":1,"action":"RIGHT","objects":[{"id":1,"type":"Player","x":7,"y":10,"w":4,"h":4},{"id":2,"type":"Rope","x":13,"y":5,"w":2,"h":30}]}
      {"t":2,"action":"RIGHT","objects":[{"id":1,"type":"Player","x":9,"y":10,"w":4,"h":4},{"id":2,"type":"Rope","x":13,"y":5,"w":2,"h":30}]}
      {"t":3,"action":"NOOP","objects":[{"id":1,"type":"Player","x":12,"y":10,"w":4,"h":4},{"id":2,"type":"Rope","x":13,"y":5,"w":2,"h":30}]}
      {"t":4,"action":"NOOP","objects":[{"id":1,"type":"Player","x":12,"y":10,"w":4,"h":4},{"id":2,"type":"Rope","x":13,"y":5,"w":2,"h":30}]}
      """;

  @TempDir Path dir;
  Path laws;
  Path data;

  @BeforeEach
  void files() throws Exception {
    Files.writeString(dir.resolve("world.law"), WORLD);
    laws = dir.resolve("laws.law");
    Files.writeString(laws, LAWS);
    data = dir.resolve("data.jsonl");
    Files.writeString(data, DATA);
  }

  @Test
  void evalScoresWithTheConstraintAndCountsItsRequirements() throws Exception {
    Run r = Run.run("eval", laws.toString(), "--data", data.toString(), "--format", "json");
    assertEquals(0, r.exit(), r.err());
    JsonNode e = new ObjectMapper().readTree(r.out());
    // At t = 2 the player touches the rope: the law says x 11, the constraint 12, which happens.
    assertEquals(1.0, e.get("exact_frame_accuracy").asDouble(), 1e-12);
    assertEquals(2, e.get("law_firings").get("on_rope").asInt(), "touching at t = 2 and t = 3");
  }

  @Test
  void fitKeepsTheConstraintInTheFileAndScoresWithIt() throws Exception {
    Path out = dir.resolve("fitted.law");
    Run r = Run.run("fit", laws.toString(), "--data", data.toString(), "-o", out.toString());
    assertEquals(0, r.exit(), r.err());
    String fitted = Files.readString(out);
    assertTrue(fitted.contains("constraint on_rope {\n  on contact(p: Player, r: Rope)\n  then p.cx == r.cx\n}"), fitted);
    Run again = Run.run("eval", out.toString(), "--data", data.toString(), "--format", "json");
    assertEquals(0, again.exit(), again.err());
  }

  @Test
  void simulatedFramesMeetTheConstraintAndUnmetRequirementsAreReported() throws Exception {
    Run r = Run.run("simulate", laws.toString(), "--from", data + ":2", "--actions", "RIGHT,RIGHT");
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().lines().allMatch(l -> l.contains("\"id\":1,\"type\":\"Player\",\"x\":12")), r.out());
    assertFalse(r.err().contains("warning"), r.err());

    // A second rope at another centre: touching both, the player cannot meet both requirements.
    Files.writeString(data, DATA.replace("{\"id\":2,", "{\"id\":3,\"type\":\"Rope\",\"x\":7,\"y\":5,\"w\":2,\"h\":30},{\"id\":2,"));
    Run both = Run.run("simulate", laws.toString(), "--from", data + ":2", "--actions", "RIGHT");
    assertEquals(0, both.exit(), both.err());
    assertTrue(both.err().contains("warning: predicted frame 1: no value of Player #1.x meets every requirement"
        + " (constraint 'on_rope' excludes the last); it is left unconstrained"), both.err());
  }

  @Test
  void compileRefusesAModelWithConstraints() {
    Run r = Run.run("compile", laws.toString(), "-o", dir.resolve("model.jar").toString());
    assertEquals(1, r.exit());
    assertTrue(r.err().contains("model jars do not carry constraints") && r.err().contains("on_rope"), r.err());
    assertFalse(Files.exists(dir.resolve("model.jar")));
  }

  @Test
  void learnRefusesConstraintsRatherThanDropThem() {
    Run r = Run.run("learn", laws.toString(), "--data", data.toString(), "-o", dir.resolve("out.law").toString());
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("nomos learn does not take constraints") && r.err().contains("on_rope"), r.err());
    assertFalse(Files.exists(dir.resolve("out.law")));
  }

  @Test
  void fmtWritesTheConstraintCanonicallyAndKeepsIt() throws Exception {
    assertEquals(0, Run.run("fmt", "--write", laws.toString()).exit());
    String formatted = Files.readString(laws);
    assertTrue(formatted.contains("/// A player on a rope hangs at its centre.\nconstraint on_rope {\n"
        + "  on contact(p: Player, r: Rope)\n  then p.cx == r.cx\n}\n"), formatted);
    Run check = Run.run("fmt", "--check", laws.toString());
    assertEquals(0, check.exit(), check.out() + check.err());
  }
}
