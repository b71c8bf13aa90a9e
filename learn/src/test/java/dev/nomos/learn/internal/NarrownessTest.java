package dev.nomos.learn.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nomos.compiler.ParseResult;
import dev.nomos.compiler.Parser;
import dev.nomos.compiler.source.SourceFile;
import org.junit.jupiter.api.Test;

class NarrownessTest {
  /** The conditions of the one law {@code source} declares, read off its syntax tree. */
  private static int conditions(String source) {
    ParseResult parsed = Parser.parse(new SourceFile("law.law", source));
    assertTrue(parsed.diagnostics().isEmpty(), parsed.diagnostics().toString());
    return Narrowness.conditions(parsed.unit().laws().get(0));
  }

  private static final String AHEAD = "(action == LEFT and side(o, u) == LEFT or action == RIGHT and side(o, u) == RIGHT)";

  @Test
  void countsTheContactAndEachAndedTerm() {
    assertEquals(0, conditions("law a {\n  for o: Wall\n  then o.vx := 0\n}"));
    assertEquals(1, conditions("law a {\n  for o: Wall\n  when o.vx == 0\n  then o.vx := 0\n}"));
    assertEquals(1, conditions("law a { on contact(o: Box, u: Wall, side: LEFT) then o.vx := 0 }"));
    assertEquals(3, conditions("""
        law a weight 0.5 {
          on contact(o: Box, u: Avatar, side: LEFT)
          when action == RIGHT
               and not exists v: Object where side(o, v) == RIGHT and v.x > 0
          then o.vx := 1
        }"""));
  }

  @Test
  void aDisjunctionIsOneConditionAndNamingAContactsSideIsPartOfTheContact() {
    String general = "law a {\n  on contact(o: Box, u: Avatar)\n  when " + AHEAD.replace("side(o, u) == LEFT", "side(o, u) == RIGHT")
        + "\n  then o.vx := if action == RIGHT then 1 else 0\n}";
    assertEquals(1, conditions(general));
    String bySide = "law b {\n  on contact(o: Box, u: Avatar, side: LEFT)\n  when action == RIGHT\n  then o.vx := 1\n}";
    assertTrue(conditions(general) < conditions(bySide));
    // A free space ahead in every direction: one condition, whatever the quantifier's own terms.
    assertEquals(1, conditions("law c {\n  for o: Avatar\n  when not exists f: Object where "
        + "action == LEFT and side(o, f) == LEFT\n or action == RIGHT and side(o, f) == RIGHT\n  then o.vx := 1\n}"));
    assertEquals(2, conditions("law d {\n  for o: Avatar\n  when (o.x > 1 or o.y > 1) and action == UP\n"
        + "  then o.vy := -1\n}"));
  }

  @Test
  void theSideIsNamedForFreeOnceAndByTheContactsOwnNames() {
    String twice = "law e {\n  on contact(b: Box, w: Avatar)\n  when " + AHEAD.replace("(o, u)", "(b, w)") + " and "
        + AHEAD.replace("(o, u)", "(b, w)").replace("LEFT", "TOP") + "\n  then b.vx := 1\n}";
    assertEquals(2, conditions(twice));
    String otherObjects = "law f {\n  on contact(b: Box, w: Avatar)\n  when " + AHEAD.replace("(o, u)", "(w, b)")
        + "\n  then b.vx := 1\n}";
    assertEquals(2, conditions(otherObjects));
  }
}
