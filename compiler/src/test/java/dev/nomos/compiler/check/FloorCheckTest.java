package dev.nomos.compiler.check;

import static dev.nomos.compiler.check.CheckerTest.codes;
import static dev.nomos.compiler.check.CheckerTest.compile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nomos.compiler.Compilation;
import dev.nomos.compiler.NomosCompiler;
import dev.nomos.compiler.diag.Codes;
import dev.nomos.runtime.model.Floor;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FloorCheckTest {

  @Test
  void aModelWithoutFloorTakesTheDefault() {
    Compilation c = compile("law a { for b: Ball then destroy b }");
    assertFalse(c.hasErrors(), c.diagnostics().toString());
    assertNull(c.floorDecl());
    assertEquals(Floor.defaults(), c.floor());
    assertEquals(Floor.DEFAULT, c.floor().epsilon("keys"), 0);
  }

  @Test
  void theDeclaredValuesAreTheModelsFloor() {
    Compilation c = compile("floor { x 0.25 spawn 0.01 keys 0.0 }\nlaw a { for b: Ball then destroy b }");
    assertFalse(c.hasErrors(), c.diagnostics().toString());
    assertEquals(Map.of("x", 0.25, "spawn", 0.01, "keys", 0.0), c.floor().values());
    assertEquals(Floor.DEFAULT, c.floor().epsilon("y"), 0);
    assertEquals(List.of("x", "spawn", "keys"), List.copyOf(c.floor().values().keySet()));
  }

  @Test
  void floorIsStillAName() {
    Compilation c = NomosCompiler.compile(List.of(new dev.nomos.compiler.source.SourceFile("t.law", """
        world Grid {
          screen 5 x 5
          velocity -1..1
          actions NOOP
          entity floor { floor: int 0..2 }
        }
        law stays { for f: floor then f.floor := f.floor }
        floor { floor 0.01 }
        """)), dev.nomos.compiler.SourceResolver.none());
    assertFalse(c.hasErrors(), c.diagnostics().toString());
    assertEquals(0.01, c.floor().epsilon("floor"), 0);
  }

  @Test
  void badChannelsAndValuesAreReported() {
    Compilation c = compile("floor { colour 0.1 x 1.0 y 0.1 y 0.2 }");
    assertEquals(List.of(Codes.BAD_FLOOR, Codes.BAD_FLOOR, Codes.BAD_FLOOR), codes(c));
    assertEquals(Map.of("y", 0.1), c.floor().values(), "the good items still count");
  }

  @Test
  void candidateTextMayNotDeclareAFloor() {
    Compilation world = compile("");
    Compilation c = NomosCompiler.checkCandidates(world, "floor { x 0.1 }", "candidates");
    assertTrue(codes(c).contains(Codes.BAD_FLOOR), c.diagnostics().toString());
  }
}
