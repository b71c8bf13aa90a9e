package dev.nomos.compiler.format;

import static dev.nomos.compiler.format.FormatterTest.fmt;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Constraints print in the canonical layout of laws, requirements as `==` and `in lo..hi`, and round-trip. */
class ConstraintFormatTest {

  @Test
  void constraintsTakeTheLayoutOfLaws() {
    String messy = """
        use "world.law"
        /// A player on a rope hangs at the rope's centre.
        constraint on_rope {  on contact(p: Player, r: Rope, side: TOP, cover: 0.3)   // the rope above
         when (p.vy >= 0) then p.cx==r.cx ; p.y in r.top..(r.bottom - 1)
           p.vx == 0 }
        law falls { for p: Player then p.vy := 2 }
        constraint grounded{for p: Player, f: Floor when touching(p, f) then p.bottom == f.top}
        """;
    String expected = """
        use "world.law"

        /// A player on a rope hangs at the rope's centre.
        constraint on_rope {
          on contact(p: Player, r: Rope, side: TOP, cover: 0.3)  // the rope above
          when p.vy >= 0
          then p.cx == r.cx
               p.y in r.top..r.bottom - 1
               p.vx == 0
        }

        law falls {
          for p: Player
          then p.vy := 2
        }

        constraint grounded {
          for p: Player, f: Floor
          when touching(p, f)
          then p.bottom == f.top
        }
        """;
    assertEquals(expected, fmt(messy));
  }

  @Test
  void guardsOnTheNextFrameAndNegativeWeightsRoundTrip() {
    String messy = """
        constraint grabs{for p: P, r: R when p.vy>=0 and next( (side(p,r)==TOP) and cover(p, r)>=30) then p.cx==r.cx}
        law shy weight -0.09 { for p: P then p.vx := 1 }
        """;
    String expected = """
        constraint grabs {
          for p: P, r: R
          when p.vy >= 0 and next(side(p, r) == TOP and cover(p, r) >= 30)
          then p.cx == r.cx
        }

        law shy weight -0.09 {
          for p: P
          then p.vx := 1
        }
        """;
    assertEquals(expected, fmt(messy));
    assertEquals(expected, fmt(expected));
  }

  @Test
  void boundsThatWouldNotParseBackKeepTheirParentheses() {
    String out = fmt("constraint c { for p: P then p.y in (if p.x > 3 then 1 else 2)..(p.x == 3) }");
    assertEquals("""
        constraint c {
          for p: P
          then p.y in (if p.x > 3 then 1 else 2)..(p.x == 3)
        }
        """, out);
  }
}
