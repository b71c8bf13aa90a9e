package dev.nomos.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nomos.compiler.codegen.Engine;
import dev.nomos.compiler.codegen.LawFactory;
import dev.nomos.compiler.plan.LawPlan;
import dev.nomos.runtime.model.Evaluation;
import dev.nomos.runtime.model.Metrics;
import dev.nomos.runtime.model.WorldModel;
import dev.nomos.runtime.trajectory.Episode;
import dev.nomos.runtime.trajectory.Episodes;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * examples/time: every law of the reference model (one or more per time form: age, present@-k,
 * touching/side at earlier frames, step, seq ... after) fires on the recording, and together they
 * predict every frame of it exactly, compiled and interpreted alike.
 */
class TimeExampleTest {
  private static final Path DIR = Path.of("../examples/time");

  @Test
  void everyLawFiresAndTheModelPredictsEveryFrame() throws IOException {
    Compilation c = NomosCompiler.compile(List.of(DIR.resolve("reference.law")));
    assertFalse(c.hasErrors(), () -> c.diagnostics().toString());
    List<Episode> episodes = Episodes.read(DIR.resolve("test.jsonl"), c.schema());
    assertEquals(2, episodes.size());
    assertEquals(5, episodes.get(1).frames().get(0).step(), "the second recording starts at step 5");
    for (Engine engine : Engine.values()) {
      List<LawPlan> plans = c.plans();
      WorldModel model = WorldModel.of(c.schema(), LawFactory.createAll(plans, engine));
      Evaluation e = Metrics.evaluate(model, episodes);
      assertEquals(300, e.transitions());
      assertEquals(1.0, e.exactFrameAccuracy(), engine + ": every frame predicted exactly");
      for (LawPlan plan : plans) {
        Long fired = e.lawFirings().get(plan.name());
        assertTrue(fired != null && fired > 0, engine + ": law " + plan.name() + " never fires");
      }
    }
  }

  /**
   * untouched.law reads its quantifiers at earlier frames: it fires on the recording and, wherever it
   * speaks, its value is the recorded one (so the model of it alone predicts x exactly where it fires).
   */
  @Test
  void theLawOfEarlierQuantifiersFiresAndIsRightWhereItSpeaks() throws IOException {
    Compilation c = NomosCompiler.compile(List.of(DIR.resolve("untouched.law")));
    assertFalse(c.hasErrors(), () -> c.diagnostics().toString());
    List<Episode> episodes = Episodes.read(DIR.resolve("test.jsonl"), c.schema());
    for (Engine engine : Engine.values()) {
      dev.nomos.runtime.Law law = LawFactory.createAll(c.plans(), engine).get(0);
      int spoke = 0;
      for (Episode episode : episodes) {
        List<dev.nomos.runtime.Frame> frames = episode.frames();
        for (int i = 0; i + 1 < frames.size(); i++) {
          dev.nomos.runtime.Frame t = frames.get(i);
          dev.nomos.runtime.Frame next = frames.get(i + 1);
          int[] said = {Integer.MIN_VALUE, -1};
          law.apply(t, new dev.nomos.runtime.RequirementSink() {
            @Override public void range(int object, int slot, int lo, int hi) {
              said[0] = lo;
              said[1] = object;
            }
            @Override protected String caller() { return "hero_walks_untouched"; }
          });
          if (said[1] >= 0) {
            spoke++;
            int hero = next.indexOfId(t.id(said[1]));
            assertEquals(next.x(hero), said[0], engine + ": step " + t.step());
          }
        }
      }
      assertTrue(spoke > 100, engine + ": spoke " + spoke + " times");
    }
  }
}
