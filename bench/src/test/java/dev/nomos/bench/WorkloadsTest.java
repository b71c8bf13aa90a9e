package dev.nomos.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nomos.bench.handwritten.HandWrittenPong;
import dev.nomos.compiler.Compilation;
import dev.nomos.compiler.codegen.Engine;
import dev.nomos.compiler.codegen.LawFactory;
import dev.nomos.compiler.interp.OpinionRecorder;
import dev.nomos.runtime.Frame;
import dev.nomos.runtime.Law;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkloadsTest {

  @Test
  void pongWorkloadChecksCleanWithFourHundredLawsOverSevenObjects() {
    Compilation c = BenchModels.compile(Workloads.pong());
    assertEquals(Workloads.PONG_LAWS, c.plans().size());
    List<Frame> frames = Workloads.pong().frames(c.schema(), 50, 1);
    assertEquals(7, frames.get(0).size());
  }

  @Test
  void montezumaWorkloadChecksCleanWithAboutFourHundredFiftyLawsOverFiftyEightObjects() {
    Compilation c = BenchModels.compile(Workloads.montezuma());
    assertEquals(Workloads.MONTEZUMA_LAWS, c.plans().size());
    assertEquals(58, Workloads.montezuma().frames(c.schema(), 5, 1).get(0).size());
  }

  @Test
  void handWrittenPongMakesExactlyTheCompiledCalls() {
    Compilation c = BenchModels.compile(Workloads.pong());
    List<Law> compiled = LawFactory.createAll(c.plans(), Engine.COMPILED);
    List<Law> handWritten = HandWrittenPong.laws(PongLaws.specs(Workloads.PONG_LAWS));
    List<Frame> frames = Workloads.pong().frames(c.schema(), 300, 7);
    long opinions = 0;
    for (Frame f : frames) {
      for (int i = 0; i < compiled.size(); i++) {
        List<String> expected = calls(compiled.get(i), f);
        assertEquals(expected, calls(handWritten.get(i), f), compiled.get(i).name());
        opinions += expected.size();
      }
    }
    assertTrue(opinions > 10_000, "the episode makes the laws fire: " + opinions);
  }

  @Test
  void compiledAndInterpretedAgreeOnBothWorkloads() {
    for (Workload w : List.of(Workloads.pong(), Workloads.montezuma())) {
      Compilation c = BenchModels.compile(w);
      List<Law> compiled = LawFactory.createAll(c.plans(), Engine.COMPILED);
      List<Law> interpreted = LawFactory.createAll(c.plans(), Engine.INTERPRETED);
      long opinions = 0;
      for (Frame f : w.frames(c.schema(), 120, 3)) {
        for (int i = 0; i < compiled.size(); i++) {
          List<String> expected = calls(interpreted.get(i), f);
          assertEquals(expected, calls(compiled.get(i), f), w.name() + " " + compiled.get(i).name());
          opinions += expected.size();
        }
      }
      assertTrue(opinions > 1_000, w.name() + " laws fire: " + opinions);
    }
  }

  static List<String> calls(Law law, Frame f) {
    OpinionRecorder recorder = new OpinionRecorder();
    law.apply(f, recorder);
    return recorder.lines();
  }
}
