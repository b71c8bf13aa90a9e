package dev.nomos.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.nomos.compiler.codegen.Engine;
import dev.nomos.compiler.codegen.LawFactory;
import dev.nomos.compiler.interp.OpinionRecorder;
import dev.nomos.compiler.source.SourceFile;
import dev.nomos.runtime.Frame;
import dev.nomos.runtime.Law;
import dev.nomos.runtime.Slots;
import dev.nomos.runtime.WorldSchema;
import dev.nomos.runtime.model.Floor;
import dev.nomos.runtime.model.ModelOptions;
import dev.nomos.runtime.model.WorldModel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code choose} from source to opinions and probabilities: what each alternative says about the
 * targets it leaves out, velocity writes as next positions, and the model built from it, on both
 * engines.
 */
class JointChoiceSourceTest {
  private static final String WORLD = """
      world Grid {
        screen 20 x 20
        velocity -1..1
        contact_gap 0
        actions NOOP
        entity Monster { mood: {calm, angry} }
        entity Wall
      }
      """;

  private static final String STEP = """
      law wander {
        for m: Monster
        then choose { stay weight 0.4
                    | m.vx := if exists w: Wall where w.x == m.x + 1 and w.y == m.y then 0 else 1 weight 0.2
                    | m.vx := -1 weight 0.2
                    | m.y := m.y + 1, m.mood := angry weight 0.2 }
      }
      """;

  private static Compilation compile(String laws) {
    Compilation c = NomosCompiler.compile(List.of(new SourceFile("t.law", WORLD + laws)), SourceResolver.none());
    assertFalse(c.hasErrors(), () -> c.diagnostics().toString());
    return c;
  }

  private static Frame frame(WorldSchema s, boolean wallRight) {
    Frame.Builder b = Frame.builder(s).add(1, 0, 5, 5, 1, 1, 0);
    if (wallRight) {
      b.add(2, 1, 6, 5, 1, 1);
    }
    return b.build();
  }

  private static List<String> calls(Compilation c, Engine engine, Frame f) {
    Law law = LawFactory.create(c.plans().get(0), engine);
    OpinionRecorder out = new OpinionRecorder();
    law.apply(f, out);
    return out.lines();
  }

  @Test
  void everyAlternativeNamesEveryTargetLeftOutOnesKeepTheirValue() {
    Compilation c = compile(STEP);
    Frame open = frame(c.schema(), false);
    List<String> expected = List.of("joint 0",
        "alternative 0.4", "value X 5", "value Y 5", "value extra0 0",
        "alternative 0.2", "value X 6", "value Y 5", "value extra0 0",
        "alternative 0.2", "value X 4", "value Y 5", "value extra0 0",
        "alternative 0.2", "value X 5", "value Y 6", "value extra0 1",
        "endjoint");
    assertEquals(expected, calls(c, Engine.INTERPRETED, open));
    assertEquals(expected, calls(c, Engine.COMPILED, open));
    Frame blocked = frame(c.schema(), true);
    assertEquals(calls(c, Engine.INTERPRETED, blocked), calls(c, Engine.COMPILED, blocked));
    assertEquals("value X 5", calls(c, Engine.COMPILED, blocked).get(6), "a blocked step stays");
  }

  @Test
  void theModelGivesEachAlternativeItsShareAndABlockedStepAddsToStay() {
    Compilation c = compile(STEP + """
        law stays { for m: Monster then m.alive := true }
        """);
    for (Engine engine : Engine.values()) {
      List<Law> laws = new ArrayList<>();
      c.plans().forEach(p -> laws.add(LawFactory.create(p, engine)));
      WorldModel model = new WorldModel(c.schema(), laws, new double[] {1, 10}, ModelOptions.defaults(), Floor.none());
      WorldSchema s = c.schema();
      Frame open = frame(s, false);
      // At weight 1 the choice's own weights are the ratios between its alternatives.
      double stay = model.newInference().logLikelihood(open, next(s, open, 5, 5, 0));
      double right = model.newInference().logLikelihood(open, next(s, open, 6, 5, 0));
      double down = model.newInference().logLikelihood(open, next(s, open, 5, 6, 1));
      assertEquals(Math.log(0.2 / 0.4), right - stay, 1e-9, engine.toString());
      assertEquals(right, down, 1e-9, engine.toString());
      Frame blocked = frame(s, true);
      // The step to the right lands on "stay": 0.4 + 0.2 against 0.2 for each other step.
      double blockedStay = model.newInference().logLikelihood(blocked, next(s, blocked, 5, 5, 0));
      double blockedLeft = model.newInference().logLikelihood(blocked, next(s, blocked, 4, 5, 0));
      assertEquals(Math.log(0.2 / 0.6), blockedLeft - blockedStay, 1e-9, engine.toString());
      Frame mode = model.newInference().mostLikelyNext(open, 0);
      assertEquals(List.of(5, 5, 0), List.of(mode.x(0), mode.get(0, Slots.Y), mode.get(0, Slots.FIRST_EXTRA)));
    }
  }

  private static Frame next(WorldSchema s, Frame t, int x, int y, int mood) {
    Frame.Builder b = Frame.builder(s).previous(t).add(1, 0, x, y, 1, 1, mood);
    if (t.size() > 1) {
      b.add(2, 1, 6, 5, 1, 1);
    }
    return b.build();
  }
}
