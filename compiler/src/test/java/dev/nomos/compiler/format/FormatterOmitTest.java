package dev.nomos.compiler.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@link Formatter#format(dev.nomos.compiler.ast.SourceUnit, Map, Set)}: laws left out with their comments. */
class FormatterOmitTest {

  @Test
  void aLawLeftOutTakesItsCommentsAlong() {
    String text = """
        use "world.law"

        // Kept: about a.
        law a { for b: Ball then b.vx := 1 }  // a's trailing

        // About the gone law,
        // on two lines.
        /// Its doc.
        law gone {
          for b: Ball
          // inside it
          then b.vx := 2
        }  // gone's trailing

        // Kept: loose, with a blank line below.

        law c { for b: Ball then b.vy := 0 }
        """;
    String out = Formatter.format(FormatterTest.parse(text), Map.of("c", 0.5), Set.of("gone"));
    assertEquals("""
        use "world.law"

        // Kept: about a.
        law a {
          for b: Ball
          then b.vx := 1
        }  // a's trailing

        // Kept: loose, with a blank line below.
        law c weight 0.5 {
          for b: Ball
          then b.vy := 0
        }
        """, out);
    assertEquals(out, Formatter.format(FormatterTest.parse(out)), "the output is canonical");
  }

  @Test
  void leavingOutTheFirstLawKeepsTheBlankLineAfterUses() {
    String out = Formatter.format(FormatterTest.parse("use \"w.law\"\nlaw x { for b: B then b.vx := 1 }\n"
        + "law y { for b: B then b.vx := 2 }\n"), Map.of(), Set.of("x"));
    assertEquals("use \"w.law\"\n\nlaw y {\n  for b: B\n  then b.vx := 2\n}\n", out);
  }
}
