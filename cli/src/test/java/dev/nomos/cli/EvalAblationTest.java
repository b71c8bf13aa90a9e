package dev.nomos.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/**
 * {@code nomos eval --ablation} on the pong model with a wrong law at twice the weight of the
 * right one (the fixture of {@link ExplainCommandTest}): the wrong law is the most harmful, and
 * each law's figure is the NLL that evaluating the model without that law gives.
 */
class EvalAblationTest {
  private static final String REFERENCE = ExplainCommandTest.REFERENCE;
  private static final String WRONG = ExplainCommandTest.WRONG;
  private static final String DATA = ExplainCommandTest.DATA;

  @Test
  void theWrongLawCostsAndEachFigureIsTheModelWithoutTheLaw() throws Exception {
    Run r = Run.run("eval", REFERENCE, WRONG, "--data", DATA, "--ablation", "--format", "json");
    assertEquals(0, r.exit(), r.err());
    JsonNode json = new ObjectMapper().readTree(r.out());
    double nll = json.get("nll_per_transition").asDouble();
    JsonNode ablation = json.get("ablation");
    JsonNode first = ablation.get(0);
    assertEquals("ball_keeps_course", first.get("law").asText(), ablation.toString());
    assertTrue(first.get("worth").asDouble() < 0, first.toString());
    assertEquals(2.0, first.get("weight").asDouble(), 1e-12);
    // Without the wrong law the model is the reference model alone.
    Run alone = Run.run("eval", REFERENCE, "--data", DATA, "--format", "json");
    double referenceNll = new ObjectMapper().readTree(alone.out()).get("nll_per_transition").asDouble();
    assertEquals(referenceNll, first.get("nll_without").asDouble(), 1e-9);
    assertEquals(referenceNll - nll, first.get("worth").asDouble(), 1e-9);
    double previous = Double.NEGATIVE_INFINITY;
    for (JsonNode law : ablation) {
      assertTrue(law.get("worth").asDouble() >= previous, "most harmful first: " + ablation);
      previous = law.get("worth").asDouble();
    }
  }

  @Test
  void theTextListsEveryLaw() {
    Run r = Run.run("eval", REFERENCE, WRONG, "--data", DATA, "--ablation");
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("what each law is worth on this data"), r.out());
    assertTrue(r.out().contains("1 of "), "one law costs: " + r.out());
    assertTrue(r.out().lines().anyMatch(l -> l.strip().startsWith("ball_keeps_course") && l.contains(" -")), r.out());
  }
}
