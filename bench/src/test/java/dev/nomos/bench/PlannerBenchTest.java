package dev.nomos.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.PrintStream;
import org.junit.jupiter.api.Test;

class PlannerBenchTest {
  @Test
  void searchesThePongScaleModelPredictingEveryActionOfEveryExpandedNode() {
    PlannerBench.PlannerSpeed speed = PlannerBench.measure(true, new PrintStream(OutputStream.nullOutputStream()));
    assertEquals("pong", speed.workload());
    assertEquals(Workloads.PONG_LAWS, speed.laws(), 5);
    assertTrue(speed.nodesPerCpuSecond() > 0);
    assertEquals(6.0, speed.predictionsPerCpuSecond() / speed.nodesPerCpuSecond(), 0.01,
        "six actions, each predicted once per expanded node");
  }
}
