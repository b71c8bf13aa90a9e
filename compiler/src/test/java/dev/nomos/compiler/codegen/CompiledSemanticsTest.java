package dev.nomos.compiler.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nomos.compiler.plan.LawPlan;
import dev.nomos.compiler.plan.Loop;
import dev.nomos.compiler.plan.PEffect;
import dev.nomos.compiler.plan.PExpr;
import dev.nomos.compiler.plan.PExpr.BinaryOp;
import dev.nomos.compiler.plan.PType;
import dev.nomos.runtime.BindingBudgetExceededException;
import dev.nomos.runtime.EntityType;
import dev.nomos.runtime.Frame;
import dev.nomos.runtime.Law;
import dev.nomos.runtime.Slots;
import dev.nomos.runtime.WorldSchema;
import dev.nomos.stdlib.Side;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hand-checked behaviour of compiled laws on small frames (the differential tests cover the rest). */
class CompiledSemanticsTest {
  static final int BALL = 0;
  static final int WALL = 1;
  static final WorldSchema PONG = new WorldSchema("Pong", 160, 210, -30, 30, List.of("NOOP", "UP"),
      List.of(new EntityType("Ball", BALL, List.of()), new EntityType("Wall", WALL, List.of())));

  static PExpr c(int v) { return new PExpr.Const(v, PType.INT); }
  static PExpr yes() { return new PExpr.Const(1, PType.BOOL); }
  static PExpr vy(int var) { return new PExpr.Velocity(var, Slots.Y, null); }
  static PExpr y(int var) { return new PExpr.Attr(var, Slots.Y, null, PType.INT); }
  static PExpr bin(BinaryOp op, PExpr a, PExpr b, PType t) { return new PExpr.Binary(op, a, b, t); }

  static List<String> run(LawPlan plan, Frame frame) {
    Law law = CompiledLaws.compile(plan);
    RecordingSink sink = new RecordingSink();
    law.apply(frame, sink);
    return sink.calls;
  }

  /** Ball 7 at (10, 20) moving up by 3, touching the wall 9 above it; ball 8 far away. */
  static Frame bounceFrame() {
    Frame before = Frame.builder(PONG)
        .add(7, BALL, 10, 23, 2, 4).add(8, BALL, 100, 100, 2, 4).add(9, WALL, 0, 0, 160, 19).build();
    return Frame.builder(PONG).add(9, WALL, 0, 0, 160, 19).add(8, BALL, 100, 100, 2, 4)
        .add(7, BALL, 10, 20, 2, 4).action(1).previous(before).build();
  }

  @Test
  void contactWithSideAndVelocityGuardEmitsReflectedNextPosition() {
    // on contact(b: Ball, w: Wall, side: TOP) when b.vy < 0 then b.vy := -b.vy   (y' = y + -vy)
    LawPlan plan = new LawPlan("bounce", List.of(new Loop.Contact(0, BALL, 1, WALL, Side.TOP.ordinal(), 0)),
        bin(BinaryOp.LT, vy(0), c(0), PType.BOOL),
        List.of(new PEffect.Exact(0, Slots.Y, bin(BinaryOp.ADD, y(0), new PExpr.Unary(PExpr.UnaryOp.NEG, vy(0),
            PType.INT), PType.INT))), 2, 0);
    Frame f = bounceFrame();
    assertEquals(List.of("exact(" + f.indexOfId(7) + ",1,23)"), run(plan, f));
  }

  @Test
  void loopsVisitObjectsInIdOrderAndSkipRepeatedObjects() {
    // for a: Ball for b: Ball then spawn Wall at (a.y, b.y)
    LawPlan plan = new LawPlan("pairs", List.of(new Loop.Each(0, BALL), new Loop.Each(1, BALL)), yes(),
        List.of(new PEffect.Spawn(WALL, y(0), y(1))), 2, 0);
    assertEquals(List.of("spawn(1,20,100)", "spawn(1,100,20)"), run(plan, bounceFrame()));
  }

  @Test
  void existsExcludesBoundObjectsAndCountsTheRest() {
    // for b: Ball when not exists o: Object where touching(b, o) ... with count of other balls
    PExpr others = new PExpr.CountWhere(1, BALL, new int[] {0}, null);
    PExpr touchingSomething = new PExpr.Exists(2, Loop.ANY_TYPE, new int[] {0},
        new PExpr.Call(dev.nomos.stdlib.Stdlib.lookup("touching").orElseThrow(),
            List.of(new PExpr.ObjectVar(0), new PExpr.ObjectVar(2)), PType.BOOL));
    LawPlan plan = new LawPlan("lonely", List.of(new Loop.Each(0, BALL)),
        new PExpr.Unary(PExpr.UnaryOp.NOT, touchingSomething, PType.BOOL),
        List.of(new PEffect.Exact(0, Slots.ALIVE, others)), 3, 0);
    Frame f = bounceFrame();
    assertEquals(List.of("exact(" + f.indexOfId(8) + ",-1,1)"), run(plan, f));
  }

  @Test
  void divisionByZeroIsZeroAndChoicesCarryTheirWeights() {
    PExpr div = bin(BinaryOp.DIV, c(7), c(0), PType.INT);
    PExpr mod = bin(BinaryOp.MOD, c(Integer.MIN_VALUE), c(-1), PType.INT);
    LawPlan plan = new LawPlan("choose", List.of(new Loop.Each(0, WALL)), yes(),
        List.of(new PEffect.Choice(0, Slots.X, List.of(div, mod, bin(BinaryOp.DIV, c(Integer.MIN_VALUE), c(-1),
            PType.INT)), new double[] {0.3, 0.7, 1.0})), 1, 0);
    assertEquals(List.of("beginChoice(0,0)", "choice(0," + Double.doubleToRawLongBits(0.3) + ")",
        "choice(0," + Double.doubleToRawLongBits(0.7) + ")",
        "choice(" + Integer.MIN_VALUE + "," + Double.doubleToRawLongBits(1.0) + ")", "endChoice()"),
        run(plan, bounceFrame()));
  }

  @Test
  void historyAggregatesReadEarlierFramesAndClampAtTheOldest() {
    // for b: Ball then b.x := count k in 0..3: b.y@-k == 20  (ball 7: y 20 now, 23 before; clamps at 23)
    PExpr body = bin(BinaryOp.EQ, new PExpr.Attr(0, Slots.Y, new PExpr.Local(0), PType.INT), c(20), PType.BOOL);
    PExpr allBefore = new PExpr.HistoryAggregate(PExpr.Quantifier.ALL, 1, 1, 3,
        bin(BinaryOp.EQ, new PExpr.Action(new PExpr.Local(1)), c(-1), PType.BOOL));
    LawPlan plan = new LawPlan("history", List.of(new Loop.Each(0, BALL)), allBefore,
        List.of(new PEffect.Range(0, Slots.X, new PExpr.HistoryAggregate(PExpr.Quantifier.COUNT, 0, 0, 3, body),
            new PExpr.Action(null))), 1, 2);
    Frame f = bounceFrame();
    // Action at t-1 was never set (-1) and beyond history is -1: the guard holds.
    // Ball 7 comes first (id order): y 20 now, 23 a step ago, 23 again beyond the history kept.
    assertEquals(List.of("range(" + f.indexOfId(7) + ",0,1,1)", "range(" + f.indexOfId(8) + ",0,0,1)"),
        run(plan, f));
  }

  @Test
  void lawsThatDifferOnlyInConstantsShareOneClassButKeepTheirOwnValues() {
    LawPlan up = new LawPlan("up", List.of(new Loop.Each(0, BALL)), yes(),
        List.of(new PEffect.Exact(0, Slots.Y, bin(BinaryOp.ADD, y(0), c(-4), PType.INT))), 1, 0);
    LawPlan down = new LawPlan("down", List.of(new Loop.Each(0, WALL)), yes(),
        List.of(new PEffect.Exact(0, Slots.X, bin(BinaryOp.ADD, y(0), c(9), PType.INT))), 1, 0);
    LawPlan other = new LawPlan("other", List.of(new Loop.Each(0, BALL)), yes(),
        List.of(new PEffect.Exact(0, Slots.Y, bin(BinaryOp.SUB, y(0), c(4), PType.INT))), 1, 0);
    List<Law> laws = CompiledLaws.compile(List.of(up, down, other));
    assertEquals(laws.get(0).getClass(), laws.get(1).getClass());
    assertTrue(laws.get(0).getClass() != laws.get(2).getClass(), "SUB is another shape than ADD");
    Frame f = bounceFrame();
    RecordingSink sink = new RecordingSink();
    for (Law law : laws) {
      law.apply(f, sink);
    }
    assertEquals(List.of("exact(" + f.indexOfId(7) + ",1,16)", "exact(" + f.indexOfId(8) + ",1,96)",
        "exact(" + f.indexOfId(9) + ",0,9)", "exact(" + f.indexOfId(7) + ",1,16)", "exact(" + f.indexOfId(8) + ",1,96)"),
        sink.calls);
    assertEquals(List.of("up", "down", "other"), laws.stream().map(Law::name).toList());
  }

  @Test
  void lawsTooLargeForTheJvmRunInterpretedInProcessAndAreRefusedForJarsWithTheLawNamed() {
    List<PExpr> elements = new java.util.ArrayList<>();
    for (int i = 0; i < 30_000; i++) {
      elements.add(c(i));
    }
    LawPlan huge = new LawPlan("huge", List.of(new Loop.Each(0, BALL)), new PExpr.InSet(y(0), elements, false),
        List.of(new PEffect.Exact(0, Slots.X, c(1))), 1, 0);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> CompiledLaws.classFile(huge, "nomos/model/Law0"));
    assertTrue(e.getMessage().startsWith("law huge is too large") || e.getMessage().startsWith("law huge has too many"),
        e.getMessage());
    Law fallback = CompiledLaws.compile(huge);
    Frame f = Frame.builder(PONG).add(1, BALL, 3, 29_999, 1, 1).add(2, BALL, 4, 30_001, 1, 1).build();
    RecordingSink compiled = new RecordingSink();
    fallback.apply(f, compiled);
    RecordingSink interpreted = new RecordingSink();
    dev.nomos.compiler.interp.Interpreter.interpret(huge).apply(f, interpreted);
    assertEquals(List.of("exact(" + f.indexOfId(1) + ",0,1)"), compiled.calls);
    assertEquals(interpreted.calls, compiled.calls);
    assertEquals("huge", fallback.name());
  }

  @Test
  void pathologicalBindingsHitTheBudgetWithTheLawNamed() {
    Frame.Builder b = Frame.builder(PONG);
    for (int id = 0; id < 120; id++) {
      b.add(id, BALL, id, 0, 1, 1);
    }
    Frame big = b.build();
    // The guard never holds, so the test measures binding, not recording.
    LawPlan plan = new LawPlan("cubic", List.of(new Loop.Each(0, Loop.ANY_TYPE), new Loop.Each(1, Loop.ANY_TYPE),
        new Loop.Each(2, Loop.ANY_TYPE)), bin(BinaryOp.LT, y(0), c(0), PType.BOOL),
        List.of(new PEffect.Exact(0, Slots.X, c(1))), 3, 0);
    // 120 + 120*120 + 120*119*120 = 1,728,120 visits in all: over the default budget.
    Law law = CompiledLaws.compile(plan);
    BindingBudgetExceededException e = assertThrows(BindingBudgetExceededException.class,
        () -> law.apply(big, new RecordingSink()));
    assertEquals("cubic", e.lawName());
    assertEquals(BindingBudgetExceededException.DEFAULT_BUDGET + 1, e.count(), "throws at the first visit over");
    assertEquals(BindingBudgetExceededException.DEFAULT_BUDGET, e.budget());
    // Counting restarts with every call; a budget beyond int range counts in a long.
    Law roomy = CompiledLaws.compile(plan, 3_000_000_000L);
    roomy.apply(big, new RecordingSink());
    Law tight = CompiledLaws.compile(plan, 120 + 120 * 120);
    tight.apply(Frame.builder(PONG).add(1, BALL, 0, 0, 1, 1).build(), new RecordingSink());
    assertEquals(120 + 120 * 120 + 1, assertThrows(BindingBudgetExceededException.class,
        () -> tight.apply(big, new RecordingSink())).count());
  }
}
