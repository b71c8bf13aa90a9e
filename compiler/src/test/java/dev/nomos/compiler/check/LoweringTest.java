package dev.nomos.compiler.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.nomos.compiler.Compilation;
import dev.nomos.compiler.NomosCompiler;
import dev.nomos.compiler.SourceResolver;
import dev.nomos.compiler.diag.DiagnosticRenderer;
import dev.nomos.compiler.plan.LawPlan;
import dev.nomos.compiler.source.SourceFile;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Source laws and the plans they must lower to (types: Player 0, Ball 1, Wall 2, Door 3). */
class LoweringTest {
  static final String WORLD = """
      world Arena {
        screen 160 x 210
        velocity -30..30
        actions NOOP, FIRE, UP, DOWN
        entity Player
        entity Ball
        entity Wall
        entity Door { state: {open, closed, locked}, keys: int 0..3, lit: bool }
      }
      """;

  static LawPlan lower(String law) {
    Compilation c = NomosCompiler.compile(List.of(new SourceFile("t.law", WORLD + law)), SourceResolver.none());
    assertFalse(c.hasErrors(), () -> DiagnosticRenderer.render(c.diagnostics()));
    LawPlan plan = c.laws().get(0).plan();
    assertNotNull(plan);
    return plan;
  }

  static void assertLowers(String law, String expected) {
    assertEquals(expected, PlanText.of(lower(law)));
  }

  @Test
  void velocityWritesPredictNextPosition() {
    assertLowers("law a { for b: Ball then b.vx := b.vx  b.vy := -b.vy }", """
        each v0:1
        when true
        exact v0[0] (add v0[0] vx(v0))
        exact v0[1] (add v0[1] (neg vy(v0)))
        vars=1 locals=0""");
  }

  @Test
  void aValueSequenceLowersToHistoryReadsMostRecentTriggerFirst() {
    // Trigger at t: -3; at t-1 (everything it reads one step further back, both objects there
    // since): -1; at t-2: 0; else nothing.
    assertLowers("law a { for b: Ball, w: Wall then b.vy := seq(-3, -1, 0) after action == UP and touching(b, w) }",
        "each v0:1\neach v1:2\nwhen true\n"
            + "if (and (eq action 2) (touching v0 v1)) then exact v0[1] (add v0[1] -3)"
            + " else if (and (ge (age v0) 1) (and (ge (age v1) 1) (and (eq action@1 2) (touching v0 v1)@1)))"
            + " then exact v0[1] (add v0[1] -1)"
            + " else if (and (ge (age v0) 2) (and (ge (age v1) 2) (and (eq action@2 2) (touching v0 v1)@2)))"
            + " then exact v0[1] (add v0[1] 0)\n"
            + "vars=2 locals=0");
  }

  @Test
  void aSequenceTriggerThatReadsHistoryReadsFurtherBack() {
    assertLowers("law a { for b: Ball then b.vx := seq(1, 2) after b.vy@-2 > 0 and step > 3 }",
        "each v0:1\nwhen true\n"
            + "if (and (gt vy(v0)@2 0) (gt step 3)) then exact v0[0] (add v0[0] 1)"
            + " else if (and (ge (age v0) 1) (and (gt vy(v0)@3 0) (gt (sub step 1) 3))) then exact v0[0] (add v0[0] 2)\n"
            + "vars=1 locals=0");
  }

  @Test
  void timeReadsLowerToFrameQueries() {
    assertLowers("law a { for b: Ball, w: Wall when age(b) > 2 and side(b, w)@-1 == TOP and present(b)@-3 "
        + "then b.x := step }", """
        each v0:1
        each v1:2
        when (and (and (gt (age v0) 2) (eq (side v0 v1)@1 0)) (present v0)@3)
        exact v0[0] step
        vars=2 locals=0""");
  }

  @Test
  void positionWritesAreAbsolute() {
    assertLowers("law a { for p: Player then p.x := 5  p.y ~ range(p.y - 1, p.y + 1) }", """
        each v0:0
        when true
        exact v0[0] 5
        range v0[1] (sub v0[1] 1) (add v0[1] 1)
        vars=1 locals=0""");
  }

  @Test
  void derivedAttributesBecomeSlotArithmetic() {
    assertLowers("law a { for b: Ball when b.right > b.left and b.bottom > b.top and b.cx > b.cy then b.x := b.x }", """
        each v0:1
        when (and (and (gt (add v0[0] v0[2]) v0[0]) (gt (add v0[1] v0[3]) v0[1])) (gt (add v0[0] (div v0[2] 2)) (add v0[1] (div v0[3] 2))))
        exact v0[0] v0[0]
        vars=1 locals=0""");
  }

  @Test
  void contactWithSideAndCover() {
    assertLowers("law a { on contact(b: Ball, w: Wall, side: BOTTOM, cover: 0.25) when b.vy > 0 then b.vy := -b.vy }", """
        contact v0:1 v1:2 side=1 cover=25
        when (gt vy(v0) 0)
        exact v0[1] (add v0[1] (neg vy(v0)))
        vars=2 locals=0""");
  }

  @Test
  void contactWithoutSideIsUnconstrained() {
    assertLowers("law a { on contact(b: Ball, d: Door) then destroy d }", """
        contact v0:1 v1:3 side=4 cover=0
        when true
        exact v1[-1] false
        vars=2 locals=0""");
  }

  @Test
  void existsExcludesTheObjectsBoundAtThatPoint() {
    assertLowers("""
        law a {
          for b: Ball
          when not exists o: Object where touching(b, o) and (count w: Wall where touching(o, w)) > 0
  then b.vy := b.vy
        }""", """
        each v0:1
        when (not (exists v1:-1 excl[0] (and (touching v0 v1) (gt (count v2:2 excl[0, 1] (touching v1 v2)) 0))))
        exact v0[1] (add v0[1] vy(v0))
        vars=3 locals=0""");
  }

  @Test
  void symbolsActionsAndSidesAreIndexes() {
    assertLowers("""
        law a {
          for d: Door, b: Ball
          when d.state == locked and action in {UP, DOWN} and side(b, d) == LEFT and d.lit
  then d.state := open
               d.lit := false
               d.keys ~ one_of(1, 2)
        }""", """
        each v0:3
        each v1:1
        when (and (and (and (eq v0[4] 2) (in action {2 3})) (eq (side v1 v0) 2)) v0[6])
        exact v0[4] 0
        exact v0[6] false
        choice v0[5] 1:1.0 2:1.0
        vars=2 locals=0""");
  }

  @Test
  void historyAggregatesUseLocals() {
    assertLowers("law a { for p: Player when all k in 1..5: p.vy@-k == 0 and action@-1 == FIRE then p.vy ~ weighted(-6: 0.3, -5: 0.7) }", """
        each v0:0
        when (all k0 1..5 (and (eq vy(v0)@k0 0) (eq action@1 1)))
        choice v0[1] (add v0[1] -6):0.3 (add v0[1] -5):0.7
        vars=1 locals=1""");
  }

  @Test
  void typeArgumentsAreConstantsAndSpawnHasItsType() {
    assertLowers("law a { for p: Player when count(Ball) == 0 then spawn Ball at (p.x + nearest_dx(p, Wall), 5) }", """
        each v0:0
        when (eq (count-type 1) 0)
        spawn 1 (add v0[0] (nearest_dx v0 2)) 5
        vars=1 locals=0""");
  }

  @Test
  void ifAndRangesLower() {
    assertLowers("law a { for b: Ball when b.x not in 0..10 then b.vx := if b.x > 80 then -1 else 1 }", """
        each v0:1
        when (notin v0[0] 0..10)
        exact v0[0] (add v0[0] (if (gt v0[0] 80) -1 1))
        vars=1 locals=0""");
  }

  @Test
  void symbolsCrossAttributeSetsByName() {
    String world = """
        world Keys {
          screen 10 x 10
          velocity -1..1
          actions NOOP
          entity Key { color: {red, green} }
          entity Agent { holding: {none, red, green}, hue: {red, green, blue} }
        }
        """;
    var c = NomosCompiler.compile(List.of(new SourceFile("k.law", world + """
        law pick { for a: Agent, k: Key when a.holding == k.color and k.color in {a.holding} then a.holding := k.color  a.hue := k.color }
        """)), SourceResolver.none());
    assertFalse(c.hasErrors(), () -> DiagnosticRenderer.render(c.diagnostics()));
    assertEquals("""
        each v0:1
        each v1:0
        when (and (eq v0[4] (if (eq v1[4] 0) 1 (if (eq v1[4] 1) 2 -1))) (in v1[4] {(if (eq v0[4] 0) -1 (if (eq v0[4] 1) 0 (if (eq v0[4] 2) 1 -1)))}))
        exact v0[4] (if (eq v1[4] 0) 1 (if (eq v1[4] 1) 2 -1))
        exact v0[5] v1[4]
        vars=2 locals=0""", PlanText.of(c.laws().get(0).plan()));
    // A write needs every symbol of the value's set in the target's set.
    var bad = NomosCompiler.compile(List.of(new SourceFile("k.law", world + """
        law drop { for a: Agent, k: Key then k.color := a.holding }
        """)), SourceResolver.none());
    assertEquals(List.of("N201"), bad.diagnostics().stream().map(d -> d.code()).toList());
  }
}
