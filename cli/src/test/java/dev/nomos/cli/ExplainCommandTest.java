package dev.nomos.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code nomos explain} and {@code nomos eval --worst} on a copy of the pong example with one wrong law
 * added at twice the weight of the right one: at the player's return (step 120) the model keeps the
 * ball's course, and the explanation must put the blame on that law.
 */
class ExplainCommandTest {
  static final Path DIR = Path.of("src", "test", "resources", "seeing");
  static final String REFERENCE = DIR.resolve("reference.law").toString();
  static final String WRONG = DIR.resolve("ball_keeps_course.law").toString();
  static final String DATA = DIR.resolve("pong.jsonl").toString();

  @Test
  void explainPrintsTheWrongTargetAndTheLawsThatSpokeAsTheGoldenFile() throws Exception {
    Run r = Run.run("explain", REFERENCE, WRONG, "--data", DATA + ":120");
    assertEquals(0, r.exit(), r.err());
    assertEquals(Files.readString(DIR.resolve("explain-pong.txt")), r.out());
  }

  @Test
  void explainWritesTheSameAsJson() throws Exception {
    Run r = Run.run("explain", REFERENCE, WRONG, "--data", DATA + ":0:120", "--format", "json");
    assertEquals(0, r.exit(), r.err());
    JsonNode t = new ObjectMapper().readTree(r.out()).get(0);
    assertEquals(DATA + ":121", t.get("location").asText());
    assertEquals(120, t.get("step").asInt());
    assertEquals("FIRE", t.get("action").asText());
    JsonNode ball = t.get("targets").get(0);
    assertEquals("x", ball.get("attribute").asText());
    assertEquals("134", ball.get("observed").asText());
    assertEquals("141", ball.get("predicted").asText());
    assertTrue(ball.get("wrong").asBoolean());
    JsonNode blamed = ball.get("laws").get(0);
    assertEquals("ball_keeps_course", blamed.get("law").asText());
    assertEquals(2.0, blamed.get("weight").asDouble(), 1e-12);
    assertEquals(-20.0, blamed.get("log_odds").asDouble(), 1e-9);
    assertEquals(-2.0 / 3, blamed.get("share").asDouble(), 1e-9);
    assertEquals(WRONG + ":4:1", blamed.get("source").asText());
    assertEquals("ball_returns_from_player", ball.get("laws").get(1).get("law").asText());
    assertEquals("= 134", ball.get("laws").get(1).get("opinion").asText());
  }

  @Test
  void aRightTransitionListsNothingButUnlikelyListsTheUncertainTargets() {
    Run quiet = Run.run("explain", REFERENCE, "--data", DATA + ":60", "--unlikely", "0");
    assertEquals(0, quiet.exit(), quiet.err());
    assertTrue(quiet.out().contains("0 targets wrong, 0 right but unlikely"), quiet.out());
  }

  @Test
  void evalWorstListsTheTransitionsExplainedWorstFirst() throws Exception {
    Run r = Run.run("eval", REFERENCE, WRONG, "--data", DATA, "--worst", "3", "--format", "json");
    assertEquals(0, r.exit(), r.err());
    JsonNode json = new ObjectMapper().readTree(r.out());
    JsonNode worst = json.get("worst");
    assertEquals(3, worst.size());
    double previous = Double.NEGATIVE_INFINITY;
    for (JsonNode w : worst) {
      assertTrue(w.get("location").asText().matches(".*pong\\.jsonl:\\d+"), w.toString());
      assertTrue(w.get("log_likelihood").asDouble() >= previous, worst.toString());
      previous = w.get("log_likelihood").asDouble();
    }
    // No transition of the data is explained worse than the first one listed.
    assertTrue(-worst.get(0).get("log_likelihood").asDouble() >= json.get("nll_per_transition").asDouble());
    Run text = Run.run("eval", REFERENCE, WRONG, "--data", DATA, "--worst", "1");
    assertTrue(text.out().contains("worst 1 transition:\n" + DATA + ":"), text.out());
  }

  @Test
  void badInputIsOneLocatedLine() {
    assertOneLine(Run.run("explain", REFERENCE, "--data", DATA + ":129"), 1, "pong.jsonl: episode 0 has transitions from steps 0..128, not from 129");
    assertOneLine(Run.run("explain", REFERENCE, "--data", DIR.resolve("missing.jsonl") + ":3"), 1, "missing.jsonl");
    assertOneLine(Run.run("explain", REFERENCE, "--data", DATA + ":7:3"), 1, "no episode 7");
    assertOneLine(Run.run("explain", REFERENCE, "--data", DATA), 2, "--data needs FILE:STEP");
    assertOneLine(Run.run("explain", REFERENCE, "--data", DATA + ":3", "--unlikely", "2"), 2, "--unlikely");
    assertOneLine(Run.run("eval", REFERENCE, "--data", DATA, "--worst", "0"), 2, "--worst");
  }

  /** Exit 1: exactly one line, with no stack trace; exit 2 (usage): the first line says what was wrong. */
  static void assertOneLine(Run r, int exit, String expected) {
    assertEquals(exit, r.exit(), r.out() + r.err());
    String err = r.err().strip();
    String first = err.lines().findFirst().orElse("");
    assertTrue(first.contains(expected), err);
    if (exit == 1) {
      assertEquals(1, err.lines().count(), err);
    }
    assertTrue(!err.contains("Exception") && !err.contains("\tat "), err);
  }
}
