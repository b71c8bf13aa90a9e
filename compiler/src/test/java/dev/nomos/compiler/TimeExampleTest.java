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
}
