package dev.nomos.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BenchReportTest {

  static BenchReport report(double pongCompiled, double compileSeconds) {
    Map<String, Map<String, Double>> cpu = new LinkedHashMap<>();
    cpu.put("pong", new LinkedHashMap<>(Map.of("interpreted", 4_000.0, "compiled", pongCompiled, "handwritten",
        120_000.0)));
    cpu.put("montezuma", new LinkedHashMap<>(Map.of("interpreted", 200.0, "compiled", 5_000.0)));
    Map<String, Map<String, Double>> laws = Map.of("pong", Map.of("interpreted", 10_000.0, "compiled", 200_000.0,
        "handwritten", 250_000.0), "montezuma", Map.of("interpreted", 1_000.0, "compiled", 20_000.0));
    return new BenchReport(false, cpu, cpu, laws, Map.of("pong", 400, "montezuma", 450),
        Map.of("pong", 7, "montezuma", 58), compileSeconds, compileSeconds * 2, 0.4, Map.of("pong", 12_345.0),
        Map.of("pong", pongCompiled / 4, "montezuma", 1_000.0));
  }

  @Test
  void jsonCarriesFiguresRatiosAndTargets() throws Exception {
    JsonNode json = new ObjectMapper().readTree(report(100_000, 1.5).toJson());
    assertEquals(100_000, json.at("/workloads/pong/stepsPerCpuSecond/compiled").asLong());
    assertEquals(58, json.at("/workloads/montezuma/objects").asInt());
    assertEquals(25.0, json.at("/ratios/pong/compiledOverInterpreted").asDouble());
    assertEquals(1.2, json.at("/ratios/pong/handwrittenOverCompiled").asDouble());
    assertEquals(20.0, json.at("/ratios/pong/lawsOnlyCompiledOverInterpreted").asDouble());
    assertEquals(1.5, json.at("/compile1000Laws/coldSeconds").asDouble());
    assertTrue(json.at("/targetsMet/pongAtLeast50000StepsPerSecond").asBoolean());
    assertTrue(json.at("/targetsMet/compiledAtLeast20xInterpreted").asBoolean());
    assertEquals(12_345, json.at("/workloads/pong/simulatorStepsPerCpuSecond").asLong());
    assertTrue(json.at("/workloads/montezuma/simulatorStepsPerCpuSecond").isMissingNode(), "measured on pong only");
    assertEquals(25_000, json.at("/workloads/pong/compiledBeforeIndexesStepsPerCpuSecond").asLong());
    assertEquals(4.0, json.at("/ratios/pong/compiledOverBeforeIndexes").asDouble());
    assertEquals(5.0, json.at("/ratios/montezuma/compiledOverBeforeIndexes").asDouble());
    assertTrue(json.at("/targetsMet/crowdAtLeast20000StepsPerSecond").isBoolean());
  }

  @Test
  void textQuotesTheStepApiRate() {
    String text = report(100_000, 1.5).toText();
    assertTrue(text.contains("pong: step API (Simulator.mostLikely: next frame, reward, end, probabilities; compiled) 12,345 steps"),
        text);
  }

  @Test
  void missedTargetsAreReportedAsMissed() {
    BenchReport slow = report(40_000, 3.5);
    assertEquals(Boolean.FALSE, slow.targetChecks().get("pongAtLeast50000StepsPerSecond"));
    assertEquals(Boolean.FALSE, slow.targetChecks().get("compiledWithin1.5xOfHandwritten"));
    assertEquals(Boolean.FALSE, slow.targetChecks().get("compile1000LawsUnder3Seconds"));
    assertTrue(slow.toText().contains("MISSED  pongAtLeast50000StepsPerSecond"), slow.toText());
  }
}
