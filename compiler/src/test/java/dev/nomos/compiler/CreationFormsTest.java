package dev.nomos.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nomos.compiler.codegen.Engine;
import dev.nomos.compiler.codegen.LawFactory;
import dev.nomos.compiler.format.FittedChances;
import dev.nomos.compiler.format.Formatter;
import dev.nomos.compiler.interp.OpinionRecorder;
import dev.nomos.compiler.source.SourceFile;
import dev.nomos.runtime.Frame;
import dev.nomos.runtime.Law;
import dev.nomos.runtime.WorldSchema;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Creations with a probability and a distribution of places, from source to opinions on both
 * engines; the formatter's canonical text; fitted probabilities written back into the source.
 */
class CreationFormsTest {
  private static final String WORLD = """
      world Cave {
        screen 100 x 50
        velocity -9..9
        actions NOOP, FIRE
        entity Hive
        entity Bee
      }
      """;
  private static final int HIVE = 0;

  private static final String LAWS = """
      law releases {
        for h: Hive
        then spawn Bee at (h.x, h.y + 1) with probability 0.25
      }

      law swarms {
        for h: Hive
        when action == FIRE
        then spawn Bee at one_of((h.x - 1, h.y), (h.x + 1, h.y)) with probability fitted
             spawn Bee at weighted((h.x, h.y - 1): 3, (h.x, h.y + 2): 1) with probability fitted 0.125
      }

      law rains {
        then spawn Bee at range((0, 0), (99, 0)) with probability 0.001
             spawn Bee at one_of((5, 5), (6, 6))
      }
      """;

  private static Compilation compile(String text) {
    Compilation c = NomosCompiler.compile(List.of(new SourceFile("c.law", WORLD + text)), SourceResolver.none());
    assertFalse(c.hasErrors(), () -> c.diagnostics().toString());
    return c;
  }

  private static List<String> calls(Law law, Frame frame) {
    OpinionRecorder r = new OpinionRecorder();
    law.apply(frame, r);
    return r.lines();
  }

  @Test
  void everyFormEmitsItsCreationOnBothEngines() {
    Compilation c = compile(LAWS);
    WorldSchema s = c.schema();
    Frame frame = Frame.builder(s).action(s.actionIndex("FIRE")).add(1, HIVE, 10, 20, 2, 2).build();
    List<List<String>> expected = List.of(
        List.of("beginSpawn 1 0.25 -1", "place 10 21 1.0", "endSpawn"),
        List.of("beginSpawn 1 NaN 0", "place 9 20 1.0", "place 11 20 1.0", "endSpawn",
            "beginSpawn 1 0.125 1", "place 10 19 3.0", "place 10 22 1.0", "endSpawn"),
        List.of("beginSpawn 1 0.001 -1", "placeRange 0 0 99 0", "endSpawn",
            "beginSpawn 1 1.0 -1", "place 5 5 1.0", "place 6 6 1.0", "endSpawn"));
    for (int i = 0; i < expected.size(); i++) {
      List<String> interpreted = calls(LawFactory.create(c.plans().get(i), Engine.INTERPRETED), frame);
      assertEquals(expected.get(i), interpreted, c.plans().get(i).name());
      assertEquals(interpreted, calls(LawFactory.create(c.plans().get(i), Engine.COMPILED), frame));
    }
  }

  @Test
  void aPlainSpawnWithAProbabilityIsAPointPlace() {
    Compilation c = compile("law l { for h: Hive then spawn Bee at (h.x, h.y) with probability fitted 0.5 }");
    Frame frame = Frame.builder(c.schema()).add(1, HIVE, 3, 4, 1, 1).build();
    assertEquals(List.of("beginSpawn 1 0.5 0", "place 3 4 1.0", "endSpawn"),
        calls(LawFactory.create(c.plans().get(0), Engine.COMPILED), frame));
  }

  @Test
  void theFormatterWritesEveryFormCanonicallyAndReadsItBack() {
    ParseResult parsed = Parser.parse(new SourceFile("c.law", LAWS));
    assertFalse(parsed.hasErrors(), parsed.diagnostics().toString());
    String formatted = Formatter.format(parsed.unit());
    assertEquals(LAWS, formatted);
    assertEquals(formatted, Formatter.format(Parser.parse(new SourceFile("c.law", formatted)).unit()));
    String loose = "law l { for h: Hive then spawn Bee at one_of( (h.x,h.y),(h.x+1,h.y) )  with   probability  0.5 }";
    assertTrue(Formatter.format(Parser.parse(new SourceFile("l.law", loose)).unit())
        .contains("spawn Bee at one_of((h.x, h.y), (h.x + 1, h.y)) with probability 0.5"));
  }

  @Test
  void fittedProbabilitiesAreWrittenBackInTheOrderTheLawStatesThem() {
    ParseResult parsed = Parser.parse(new SourceFile("c.law", LAWS));
    String text = Formatter.format(FittedChances.apply(parsed.unit(),
        Map.of("swarms", new double[] {0.0123456789, Double.NaN}, "releases", new double[] {0.9})));
    assertTrue(text.contains("with probability fitted 0.0123457\n"), text);
    assertTrue(text.contains("with probability fitted 0.125\n"), text);
    // A written probability is not fitted, whatever the row says.
    assertTrue(text.contains("with probability 0.25\n"), text);
    compile(text);
  }

  @Test
  void aLawWithCasesKeepsItsCasesAndTakesTheProbabilityItsInstancesAgreeOn() {
    String cased = """
        law breeds for N in {1, 2} {
          for h: Hive
          when h.x == N
          then spawn Bee at (h.x, h.y + N) with probability fitted
               spawn Bee at (h.x, h.y - N) with probability fitted 0.5
        }
        """;
    ParseResult parsed = Parser.parse(new SourceFile("c.law", cased));
    assertFalse(parsed.hasErrors(), parsed.diagnostics().toString());
    // The fitter keys rows by instance; the instances agree on the first creation, not on the second.
    String text = Formatter.format(FittedChances.apply(parsed.unit(),
        Map.of("breeds[1]", new double[] {0.2, 0.3}, "breeds[2]", new double[] {0.2, 0.4})));
    assertTrue(text.contains("law breeds for N in {1, 2} {"), text);
    assertTrue(text.contains("with probability fitted 0.2\n"), text);
    assertTrue(text.contains("with probability fitted 0.5\n"), text);
    Compilation c = compile(text);
    assertEquals(List.of("breeds[1]", "breeds[2]"), c.laws().stream().map(l -> l.name()).toList());
  }

  @Test
  void aVariableNamedWithStaysAVariable() {
    compile("law l { for with: Hive then with.x := with.x\n spawn Bee at (with.x, with.y) with probability 0.5 }");
  }
}
