package dev.nomos.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nomos.compiler.codegen.Engine;
import dev.nomos.compiler.codegen.LawFactory;
import dev.nomos.runtime.Frame;
import dev.nomos.runtime.Law;
import dev.nomos.runtime.RequirementSink;
import dev.nomos.runtime.Slots;
import dev.nomos.runtime.model.Evaluation;
import dev.nomos.runtime.model.Inference;
import dev.nomos.runtime.model.Metrics;
import dev.nomos.runtime.model.WorldModel;
import dev.nomos.runtime.trajectory.Episode;
import dev.nomos.runtime.trajectory.Episodes;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * examples/poe-world: the translated PoE-World experts of Pong and Montezuma's Revenge check without
 * a diagnostic, each names its source expert, every law and constraint fires on the game's
 * trajectory with both engines, and every most likely frame meets the constraints that bind.
 */
class PoeWorldExamplesTest {
  private static final Path DIR = Path.of("../examples/poe-world");
  private static final List<String> GAMES = List.of("pong", "montezuma");
  private static final Pattern SOURCE = Pattern.compile("^(\\w+ #\\d+|constraint #\\d+): ");

  @Test
  void atLeastThirtyExpertsNameTheirSourceAndFireOnTheTrajectory() throws IOException {
    int translated = 0;
    int constraints = 0;
    for (String game : GAMES) {
      Compilation c = NomosCompiler.compile(List.of(DIR.resolve(game).resolve("laws.law")));
      assertEquals(List.of(), c.diagnostics(), game + " checks without a diagnostic");
      List<CheckedLaw> all = new ArrayList<>(c.laws());
      all.addAll(c.constraints());
      for (CheckedLaw law : all) {
        assertTrue(SOURCE.matcher(law.doc()).find(), game + ": " + law.name() + " does not name its source expert");
      }
      translated += all.size();
      constraints += c.constraints().size();
      List<Episode> episodes = Episodes.read(DIR.resolve(game).resolve("fires.jsonl"), c.schema());
      for (Engine engine : Engine.values()) {
        WorldModel model = WorldModel.of(c.schema(), LawFactory.createAll(c.plans(), engine))
            .withConstraints(LawFactory.createAll(c.constraintPlans(), engine));
        Evaluation e = Metrics.evaluate(model, episodes);
        for (CheckedLaw law : all) {
          Long fired = e.lawFirings().get(law.name());
          assertTrue(fired != null && fired > 0, game + ", " + engine + ": " + law.name() + " never fires");
        }
        assertEveryPredictionMeetsTheConstraints(model, episodes, game + ", " + engine);
      }
    }
    assertTrue(translated >= 30, translated + " translated experts");
    assertEquals(4, constraints, "all four constraints of the Montezuma model");
  }

  private static void assertEveryPredictionMeetsTheConstraints(WorldModel model, List<Episode> episodes, String what) {
    Inference inference = model.newInference();
    int checked = 0;
    for (Episode episode : episodes) {
      for (Frame t : episode.frames()) {
        Frame predicted = inference.mostLikelyNext(t, -1);
        assertEquals(List.of(), inference.unmetRequirements(0), what);
        for (Law constraint : model.constraints()) {
          Checker check = new Checker(t, predicted, what + ": " + constraint.name());
          constraint.apply(t, check);
          checked += check.requirements;
        }
      }
    }
    assertTrue(model.constraints().isEmpty() || checked > 0, what + ": no constraint bound anywhere");
  }

  /** Checks each requirement a constraint makes on frame t against the predicted frame t+1. */
  private static final class Checker extends RequirementSink {
    private final Frame now;
    private final Frame next;
    private final String what;
    int requirements;

    Checker(Frame now, Frame next, String what) {
      this.now = now;
      this.next = next;
      this.what = what;
    }

    @Override
    public void range(int object, int slot, int lo, int hi) {
      requirements++;
      int at = next.indexOfId(now.id(object));
      if (at < 0 && slot != Slots.ALIVE) {
        return; // Predicted gone: a requirement on a value binds only an object that stays.
      }
      int value = slot == Slots.ALIVE ? (at >= 0 ? 1 : 0) : next.get(at, slot);
      assertTrue(value >= lo && value <= hi, what + ": object " + now.id(object) + " slot " + slot + " is " + value
          + ", not in " + lo + ".." + hi);
    }

    /** A guard on the next frame reads the predicted one: where it holds there, so must the requirement. */
    @Override
    public Frame nextFrame() {
      return next;
    }

    @Override
    protected String caller() {
      return what + ": a constraint";
    }
  }
}
