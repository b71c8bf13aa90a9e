package dev.nomos.compiler.plan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.nomos.compiler.Compilation;
import dev.nomos.compiler.NomosCompiler;
import dev.nomos.compiler.SourceResolver;
import dev.nomos.compiler.diag.DiagnosticRenderer;
import dev.nomos.compiler.source.SourceFile;
import dev.nomos.runtime.LawScope;
import dev.nomos.runtime.Slots;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Scopes read off laws as written: the actions a guard requires and the types the loops bind. */
class PlanScopeTest {
  private static final String WORLD = """
      world Box {
        screen 100 x 100
        velocity -10..10
        actions NOOP, UP, DOWN, LEFT
        entity Ball
        entity Wall
        entity Paddle
      }
      """;

  private static LawScope scope(String law) {
    Compilation c = NomosCompiler.compile(List.of(new SourceFile("laws.law", WORLD + law)),
        SourceResolver.inMemory(Map.of()));
    assertFalse(c.hasErrors(), () -> DiagnosticRenderer.render(c.diagnostics()));
    return PlanScope.of(c.plans().get(0));
  }

  @Test
  void anActionEqualityNarrowsToThatAction() {
    LawScope s = scope("law a { for b: Ball when action == UP and b.vx > 0 then b.vx := 1 }");
    assertArrayEquals(new int[] {1}, s.actions());
    assertArrayEquals(new int[] {0}, s.types());
  }

  @Test
  void aSetAndAlternativesGiveTheirUnionAndConjunctionsTheirIntersection() {
    assertArrayEquals(new int[] {1, 2}, scope("law a { for b: Ball when action in {UP, DOWN} then b.vx := 1 }").actions());
    assertArrayEquals(new int[] {1, 3},
        scope("law a { for b: Ball when action == UP or action == LEFT then b.vx := 1 }").actions());
    assertArrayEquals(new int[] {2},
        scope("law a { for b: Ball when action in {UP, DOWN} and action in {DOWN, LEFT} then b.vx := 1 }").actions());
  }

  @Test
  void conditionsThatDoNotPinTheActionLeaveItOpen() {
    assertNull(scope("law a { for b: Ball when action != UP then b.vx := 1 }").actions());
    assertNull(scope("law a { for b: Ball when action not in {UP} then b.vx := 1 }").actions());
    assertNull(scope("law a { for b: Ball when action == UP or b.vx > 0 then b.vx := 1 }").actions());
    assertNull(scope("law a { for b: Ball when action@-1 == UP then b.vx := 1 }").actions());
    assertNull(scope("law a { for b: Ball when not (action == UP) then b.vx := 1 }").actions());
    assertNull(scope("law a { for b: Ball then b.vx := 1 }").actions());
  }

  @Test
  void contactsNeedBothTypesAndObjectLoopsNone() {
    assertArrayEquals(new int[] {0, 1}, scope("law a { on contact(b: Ball, w: Wall) then b.vx := 0 }").types());
    assertArrayEquals(new int[] {2}, scope("law a { for p: Paddle for q: Paddle then p.vx := 0 }").types());
    assertArrayEquals(new int[0], scope("law a { for o: Object then o.vx := 0 }").types());
  }

  @Test
  void aRequiredEqualityOnTheLoopsObjectIsTheWitness() {
    assertEquals(new LawScope.Witness(0, LawScope.Witness.VX, 3),
        scope("law a { for b: Ball when b.vx == 3 then b.vx := 3 }").witness());
    assertEquals(new LawScope.Witness(0, LawScope.Witness.VY, -2),
        scope("law a { for b: Ball when b.x > 4 and -2 == b.vy then b.vy := 2 }").witness());
    assertEquals(new LawScope.Witness(1, Slots.W, 5),
        scope("law a { on contact(b: Ball, w: Wall) when w.w == 5 and b.vx == 1 then b.vx := 0 }").witness());
  }

  @Test
  void equalitiesTheGuardDoesNotRequireOrThatReadThePastGiveNoWitness() {
    assertNull(scope("law a { for b: Ball when b.vx == 3 or b.vy == 1 then b.vx := 3 }").witness());
    assertNull(scope("law a { for b: Ball when not (b.vx == 3) then b.vx := 3 }").witness());
    assertNull(scope("law a { for b: Ball when b.vx@-1 == 3 then b.vx := 3 }").witness());
    assertNull(scope("law a { for b: Ball when b.vx != 3 then b.vx := 3 }").witness());
    assertNull(scope("law a { for o: Object when o.vx == 3 then o.vx := 3 }").witness());
    assertNull(scope("law a { for p: Paddle for b: Ball when b.vx == 3 then b.vx := 3 }").witness());
  }
}
