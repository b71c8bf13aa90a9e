package dev.nomos.compiler.format;

import static dev.nomos.compiler.format.FormatterTest.fmt;
import static dev.nomos.compiler.format.FormatterTest.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nomos.compiler.ast.FloorDecl;
import dev.nomos.compiler.ast.SourceUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FloorFormatTest {

  @Test
  void aFloorIsFormattedOneChannelPerLineWithItsComments() {
    String out = fmt("""
        law a { for b: Ball then destroy b }
        /// fitted
        floor { x 0.00010 // the movers
          spawn 0.5 alive 0.0 }
        """);
    assertEquals("""
        law a {
          for b: Ball
          then destroy b
        }

        /// fitted
        floor {
          x 0.00010  // the movers
          spawn 0.5
          alive 0.0
        }
        """, out);
  }

  @Test
  void newFloorValuesReplaceTheDeclarationsOrAreAppended() {
    Map<String, Double> values = new LinkedHashMap<>();
    values.put("alive", 0.0000123456789);
    values.put("x", 0.15);
    values.put("hp", 0.0);
    String appended = Formatter.format(parse("law a { for b: Ball then destroy b }\n"), Map.of(), Set.of(), values);
    assertTrue(appended.endsWith("""
        floor {
          alive 0.0000123457
          x 0.15
          hp 0.0
        }
        """), appended);
    SourceUnit back = parse(appended);
    FloorDecl floor = (FloorDecl) back.decls().get(1);
    assertEquals(1.23457e-5, floor.items().get(0).value(), 1e-15);
    // Formatting the written file again gives it back: the values are literals now.
    assertEquals(appended, Formatter.format(back));

    String replaced = Formatter.format(parse("""
        floor {
          // kept
          x 0.3
          y 0.2
        }
        law a { for b: Ball then destroy b }
        """), Map.of(), Set.of(), Map.of("x", 0.25));
    assertTrue(replaced.startsWith("""
        floor {
          // kept
          x 0.25
        }
        """), replaced);
  }

  @Test
  void floorTextHasSixSignificantDigits() {
    assertEquals("0.0", Formatter.floorText(0));
    assertEquals("0.5", Formatter.floorText(0.5));
    assertEquals("0.333333", Formatter.floorText(1.0 / 3));
    assertEquals("0.00000100000".replaceAll("0+$", ""), Formatter.floorText(1e-6));
    assertThrows(IllegalArgumentException.class, () -> Formatter.floorText(1));
    assertThrows(IllegalArgumentException.class, () -> Formatter.floorText(-0.1));
  }
}
