package dev.nomos.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.nomos.compiler.Compilation;
import dev.nomos.compiler.NomosCompiler;
import dev.nomos.stdlib.Side;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class HeadingTest {
  private static final Heading DIR = new Heading("Agent", "dir",
      new TreeMap<>(Map.of(0, Side.RIGHT.ordinal(), 2, Side.LEFT.ordinal(), 3, Side.TOP.ordinal())),
      Map.of(0, "0", 2, "2", 3, "3"), 1);

  @Test
  void rendersTheObjectInFrontAndTheStepAheadForTheValuesItKnows() {
    assertEquals("((o.dir == 0 and side(o, u) == RIGHT) or (o.dir == 2 and side(o, u) == LEFT)"
        + " or (o.dir == 3 and side(o, u) == TOP))", DIR.facing("o", "u"));
    assertEquals("if o.dir == 0 then 1 else if o.dir == 2 then -1 else 0", DIR.stepVelocity("o", "x"));
    assertEquals("if o.dir == 3 then -1 else 0", DIR.stepVelocity("o", "y"));
    assertEquals(-1, DIR.stepVelocity(2, "x"));
    assertEquals(0, DIR.stepVelocity(1, "x"), "a value never seen moving steps nowhere");
  }

  @Test
  void describesItselfForPeople() {
    assertEquals("Agent.dir (0 RIGHT, 2 LEFT, 3 TOP; step 1)", DIR.describe());
  }

  @Test
  void itsTextChecksAgainstTheWorld() {
    String law = "law lamp_in_front {\n  on contact(o: Agent, u: Lamp)\n  when " + DIR.facing("o", "u")
        + "\n  then o.vx := " + DIR.stepVelocity("o", "x") + "\n}";
    Compilation c = NomosCompiler.checkCandidates(HeadingWorld.SCHEMA, law, "heading.law");
    assertFalse(c.hasErrors(), c.diagnostics().toString());
  }

  @Test
  void refusesAHeadingOfOneValueOrNoStep() {
    assertThrows(IllegalArgumentException.class,
        () -> new Heading("Agent", "dir", new TreeMap<>(Map.of(0, 3)), Map.of(0, "0"), 1));
    assertThrows(IllegalArgumentException.class,
        () -> new Heading("Agent", "dir", new TreeMap<>(Map.of(0, 3, 1, 1)), Map.of(0, "0", 1, "1"), 0));
  }
}
