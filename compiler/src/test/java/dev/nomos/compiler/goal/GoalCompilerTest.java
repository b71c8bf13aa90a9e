package dev.nomos.compiler.goal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nomos.compiler.NomosCompiler;
import dev.nomos.compiler.SourceResolver;
import dev.nomos.compiler.diag.Diagnostic;
import dev.nomos.compiler.source.SourceFile;
import dev.nomos.runtime.Frame;
import dev.nomos.runtime.WorldSchema;
import java.util.List;
import org.junit.jupiter.api.Test;

class GoalCompilerTest {
  private static final WorldSchema WORLD = NomosCompiler.compile(List.of(new SourceFile("w.law", """
      world Boxes {
        screen 10 x 10
        velocity -1..1
        actions NOOP, UP
        entity Player
        entity Box
        entity Goal
        entity Door { state: {open, closed} }
      }
      """)), SourceResolver.none()).schema();
  private static final int BOX = 1;
  private static final int GOAL = 2;
  private static final String EVERY_BOX_ON_A_GOAL = "not exists b: Box where not exists g: Goal where g.x == b.x and g.y == b.y";

  private static Frame frame(int[][] boxes, int[][] goals) {
    Frame.Builder f = Frame.builder(WORLD);
    int id = 1;
    for (int[] b : boxes) {
      f.add(id++, BOX, b[0], b[1], 1, 1);
    }
    for (int[] g : goals) {
      f.add(id++, GOAL, g[0], g[1], 1, 1);
    }
    return f.build();
  }

  @Test
  void everyBoxOnAGoalHoldsExactlyWhenEachBoxSharesACellWithAGoal() {
    GoalCompilation c = GoalCompiler.compile(WORLD, EVERY_BOX_ON_A_GOAL, "--goal");
    assertNotNull(c.goal(), c.diagnostics().toString());
    int[][] goals = {{2, 2}, {5, 5}};
    assertTrue(c.goal().test(frame(new int[][] {{2, 2}, {5, 5}}, goals)));
    assertFalse(c.goal().test(frame(new int[][] {{2, 2}, {5, 4}}, goals)));
    assertTrue(c.goal().test(frame(new int[0][], goals)), "no box: nothing is off a goal");
  }

  @Test
  void recognisesBothWaysOfSayingEveryAOnSomeB() {
    CompiledGoal negated = GoalCompiler.compile(WORLD, EVERY_BOX_ON_A_GOAL, "--goal").goal();
    assertEquals(List.of(new Coverage(BOX, GOAL)), negated.coverages());
    assertTrue(negated.coverageOnly());
    CompiledGoal counted = GoalCompiler.compile(WORLD,
        "count(Box) == count b: Box where exists g: Goal where b.y == g.y and b.x == g.x", "--goal").goal();
    assertEquals(List.of(new Coverage(BOX, GOAL)), counted.coverages());
    assertTrue(counted.coverageOnly());
  }

  @Test
  void aGoalOfAnotherFormHasNoCoverageAndAMixedOneIsNotCoverageOnly() {
    CompiledGoal other = GoalCompiler.compile(WORLD, "count(Box) < 2", "--goal").goal();
    assertTrue(other.coverages().isEmpty());
    assertFalse(other.coverageOnly());
    CompiledGoal mixed = GoalCompiler.compile(WORLD, "(" + EVERY_BOX_ON_A_GOAL + ") and count(Box) > 0", "--goal").goal();
    assertEquals(1, mixed.coverages().size());
    assertFalse(mixed.coverageOnly());
    CompiledGoal extraCondition = GoalCompiler.compile(WORLD,
        "not exists b: Box where not exists g: Goal where g.x == b.x and g.y == b.y and g.x > 0", "--goal").goal();
    assertTrue(extraCondition.coverages().isEmpty(), "a further condition on the goal is not ignored by an estimate");
  }

  @Test
  void anUnknownTypeIsReportedAtItsColumnWithASuggestion() {
    GoalCompilation c = GoalCompiler.compile(WORLD, "exists b: Boxx", "--goal");
    assertNull(c.goal());
    Diagnostic d = c.diagnostics().get(0);
    assertTrue(d.isError());
    assertEquals("--goal", d.file());
    assertEquals(1, d.line());
    assertEquals(11, d.column());
    assertTrue(d.message().contains("Boxx"), d.message());
  }

  @Test
  void aGoalThatIsNotAConditionIsATypeError() {
    GoalCompilation c = GoalCompiler.compile(WORLD, "count(Box) + 1", "--goal");
    assertNull(c.goal());
    assertTrue(c.diagnostics().get(0).message().contains("goal"), c.diagnostics().get(0).message());
  }

  @Test
  void aSyntaxErrorIsLocated() {
    GoalCompilation c = GoalCompiler.compile(WORLD, "exists b: Box where b.x ==", "--goal");
    assertNull(c.goal());
    assertTrue(c.diagnostics().get(0).isError());
    assertEquals(1, c.diagnostics().get(0).line());
  }

  @Test
  void symbolsResolveAgainstTheAttributeTheyAreComparedWith() {
    CompiledGoal open = GoalCompiler.compile(WORLD, "exists d: Door where d.state == open", "--goal").goal();
    assertNotNull(open);
    Frame closed = Frame.builder(WORLD).add(1, 3, 0, 0, 1, 1, 1).build();
    Frame opened = Frame.builder(WORLD).add(1, 3, 0, 0, 1, 1, 0).build();
    assertFalse(open.test(closed));
    assertTrue(open.test(opened));
  }
}
