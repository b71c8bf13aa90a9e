package dev.nomos.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nomos.bench.handwritten.HandWrittenPong;
import dev.nomos.compiler.Compilation;
import dev.nomos.compiler.codegen.Engine;
import dev.nomos.compiler.codegen.LawFactory;
import dev.nomos.compiler.interp.OpinionRecorder;
import dev.nomos.runtime.Frame;
import dev.nomos.runtime.Law;
import dev.nomos.runtime.ContactIndex;
import dev.nomos.runtime.model.Inference;
import dev.nomos.runtime.model.WorldModel;
import java.util.Arrays;
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
  void crowdWorkloadChecksCleanWithFourHundredLawsOverThreeHundredObjects() {
    Compilation c = BenchModels.compile(Workloads.crowd());
    assertEquals(Workloads.CROWD_LAWS, c.plans().size());
    assertEquals(300, Workloads.crowd().frames(c.schema(), 5, 1).get(0).size());
    assertEquals(2_000, BenchModels.compile(Workloads.crowd(2_000)).plans().size());
  }

  /**
   * The law index and the contact index skip only work that gives nothing: every workload scores
   * every step bit for bit as the engine without them does, and every law fires as often.
   */
  @Test
  void indexedStepsScoreExactlyAsStepsWithoutIndexes() {
    for (Workload w : List.of(Workloads.pong(), Workloads.montezuma(), Workloads.crowd())) {
      Compilation c = BenchModels.compile(w);
      WorldModel model = WorldModel.of(c.schema(), LawFactory.createAll(c.plans(), Engine.COMPILED));
      List<Frame> frames = w.frames(c.schema(), w.name().equals("crowd") ? 20 : 60, 5);
      Inference indexed = model.newInference();
      double[] expected = new double[frames.size() - 1];
      double[] actual = new double[frames.size() - 1];
      for (int k = 0; k + 1 < frames.size(); k++) {
        actual[k] = indexed.logLikelihood(frames.get(k), frames.get(k + 1));
      }
      ContactIndex.setEnabled(false);
      Inference everyLaw = model.newInferenceWithoutLawIndex();
      try {
        for (int k = 0; k + 1 < frames.size(); k++) {
          expected[k] = everyLaw.logLikelihood(frames.get(k), frames.get(k + 1));
        }
      } finally {
        ContactIndex.setEnabled(true);
      }
      assertArrayEquals(expected, actual, 0.0, w.name());
      assertArrayEquals(everyLaw.firings(), indexed.firings(), w.name());
      assertTrue(Arrays.stream(indexed.firings()).sum() > 1_000, w.name() + " laws fire");
    }
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
    for (Workload w : List.of(Workloads.pong(), Workloads.montezuma(), Workloads.crowd())) {
      Compilation c = BenchModels.compile(w);
      List<Law> compiled = LawFactory.createAll(c.plans(), Engine.COMPILED);
      List<Law> interpreted = LawFactory.createAll(c.plans(), Engine.INTERPRETED);
      long opinions = 0;
      // The crowd's 300 objects make each frame cost as much as a dozen of the others'.
      for (Frame f : w.frames(c.schema(), w.name().equals("crowd") ? 15 : 120, 3)) {
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
