package dev.nomos.compiler.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nomos.compiler.Compilation;
import dev.nomos.compiler.NomosCompiler;
import dev.nomos.compiler.SourceResolver;
import dev.nomos.compiler.diag.Diagnostic;
import dev.nomos.compiler.diag.DiagnosticRenderer;
import dev.nomos.compiler.plan.LawPlan;
import dev.nomos.compiler.source.SourceFile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Definitions are inlined: a law that uses one lowers to the plan of the same law written out. */
class DefinitionsTest {

  private static Compilation compile(String text) {
    return NomosCompiler.compile(List.of(new SourceFile("t.law", LoweringTest.WORLD + text)), SourceResolver.none());
  }

  /** The plans of the first two laws, which must lower alike. */
  private static void assertSamePlans(String text) {
    Compilation c = compile(text);
    assertFalse(c.hasErrors(), () -> DiagnosticRenderer.render(c.diagnostics()));
    assertEquals(PlanText.of(c.laws().get(1).plan()), PlanText.of(c.laws().get(0).plan()));
  }

  @Test
  void aUseLowersToTheBodyWithTheArgumentsInPlace() {
    assertSamePlans("""
        def step_x(p: Player, by: int) = if p.vx > 0 then by else -by
        def near(a: Object, b: Object, r: int) = distance(a, b) <= r
        law defined {
          for p: Player, b: Ball
          when near(p, b, 2 * 3) and b.y > 0
          then p.vx := step_x(p, b.y)
        }
        law written_out {
          for p: Player, b: Ball
          when distance(p, b) <= 2 * 3 and b.y > 0
          then p.vx := if p.vx > 0 then b.y else -b.y
        }
        """);
  }

  @Test
  void aUseOfADefinitionWhoseParameterTypeDidNotResolveIsReportedOnceAtTheDefinition() {
    Compilation c = compile("""
        def far(p: Nothing) = p.x > 3
        law uses_it {
          for p: Player
          when far(p)
          then p.vx := 0
        }
        """);
    assertTrue(c.hasErrors());
    List<Diagnostic> errors = c.errors();
    assertEquals(1, errors.size(), () -> DiagnosticRenderer.render(c.diagnostics()));
    assertEquals(1, errors.get(0).span().line() - LoweringTest.WORLD.split("\n", -1).length + 1);
  }

  @Test
  void existsInADefinitionSkipsTheObjectsBoundWhereItIsUsed() {
    assertSamePlans("""
        def ball_near(p: Player) = exists o: Ball where distance(p, o) < 5
        law defined {
          for p: Player, b: Ball
          when ball_near(p) and b.x > 0
          then p.vx := 0
        }
        law written_out {
          for p: Player, b: Ball
          when (exists o: Ball where distance(p, o) < 5) and b.x > 0
          then p.vx := 0
        }
        """);
  }

  @Test
  void definitionsUseDefinitionsAndConstantsNeedNoParentheses() {
    assertSamePlans("""
        def reach = 4
        def far(p: Player) = p.x > reach() * 10
        def moving(p: Player) = p.vx != 0 and not far(p)
        law defined {
          for p: Player
          when moving(p) and reach > 1
          then p.vy := reach
        }
        law written_out {
          for p: Player
          when p.vx != 0 and not p.x > 4 * 10 and 4 > 1
          then p.vy := 4
        }
        """);
  }

  @Test
  void aUseInATriggerIsReadAtTheEarlierFrames() {
    assertSamePlans("""
        def opens(d: Door) = d.state == open and d.keys > 0
        law defined {
          for d: Door
          then d.keys := seq(3, 2, 1) after opens(d)
        }
        law written_out {
          for d: Door
          then d.keys := seq(3, 2, 1) after d.state == open and d.keys > 0
        }
        """);
  }

  @Test
  void aSymbolArgumentIsConvertedToTheParameterType() {
    assertSamePlans("""
        def is_lit(d: Door, s: Side) = d.lit and s != NONE
        law defined {
          for d: Door, p: Player
          when is_lit(d, side(d, p))
          then d.keys := 0
        }
        law written_out {
          for d: Door, p: Player
          when d.lit and side(d, p) != NONE
          then d.keys := 0
        }
        """);
  }

  @Test
  void aBodySeesItsParametersButNotTheLawsVariables() {
    Compilation c = compile("""
        def leaks(p: Player) = b.x > p.x
        law uses { for p: Player, b: Ball when leaks(p) then p.vx := b.vx }
        """);
    List<Diagnostic> errors = c.errors();
    assertEquals(1, errors.size(), () -> DiagnosticRenderer.render(c.diagnostics()));
    assertEquals("N106", errors.get(0).code());
    assertEquals(1, errors.get(0).line() - LoweringTest.WORLD.split("\n").length, "reported in the definition");
  }

  @Test
  void anErrorOnlyAUseRevealsIsReportedAtTheUse() {
    Compilation c = compile("""
        def back(p: Player, k: int) = p.x@-k
        law uses { for p: Player when back(p, p.y) > 0 then p.vx := 0 }
        """);
    assertEquals(1, c.errors().size(), () -> DiagnosticRenderer.render(c.diagnostics()));
    Diagnostic d = c.errors().get(0);
    assertEquals("N303", d.code());
    assertTrue(d.message().startsWith("in this use of `back`: "), d.message());
    assertEquals("back(p, p.y)", d.source().text().substring(d.span().start(), d.span().end()));
  }

  @Test
  void definitionsInTheWorldFileServeTheLawsOfOtherFiles() {
    Map<String, String> files = Map.of(
        "world.law", LoweringTest.WORLD + "def left_half(o: Object) = o.cx < 80\n",
        "laws.law", "use \"world.law\"\nlaw drifts { for b: Ball when left_half(b) then b.vx := 1 }\n");
    Compilation c = NomosCompiler.compile(List.of(new SourceFile("laws.law", files.get("laws.law"))),
        SourceResolver.inMemory(files));
    assertFalse(c.hasErrors(), () -> DiagnosticRenderer.render(c.diagnostics()));
    assertEquals("left_half(o: Object)", c.definitions().get("left_half").signature());
    assertEquals("bool", c.definitions().get("left_half").result().describe(c.schema()));
  }

  @Test
  void weightsReadAtTLowerToAComputedChoiceAndConstantsFold() {
    LawPlan computed = LoweringTest.lower("""
        law computed { for p: Player then p.vx ~ weighted(-1: count(Wall), 0: 0.5, 1: 2) }
        """);
    assertEquals("choice v0[0] (add v0[0] -1):1.0*(count-type 2) (add v0[0] 0):0.5*1 (add v0[0] 1):2.0*1",
        PlanText.of(computed.effects().get(0)));
    LawPlan folded = LoweringTest.lower("""
        def often = 3
        law folded { for p: Player then p.vx ~ weighted(-1: often + 1, 1: 0.5) }
        """);
    assertEquals("choice v0[0] (add v0[0] -1):4.0 (add v0[0] 1):0.5", PlanText.of(folded.effects().get(0)));
  }
}
