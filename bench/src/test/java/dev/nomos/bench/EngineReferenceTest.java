package dev.nomos.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nomos.compiler.Compilation;
import dev.nomos.compiler.codegen.Engine;
import dev.nomos.compiler.codegen.LawFactory;
import dev.nomos.runtime.ContactIndex;
import dev.nomos.runtime.Frame;
import dev.nomos.runtime.Slots;
import dev.nomos.runtime.model.Inference;
import dev.nomos.runtime.model.WorldModel;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Sampled rollouts of every benchmark workload on the engine as {@code nomos bench} times it
 * (compiled laws, the law index, the contact index, frames sharing their history) equal, bit for bit,
 * those of the slowest path the runtime has: interpreted laws, every law on every frame, contact
 * loops over whole types. Each rollout draws its frames from the model with one seed, so any
 * difference in a probability changes the frames drawn after it; the log-likelihood of every
 * sampled step and of every recorded step is compared exactly too.
 */
class EngineReferenceTest {
  private static final int ROLLOUT = 25;

  @Test
  void sampledRolloutsAndScoresEqualTheReferencePath() {
    for (Workload w : List.of(Workloads.pong(), Workloads.montezuma(), Workloads.crowd())) {
      Compilation c = BenchModels.compile(w);
      List<Frame> recorded = w.frames(c.schema(), 30, 11);
      WorldModel fast = WorldModel.of(c.schema(), LawFactory.createAll(c.plans(), Engine.COMPILED));
      WorldModel slow = WorldModel.of(c.schema(), LawFactory.createAll(c.plans(), Engine.INTERPRETED));
      Run expected;
      ContactIndex.setEnabled(false);
      try {
        expected = run(slow.newInferenceWithoutLawIndex(), recorded);
      } finally {
        ContactIndex.setEnabled(true);
      }
      Run actual = run(fast.newInference(), recorded);
      assertEquals(expected.scores, actual.scores, w.name() + " scores");
      assertEquals(expected.frames, actual.frames, w.name() + " sampled frames");
      assertTrue(expected.frames.size() > ROLLOUT, w.name());
    }
  }

  /** What one path gives: scores (as raw bits) and the sampled frames (as text). */
  private record Run(List<Long> scores, List<String> frames) {}

  private static Run run(Inference inference, List<Frame> recorded) {
    List<Long> scores = new ArrayList<>();
    List<String> frames = new ArrayList<>();
    for (int k = 0; k + 1 < recorded.size(); k++) {
      scores.add(Double.doubleToRawLongBits(inference.logLikelihood(recorded.get(k), recorded.get(k + 1))));
    }
    SplittableRandom random = new SplittableRandom(2026);
    Frame t = recorded.get(recorded.size() / 2);
    for (int step = 0; step < ROLLOUT; step++) {
      int action = recorded.get(step % recorded.size()).action();
      Frame next = inference.sampleNext(t, action, random);
      scores.add(Double.doubleToRawLongBits(inference.logLikelihood(t, next)));
      frames.add(text(next));
      frames.add(text(inference.mostLikelyNext(t, action)));
      t = next;
    }
    return new Run(scores, frames);
  }

  private static String text(Frame f) {
    StringBuilder out = new StringBuilder().append(f.step()).append(' ').append(f.action()).append(':');
    for (int o : f.all()) {
      out.append(' ').append(f.id(o)).append('/').append(f.type(o));
      for (int slot = Slots.X; slot < f.schema().type(f.type(o)).slotCount(); slot++) {
        out.append(',').append(f.get(o, slot));
      }
      out.append(" v").append(f.vx(o)).append(',').append(f.vy(o)).append(" a").append(f.age(o));
    }
    return out.append(f.terminated() ? " end" : "").toString();
  }
}
