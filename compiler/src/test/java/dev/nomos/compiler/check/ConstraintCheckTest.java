package dev.nomos.compiler.check;

import static dev.nomos.compiler.check.LoweringTest.WORLD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nomos.compiler.Compilation;
import dev.nomos.compiler.NomosCompiler;
import dev.nomos.compiler.SourceResolver;
import dev.nomos.compiler.diag.Codes;
import dev.nomos.compiler.diag.Diagnostic;
import dev.nomos.compiler.diag.DiagnosticRenderer;
import dev.nomos.compiler.source.SourceFile;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Constraints lower to the plan of a law whose effects are their requirements (types: Player 0, Ball 1, Wall 2, Door 3). */
class ConstraintCheckTest {

  private static Compilation compile(String text) {
    return NomosCompiler.compile(List.of(new SourceFile("t.law", WORLD + text)), SourceResolver.none());
  }

  private static String lowered(String constraint) {
    Compilation c = compile(constraint);
    assertFalse(c.hasErrors(), () -> DiagnosticRenderer.render(c.diagnostics()));
    assertTrue(c.laws().isEmpty(), "a constraint is not a law");
    assertNotNull(c.constraints().get(0).plan());
    return PlanText.of(c.constraints().get(0).plan());
  }

  @Test
  void anEqualityIsAnExactRequirementAndARangeARange() {
    assertEquals("""
        each v0:1
        when true
        exact v0[0] 7
        range v0[1] 20 (sub 200 2)
        vars=1 locals=0""", lowered("constraint c { for b: Ball then b.x == 7  b.y in 20..200 - 2 }"));
  }

  @Test
  void edgesAndCentresAreSolvedForThePosition() {
    // cx = x + w / 2, so cx == e is x == e - w / 2 exactly; right, bottom and cy likewise (slots: x 0, y 1, w 2, h 3).
    assertEquals("""
        each v0:0
        each v1:2
        when true
        exact v0[0] (sub (add v1[0] (div v1[2] 2)) (div v0[2] 2))
        exact v0[1] (sub v1[1] v0[3])
        range v0[0] (sub v1[0] v0[2]) (sub (add v1[0] v1[2]) v0[2])
        exact v0[1] (sub 9 (div v0[3] 2))
        exact v0[0] 3
        exact v0[1] 4
        vars=2 locals=0""", lowered("""
        constraint c {
          for p: Player, w: Wall
          then p.cx == w.cx
               p.bottom == w.top
               p.right in w.left..w.right
               p.cy == 9
               p.left == 3
               p.top == 4
        }"""));
  }

  @Test
  void velocitiesAreRequiredAsNextPositions() {
    assertEquals("""
        each v0:1
        when (gt vy(v0) 0)
        exact v0[1] (add v0[1] 0)
        vars=1 locals=0""", lowered("constraint c { for b: Ball when b.vy > 0 then b.vy == 0 }"));
  }

  @Test
  void requirementsOnOneTargetIntersectSoTheUnionWarningStaysSilent() {
    Compilation c = compile("constraint c { for d: Door then d.keys in 0..2  d.keys in 1..3 }");
    assertEquals(List.of(), c.diagnostics());
  }

  @Test
  void sizesCannotBeRequired() {
    Compilation c = compile("constraint c { for b: Ball then b.w == 3 }");
    assertEquals(List.of(Codes.NOT_WRITABLE), c.errors().stream().map(Diagnostic::code).toList());
    assertNull(c.constraints().get(0).plan());
  }

  @Test
  void aConstraintAndALawCannotShareAName() {
    Compilation c = compile("law c { for b: Ball then b.vy := 1 }\nconstraint c { for b: Ball then b.y in 0..10 }");
    assertEquals(List.of(Codes.DUPLICATE_DECLARATION), c.errors().stream().map(Diagnostic::code).toList());
  }

  @Test
  void aWeightMakesTheConstraintUnusable() {
    Compilation c = compile("constraint c weight 1 { for b: Ball then b.y in 0..10 }");
    assertEquals(List.of(Codes.CONSTRAINT_WEIGHT), c.errors().stream().map(Diagnostic::code).toList());
    assertNull(c.constraints().get(0).plan());
  }

  @Test
  void requirementsWithDisjointConstantsCanNeverBeMet() {
    Compilation c = compile("constraint c { for b: Ball then b.y == 3  b.y in 5..9 }");
    assertEquals(List.of(Codes.CONSTRAINT_NEVER_MET), c.errors().stream().map(Diagnostic::code).toList());
    // Overlapping constants, or different targets, are fine.
    assertFalse(compile("constraint c { for b: Ball then b.y == 5  b.y in 5..9  b.x == 1 }").hasErrors());
  }
}
