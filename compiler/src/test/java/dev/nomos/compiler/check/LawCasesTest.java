package dev.nomos.compiler.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.nomos.compiler.CheckedLaw;
import dev.nomos.compiler.Compilation;
import dev.nomos.compiler.NomosCompiler;
import dev.nomos.compiler.Parser;
import dev.nomos.compiler.SourceResolver;
import dev.nomos.compiler.diag.DiagnosticRenderer;
import dev.nomos.compiler.format.Formatter;
import dev.nomos.compiler.source.SourceFile;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A law with cases is one law per case: each lowers as if written out, and carries its own weight. */
class LawCasesTest {
  private static final String FAMILY = """
      law still for T in {Ball, Wall}, N in {0, -2} weight 1.5, 2.0, 0.5, 3.0 {
        for o: T
        when o.x > N and count(T) > 1
        then o.vx := N
      }
      """;

  private static Compilation compile(String text) {
    Compilation c = NomosCompiler.compile(List.of(new SourceFile("t.law", LoweringTest.WORLD + text)),
        SourceResolver.none());
    assertFalse(c.hasErrors(), () -> DiagnosticRenderer.render(c.diagnostics()));
    return c;
  }

  @Test
  void everyCombinationIsALawNamedAfterItsValuesWithItsWeight() {
    Compilation c = compile(FAMILY);
    assertEquals(List.of("still[Ball, 0]", "still[Ball, -2]", "still[Wall, 0]", "still[Wall, -2]"),
        c.laws().stream().map(CheckedLaw::name).toList());
    assertEquals(List.of(1.5, 2.0, 0.5, 3.0), c.laws().stream().map(CheckedLaw::weight).toList());
  }

  @Test
  void eachInstanceLowersAsTheLawWrittenOutForItsValues() {
    Compilation family = compile(FAMILY);
    Compilation written = compile("""
        law a { for o: Ball when o.x > 0 and count(Ball) > 1 then o.vx := 0 }
        law b { for o: Ball when o.x > -2 and count(Ball) > 1 then o.vx := -2 }
        law c { for o: Wall when o.x > 0 and count(Wall) > 1 then o.vx := 0 }
        law d { for o: Wall when o.x > -2 and count(Wall) > 1 then o.vx := -2 }
        """);
    for (int i = 0; i < 4; i++) {
      assertEquals(PlanText.of(written.laws().get(i).plan()), PlanText.of(family.laws().get(i).plan()));
    }
  }

  @Test
  void fittedWeightsGoBackIntoTheCaseListAndPrunedCasesAtZero() {
    SourceFile source = new SourceFile("t.law", FAMILY);
    String out = Formatter.format(Parser.parse(source).unit(),
        Map.of("still[Ball, 0]", 0.25, "still[Ball, -2]", 1.0, "still[Wall, 0]", 4.0), Set.of("still[Wall, -2]"), null);
    assertEquals("law still for T in {Ball, Wall}, N in {0, -2} weight 0.25, 1.0, 4.0, 0.0 {",
        out.lines().findFirst().orElseThrow());
    String same = Formatter.format(Parser.parse(source).unit(),
        Map.of("still[Ball, 0]", 2.0, "still[Ball, -2]", 2.0, "still[Wall, 0]", 2.0, "still[Wall, -2]", 2.0), Set.of(),
        null);
    assertEquals("law still for T in {Ball, Wall}, N in {0, -2} weight 2.0 {", same.lines().findFirst().orElseThrow());
  }
}
