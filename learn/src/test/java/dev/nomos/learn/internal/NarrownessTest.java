package dev.nomos.learn.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NarrownessTest {
  private static final String AHEAD = "(action == LEFT and side(o, u) == LEFT or action == RIGHT and side(o, u) == RIGHT)";

  @Test
  void countsTheContactAndEachAndedTerm() {
    assertEquals(0, Narrowness.conditions("law a {\n  for o: Wall\n  then o.vx := 0\n}"));
    assertEquals(1, Narrowness.conditions("law a {\n  for o: Wall\n  when o.vx == 0\n  then o.vx := 0\n}"));
    assertEquals(1, Narrowness.conditions("law a { on contact(o: Box, u: Wall, side: LEFT) then o.vx := 0 }"));
    assertEquals(3, Narrowness.conditions("""
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
    assertEquals(1, Narrowness.conditions(general));
    String bySide = "law b {\n  on contact(o: Box, u: Avatar, side: LEFT)\n  when action == RIGHT\n  then o.vx := 1\n}";
    assertTrue(Narrowness.conditions(general) < Narrowness.conditions(bySide));
    // A free space ahead in every direction: one condition, whatever the quantifier's own terms.
    assertEquals(1, Narrowness.conditions("law c {\n  for o: Avatar\n  when not exists f: Object where "
        + "action == LEFT and side(o, f) == LEFT\n or action == RIGHT and side(o, f) == RIGHT\n  then o.vx := 1\n}"));
    assertEquals(2, Narrowness.conditions("law d {\n  for o: Avatar\n  when (o.x > 1 or o.y > 1) and action == UP\n"
        + "  then o.vy := -1\n}"));
  }
}
