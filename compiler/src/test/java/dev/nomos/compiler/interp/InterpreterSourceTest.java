package dev.nomos.compiler.interp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.nomos.compiler.Compilation;
import dev.nomos.compiler.NomosCompiler;
import dev.nomos.compiler.SourceResolver;
import dev.nomos.compiler.diag.DiagnosticRenderer;
import dev.nomos.compiler.source.SourceFile;
import dev.nomos.runtime.BindingBudgetExceededException;
import dev.nomos.runtime.Frame;
import dev.nomos.runtime.Law;
import dev.nomos.runtime.WorldSchema;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The interpreter on laws written as source text, checked and lowered by the compiler. */
class InterpreterSourceTest {
  static final String WORLD = """
      world Box {
        screen 100 x 100
        velocity -10..10
        actions NOOP, UP, DOWN
        entity Ball
        entity Wall
        entity Block { points: int 0..100, state: {open, closed} }
      }
      """;

  static Compilation compile(String laws) {
    Compilation c = NomosCompiler.compile(List.of(new SourceFile("laws.law", WORLD + laws)),
        SourceResolver.inMemory(Map.of()));
    assertFalse(c.hasErrors(), () -> DiagnosticRenderer.render(c.diagnostics()));
    return c;
  }

  /** Runs the one law of {@code source} on {@code frame}. */
  static List<String> run(String source, Frame frame) {
    Compilation c = compile(source);
    Law law = Interpreter.interpret(c.plans().get(0));
    OpinionRecorder out = new OpinionRecorder();
    law.apply(frame, out);
    return out.lines();
  }

  static WorldSchema schema() {
    return compile("").schema();
  }

  static int type(String name) {
    return schema().type(name).index();
  }

  /**
   * Two frames: ball 1 moving by (+2, -3) to (20, 11), just below wall 5 (y 0..10); block 9 (points
   * 30, closed) next to the ball's right side; ball 2 far away and still.
   */
  static Frame frame(int action) {
    WorldSchema s = schema();
    int ball = type("Ball"), wall = type("Wall"), block = type("Block");
    Frame before = Frame.builder(s).add(1, ball, 18, 14, 4, 4).add(2, ball, 80, 80, 4, 4)
        .add(5, wall, 0, 0, 100, 10).add(9, block, 24, 11, 6, 2, 30, 1).action(1).build();
    return Frame.builder(s).add(9, block, 24, 11, 6, 2, 30, 1).add(5, wall, 0, 0, 100, 10)
        .add(2, ball, 80, 80, 4, 4).add(1, ball, 20, 11, 4, 4).action(action).previous(before).build();
  }

  @Test
  void velocityWritesPredictNextPositions() {
    Frame f = frame(0);
    int b1 = f.indexOfId(1), b2 = f.indexOfId(2);
    assertEquals(List.of("exact " + b1 + " X 22", "exact " + b1 + " Y 8", "exact " + b2 + " X 80", "exact " + b2 + " Y 80"),
        run("law inertia { for b: Ball then b.vx := b.vx b.vy := b.vy }", f));
  }

  @Test
  void contactWithSideAndGuard() {
    Frame f = frame(0);
    int b1 = f.indexOfId(1);
    assertEquals(List.of("exact " + b1 + " Y 14"),
        run("law bounce { on contact(b: Ball, w: Wall, side: TOP) when b.vy < 0 then b.vy := -b.vy }", f));
    assertEquals(List.of(),
        run("law bounce { on contact(b: Ball, w: Wall, side: BOTTOM) then b.vy := -b.vy }", f));
    assertEquals(List.of("exact " + f.indexOfId(9) + " ALIVE 0"),
        run("law breaks { on contact(b: Ball, k: Block, side: RIGHT, cover: 0.5) then destroy k }", f));
    assertEquals(List.of(),
        run("law breaks { on contact(b: Ball, k: Block, side: RIGHT, cover: 0.6) then destroy k }", f));
  }

  @Test
  void quantifiersAndDerivedAttributes() {
    Frame f = frame(0);
    int b1 = f.indexOfId(1), b2 = f.indexOfId(2);
    assertEquals(List.of("exact " + b2 + " X 83"),
        run("law free { for b: Ball when not exists o: Object where touching(b, o) then b.vx := 3 }", f));
    // The where clause runs to the end: o.y < b.y + count(Wall); b and k are never o.
    int k = f.indexOfId(9);
    assertEquals(List.of("exact " + k + " extra0 1", "exact " + k + " extra0 2"),
        run("law c { for b: Ball, k: Block then k.points := count o: Object where o.y < b.y + count(Wall) }", f));
    // bottom + cy - top - y / 2 + right - left = 15 + 13 - 11 - 5 + 4 for ball 1, 84 + 82 - 80 - 40 + 4 for ball 2
    assertEquals(List.of("exact " + b1 + " Y 16", "exact " + b2 + " Y 50"),
        run("law d { for b: Ball then b.y := b.bottom + b.cy - b.top - b.y / 2 + b.right - b.left }", f));
  }

  @Test
  void historyActionsAndAggregates() {
    Frame up = frame(1);
    int b1 = up.indexOfId(1);
    String law = "law h { for b: Ball when action in {UP, DOWN} and action@-1 == UP and b.x@-1 == 18 "
        + "and all k in 1..16: b.y@-k >= 14 then b.vy ~ one_of(-6, -5) }";
    assertEquals(List.of("begin " + b1 + " Y", "choice 5 1.0", "choice 6 1.0", "end"), run(law, up));
    assertEquals(List.of(), run(law, frame(0)));
    // Ball 1 moved only in the last step; further back its velocity is 0 (clamped at its first frame).
    assertEquals(List.of("exact " + b1 + " X 1", "exact " + up.indexOfId(2) + " X 0"),
        run("law n { for b: Ball then b.x := count k in 0..3: b.vx@-k != 0 }", up));
  }

  @Test
  void choicesRangesSpawnsAndSymbols() {
    Frame f = frame(0);
    int k = f.indexOfId(9);
    assertEquals(List.of("exact " + k + " extra1 0", "range " + k + " extra0 29 30",
            "begin " + k + " Y", "choice 10 0.25", "choice 12 0.75", "end", "spawn " + type("Ball") + " 24 12"),
        run("""
            law open {
              for k: Block
              when k.state == closed and k.points > 10
              then k.state := open
                   k.points ~ range(k.points - 1, k.points)
                   k.vy ~ weighted(-1: 0.25, 1: 0.75)
                   spawn Ball at (k.x, k.y + 1)
            }
            """, f));
  }

  @Test
  void divisionByZeroIsTotal() {
    Frame f = frame(0);
    assertEquals(List.of("exact " + f.indexOfId(1) + " X 0", "exact " + f.indexOfId(2) + " X 0"),
        run("law z { for b: Ball then b.x := b.x / (b.y - b.y) + b.x % 0 }", f));
  }

  @Test
  void bindingBudgetAppliesToCompiledSource() {
    Compilation c = compile("law t { for a: Ball, b: Ball, w: Wall then destroy a }");
    Law law = Interpreter.interpret(c.plans().get(0), 5);
    assertThrows(BindingBudgetExceededException.class, () -> law.apply(frame(0), new OpinionRecorder()));
  }
}
