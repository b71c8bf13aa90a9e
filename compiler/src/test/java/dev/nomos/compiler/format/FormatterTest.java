package dev.nomos.compiler.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nomos.compiler.ParseResult;
import dev.nomos.compiler.Parser;
import dev.nomos.compiler.ast.SourceUnit;
import dev.nomos.compiler.source.SourceFile;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FormatterTest {

  static SourceUnit parse(String text) {
    ParseResult r = Parser.parse(new SourceFile("test.law", text));
    assertFalse(r.hasErrors(), () -> "syntax errors in\n" + text + "\n" + r.diagnostics());
    return r.unit();
  }

  /** Formats, and checks the two laws of the formatter: same AST back, and a fixed point. */
  static String fmt(String text) {
    SourceUnit unit = parse(text);
    String once = Formatter.format(unit);
    SourceUnit again = parse(once);
    assertEquals(AstShape.of(unit), AstShape.of(again), () -> "AST changed by formatting:\n" + once);
    assertEquals(once, Formatter.format(again), "formatting is not idempotent");
    return once;
  }

  static String expr(String guard) {
    String out = fmt("law t { for b: Ball when " + guard + " then destroy b }");
    String line = out.lines().filter(l -> l.startsWith("  when ")).findFirst().orElseThrow();
    return line.substring("  when ".length());
  }

  @Test
  void canonicalLayoutOfTheLanguageTour() {
    String messy = """
        use "world.law";
        /// Pong as OCAtari sees it.
        world Pong { screen 160 x 210 velocity -30..30
          contact_gap 1 actions NOOP, FIRE, UP, DOWN, UPFIRE, DOWNFIRE,
          entity Player entity Ball {}
          /// A breakable block.
          entity Block { points: int 0..100, broken: bool, state: {open, closed, locked}, }
        }
        /// The ball keeps its velocity.
        law ball_inertia weight 2.5 { for b: Ball then b.vx := b.vx; b.vy := b.vy }
        law bounce {
          on contact(b: Ball, w: Wall, side: TOP, cover: 0.5)
          when (b.vy < 0) and not exists o: Object where touching(b, o) and o != w
          then b.vy := -b.vy
        }
        law paddle { for p: Player when action in {UP, UPFIRE} and all k in 1..5: p.vy@-k == 0
          then p.vy ~ one_of(-6, -5) }
        law w { for p: Player, q: Player then p.vy ~ weighted(-6: 0.3, -5: 0.7) p.vx ~ range(-2, 2) }
        law s { for p: Player when action@-2 == FIRE then spawn Bullet at (p.x, p.y - 4) }
        law h { on contact(b: Ball, w: Wall, side: ?) then b.vy := ? }
        """;
    String expected = """
        use "world.law"

        /// Pong as OCAtari sees it.
        world Pong {
          screen 160 x 210
          velocity -30..30
          contact_gap 1
          actions NOOP, FIRE, UP, DOWN, UPFIRE, DOWNFIRE
          entity Player
          entity Ball
          /// A breakable block.
          entity Block { points: int 0..100, broken: bool, state: {open, closed, locked} }
        }

        /// The ball keeps its velocity.
        law ball_inertia weight 2.5 {
          for b: Ball
          then b.vx := b.vx
               b.vy := b.vy
        }

        law bounce {
          on contact(b: Ball, w: Wall, side: TOP, cover: 0.5)
          when b.vy < 0 and not exists o: Object where touching(b, o) and o != w
          then b.vy := -b.vy
        }

        law paddle {
          for p: Player
          when action in {UP, UPFIRE} and all k in 1..5: p.vy@-k == 0
          then p.vy ~ one_of(-6, -5)
        }

        law w {
          for p: Player, q: Player
          then p.vy ~ weighted(-6: 0.3, -5: 0.7)
               p.vx ~ range(-2, 2)
        }

        law s {
          for p: Player
          when action@-2 == FIRE
          then spawn Bullet at (p.x, p.y - 4)
        }

        law h {
          on contact(b: Ball, w: Wall, side: ?)
          then b.vy := ?
        }
        """;
    assertEquals(expected, fmt(messy));
  }

  @Test
  void jointChoicesStayOnOneLineWhenTheyFitAndAlignTheirBarsOtherwise() {
    String messy = """
        law short { for m: Monster then choose{stay|m.vx:=1 ,m.vy:=0|m.vx := -1} }
        law long { for m: Monster when step % 4 == 0 then choose { stay weight 0.8 | m.vx := if exists w: Wall where w.x == m.x + 1 then 0 else 1 weight 0.05
        | m.vy := 1 weight 0.05 } m.alive := true }
        """;
    String expected = """
        law short {
          for m: Monster
          then choose { stay | m.vx := 1, m.vy := 0 | m.vx := -1 }
        }

        law long {
          for m: Monster
          when step % 4 == 0
          then choose { stay weight 0.8
                      | m.vx := if exists w: Wall where w.x == m.x + 1 then 0 else 1 weight 0.05
                      | m.vy := 1 weight 0.05 }
               m.alive := true
        }
        """;
    assertEquals(expected, fmt(messy));
    assertEquals(expected, fmt(expected));
  }

  @Test
  void theWorldsTargetsAreWrittenBareInEveryEffectForm() {
    String messy = "law scores { on contact(b: Ball, z: Zone) then reward:=if z.cx<b.cx then 1 else -1 ;end:=true\n"
        + "reward ~ one_of(1,2)  reward~weighted(1:0.5, 2: 2) reward ~ range( 0, 3 ) reward := seq(1, 0) after action==UP }";
    assertEquals("""
        law scores {
          on contact(b: Ball, z: Zone)
          then reward := if z.cx < b.cx then 1 else -1
               end := true
               reward ~ one_of(1, 2)
               reward ~ weighted(1: 0.5, 2: 2)
               reward ~ range(0, 3)
               reward := seq(1, 0) after action == UP
        }
        """, fmt(messy));
  }

  @Test
  void minimalParentheses() {
    Map<String, String> cases = new java.util.LinkedHashMap<>();
    cases.put("(a.x + b.x) * 2 > 3", "(a.x + b.x) * 2 > 3");
    cases.put("a.x - (b.x - 1) == 0", "a.x - (b.x - 1) == 0");
    cases.put("(a.x - b.x) - 1 == 0", "a.x - b.x - 1 == 0");
    cases.put("a.x / (2 * b.x) == (a.x / 2) * b.x", "a.x / (2 * b.x) == a.x / 2 * b.x");
    cases.put("((a.x)) == -(-(b.x))", "a.x == -(-b.x)");
    cases.put("a.x - -5 == - 5", "a.x - -5 == -5");
    cases.put("-(a.x + 1) < 0", "-(a.x + 1) < 0");
    cases.put("not (a.x == 1) or (b and c)", "not a.x == 1 or b and c");
    cases.put("not (p or q)", "not (p or q)");
    cases.put("(not p) == q", "(not p) == q");
    cases.put("(p or q) and r", "(p or q) and r");
    cases.put("p or (q and r)", "p or q and r");
    cases.put("(p == q) == r", "p == q == r");
    cases.put("p == (q == r)", "p == (q == r)");
    cases.put("(a.x in {1, 2}) == true", "a.x in {1, 2} == true");
    cases.put("(a.x + 1) in 0..(b.x + 2)", "a.x + 1 in 0..b.x + 2");
    cases.put("a.x not in (0 - 1)..(if p then 1 else 2)", "a.x not in 0 - 1..(if p then 1 else 2)");
    cases.put("(if p then 1 else 2) + 1 == 3", "(if p then 1 else 2) + 1 == 3");
    cases.put("if p then 1 else (if q then 2 else 3) == 3", "if p then 1 else (if q then 2 else 3) == 3");
    cases.put("if p then 1 else (if q then 2 else 3 == 3)", "if p then 1 else if q then 2 else 3 == 3");
    cases.put("(exists o: Ball where o.x > 1) and p", "(exists o: Ball where o.x > 1) and p");
    cases.put("p and (exists o: Ball where o.x > 1)", "p and exists o: Ball where o.x > 1");
    cases.put("exists o: Ball and p", "exists o: Ball and p");
    cases.put("(count o: Ball where o.x > 1) > count(Wall)", "(count o: Ball where o.x > 1) > count(Wall)");
    cases.put("(any k in 1..3: b.vy@-k < 0) or (all k in 1..3: b.x@-(k + 1) == 0)",
        "(any k in 1..3: b.vy@-k < 0) or all k in 1..3: b.x@-(k + 1) == 0");
    cases.put("abs((b.x - 1)) > max(1, (2))", "abs(b.x - 1) > max(1, 2)");
    cases.put("side(b, w) == TOP and b.vy@-(2) == action@-(1)", "side(b, w) == TOP and b.vy@-2 == action@-1");
    cases.put("not ((exists o: Object where touching(b, o)))@-1", "not (exists o: Object where touching(b, o))@-1");
    cases.put("(count o: Ball where o.x > 1)@-(k) + count(Wall)@-2 > (count(Wall))@-3",
        "(count o: Ball where o.x > 1)@-k + count(Wall)@-2 > count(Wall)@-3");
    for (var e : cases.entrySet()) {
      assertEquals(e.getValue(), expr(e.getKey()), e.getKey());
    }
  }

  @Test
  void commentsAreKeptNextToTheirCode() {
    String text = """
        // Models for Pong.
        use "w.law" // the world

        // Laws about the ball.
        /// Inertia.
        law inertia { // header
          // binders
          for b: Ball
          // guard
          when b.vy != 0 // moving
          // effects
          then b.vx := b.vx // first
               // second effect
               b.vy := b.vy
          // before the brace
        } // after the brace
        /// documents nothing
        // the end
        """;
    String out = fmt(text);
    assertEquals("""
        // Models for Pong.
        use "w.law"  // the world

        // Laws about the ball.
        /// Inertia.
        law inertia {  // header
          // binders
          for b: Ball
          // guard
          when b.vy != 0  // moving
          // effects
          then b.vx := b.vx  // first
               // second effect
               b.vy := b.vy
          // before the brace
        }  // after the brace
        // documents nothing
        // the end
        """, out);
  }

  @Test
  void everyCommentSurvivesAwkwardPlaces() {
    String text = """
        world W { // w
          screen 10 // a
            x 10
          entity E { a: int, // b
            c: bool }
          /// stray doc before actions
          actions A, // c
            B
        }
        law l {
          for b: // d
            E
          when b.a > // e
            1 and
            // f
            b.c
          then destroy b
        }
        """;
    String out = fmt(text);
    for (String c : List.of("// w", "// a", "// b", "// c", "// d", "// e", "// f", "// stray doc before actions")) {
      assertTrue(out.contains(c), () -> c + " lost in\n" + out);
    }
  }

  @Test
  void newWeightsAreWrittenAndRemoved() {
    String text = """
        law a weight 1.5 { for b: Ball then destroy b }
        law b { for b: Ball then destroy b }
        law c weight 3 { for b: Ball then destroy b }
        """;
    Map<String, Double> weights = new HashMap<>();
    weights.put("a", null);
    weights.put("b", 0.1234567891);
    String out = Formatter.format(parse(text), weights);
    assertTrue(out.contains("law a {"), out);
    assertTrue(out.contains("law b weight 0.123457 {"), out);
    assertTrue(out.contains("law c weight 3 {"), out);
    assertEquals(0.123457, parse(out).laws().get(1).weight());
  }

  @Test
  void weightTextIsFixedPrecisionAndRoundTrips() {
    assertEquals("2.0", Formatter.weightText(2));
    assertEquals("0.0", Formatter.weightText(0));
    assertEquals("10.0", Formatter.weightText(10));
    assertEquals("0.333333", Formatter.weightText(1.0 / 3));
    assertEquals("1.25", Formatter.weightText(1.25));
    assertEquals("0.000001", Formatter.weightText(0.000001));
    assertEquals("1234567.5", Formatter.weightText(1234567.5));
    for (double w : new double[] {0.5, 1.0 / 7, 9.999999, 3.14159265}) {
      String t = Formatter.weightText(w);
      assertTrue(Math.abs(Double.parseDouble(t) - w) <= 5e-7, t);
      assertEquals(t, Formatter.weightText(Double.parseDouble(t)));
    }
    assertEquals("-0.09", Formatter.weightText(-0.09)); // a negative weight is written by hand, kept as written
    assertThrows(IllegalArgumentException.class, () -> Formatter.weightText(Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> Formatter.weightText(Double.POSITIVE_INFINITY));
  }

  @Test
  void singleLawAndExpressionHelpers() {
    SourceUnit unit = parse("/// Doc.\nlaw x weight 2.50 { for b: Ball when b.x>1 then b.vx:=-b.vx destroy b }");
    assertEquals("""
        /// Doc.
        law x weight 2.50 {
          for b: Ball
          when b.x > 1
          then b.vx := -b.vx
               destroy b
        }
        """, Formatter.formatLaw(unit.laws().get(0)));
    assertEquals("b.x > 1", Formatter.formatExpr(unit.laws().get(0).guard()));
    assertEquals("destroy b", Formatter.formatEffect(unit.laws().get(0).effects().get(1)));
  }

  @Test
  void longLinesBreakAtAndOrElseAndArguments() {
    String text = "law long { for player_paddle: Player when player_paddle.vy@-1 == 0 and player_paddle.vy@-2 == 0 "
        + "and (player_paddle.y > 100 or player_paddle.y < 20) and action in {UP, DOWN} "
        + "then player_paddle.vy := clamp(if action in {UP, UPFIRE} then max(player_paddle.vy - 2, -8) "
        + "else if action in {DOWN, DOWNFIRE} then min(player_paddle.vy + 2, 8) else player_paddle.vy - 1, "
        + "34 - player_paddle.y, 178 - player_paddle.y) }";
    assertEquals("""
        law long {
          for player_paddle: Player
          when player_paddle.vy@-1 == 0
               and player_paddle.vy@-2 == 0
               and (player_paddle.y > 100 or player_paddle.y < 20)
               and action in {UP, DOWN}
          then player_paddle.vy := clamp(if action in {UP, UPFIRE} then max(player_paddle.vy - 2, -8)
                                         else if action in {DOWN, DOWNFIRE}
                                                then min(player_paddle.vy + 2, 8)
                                         else player_paddle.vy - 1,
                                         34 - player_paddle.y,
                                         178 - player_paddle.y)
        }
        """, fmt(text));
    String longCondition = "law c { for b: Ball then b.vy := if exists w: Wall where touching(b, w) and "
        + "(w.y < b.y and b.vy < 0 or w.y > b.y and b.vy > 0 or w.x > b.x + 100) then -b.vy else b.vy }";
    String out = fmt(longCondition);
    assertEquals("""
        law c {
          for b: Ball
          then b.vy := if exists w: Wall where touching(b, w)
                                               and (w.y < b.y and b.vy < 0
                                                    or w.y > b.y and b.vy > 0
                                                    or w.x > b.x + 100)
                         then -b.vy
                       else b.vy
        }
        """, out);
    assertTrue(out.lines().allMatch(l -> l.length() <= Formatter.WIDTH), out);
  }

  @Test
  void synthesisedLawsJoinAParsedFileWithoutLosingItsComments() {
    SourceUnit parsed = parse("// models\nlaw a { for b: Ball then destroy b } // first\n// end\n");
    SourceUnit other = parse("law b weight 0.5 { for w: Wall then w.vx := 0 }");
    java.util.List<dev.nomos.compiler.ast.TopDecl> decls = new java.util.ArrayList<>(parsed.decls());
    decls.add(RandomProgramsSpans.strip(other.laws().get(0)));
    SourceUnit merged = new SourceUnit(parsed.source(), parsed.uses(), decls, parsed.span());
    String out = Formatter.format(merged);
    assertEquals("""
        // models
        law a {
          for b: Ball
          then destroy b
        }  // first

        law b weight 0.5 {
          for w: Wall
          then w.vx := 0
        }
        // end
        """, out);
  }

  @Test
  void emptyAndCommentOnlyFiles() {
    assertEquals("", fmt(""));
    assertEquals("// nothing yet\n", fmt("   // nothing yet   \n\n"));
    assertEquals("world W {\n}\n", fmt("world W {}"));
  }

  @Test
  void commentsStayPutAfterCharactersBeyondTheBasicPlane() {
    // Spans count UTF-16 units; a comment's offset must too, or each emoji before it shifts it.
    String text = """
        // """ + "\uD83C\uDFAE".repeat(40) + """

        law a { // \uD83C\uDFAE
          for b: Ball
          // guard
          when b.vy != 0 // moving
          then b.vy := b.vy // kept
        }
        """;
    assertEquals("""
        // """ + "\uD83C\uDFAE".repeat(40) + """

        law a {  // \uD83C\uDFAE
          for b: Ball
          // guard
          when b.vy != 0  // moving
          then b.vy := b.vy  // kept
        }
        """, fmt(text));
  }
}
