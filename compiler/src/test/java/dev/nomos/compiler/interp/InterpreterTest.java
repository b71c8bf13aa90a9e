package dev.nomos.compiler.interp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nomos.compiler.plan.LawPlan;
import dev.nomos.compiler.plan.Loop;
import dev.nomos.compiler.plan.PEffect;
import dev.nomos.compiler.plan.PExpr;
import dev.nomos.compiler.plan.PExpr.BinaryOp;
import dev.nomos.compiler.plan.PType;
import dev.nomos.runtime.AttributeSpec;
import dev.nomos.runtime.BindingBudgetExceededException;
import dev.nomos.runtime.EntityType;
import dev.nomos.runtime.Frame;
import dev.nomos.runtime.Law;
import dev.nomos.runtime.Slots;
import dev.nomos.runtime.WorldSchema;
import dev.nomos.stdlib.ParamType;
import dev.nomos.stdlib.Side;
import dev.nomos.stdlib.Stdlib;
import dev.nomos.stdlib.StdlibFunction;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class InterpreterTest {
  static final int BALL = 0, WALL = 1, BLOCK = 2;
  static final int POINTS = Slots.FIRST_EXTRA, STATE = Slots.FIRST_EXTRA + 1;
  static final WorldSchema SCHEMA = new WorldSchema("Test", 100, 100, -10, 10, List.of("NOOP", "UP", "DOWN"),
      List.of(new EntityType("Ball", BALL, List.of()), new EntityType("Wall", WALL, List.of()),
          new EntityType("Block", BLOCK, List.of(AttributeSpec.ofInt("points", 0, 100),
              AttributeSpec.ofSymbols("state", List.of("open", "closed"))))));

  // ---- plan builders

  static PExpr c(int v) { return new PExpr.Const(v, PType.INT); }
  static PExpr bool(boolean v) { return new PExpr.Const(v ? 1 : 0, PType.BOOL); }
  static PExpr attr(int var, int slot) { return new PExpr.Attr(var, slot, null, PType.INT); }
  static PExpr bin(BinaryOp op, PExpr l, PExpr r) {
    PType t = switch (op) {
      case ADD, SUB, MUL, DIV, MOD -> PType.INT;
      default -> PType.BOOL;
    };
    return new PExpr.Binary(op, l, r, t);
  }
  static PExpr call(String name, PExpr... args) {
    var f = Stdlib.lookup(name).orElseThrow();
    PType t = switch (f.returns()) {
      case BOOL -> PType.BOOL;
      default -> PType.INT;
    };
    return new PExpr.Call(f, List.of(args), t);
  }
  static PExpr obj(int var) { return new PExpr.ObjectVar(var); }

  static LawPlan plan(List<Loop> loops, PExpr guard, List<PEffect> effects, int vars, int locals) {
    return new LawPlan("test_law", loops, guard, effects, vars, locals);
  }

  static List<String> run(LawPlan plan, Frame frame) {
    RecordingSink sink = new RecordingSink();
    Interpreter.interpret(plan).apply(frame, sink);
    return sink.calls;
  }

  /** Evaluates one expression under a single binding of var 0 to each Ball, emitted as an exact on x. */
  static List<String> evalOnBalls(PExpr e, Frame frame, int vars, int locals) {
    return run(plan(List.of(new Loop.Each(0, BALL)), bool(true), List.of(new PEffect.Exact(0, Slots.X, e)), vars,
        locals), frame);
  }

  static Frame.Builder builder() { return Frame.builder(SCHEMA); }

  // ---- loops

  @Test
  void eachVisitsObjectsInAscendingIdOrderAndEmitsByIndex() {
    Frame f = builder().add(7, BALL, 10, 20, 2, 2).add(3, BALL, 30, 40, 2, 2).add(5, WALL, 0, 0, 1, 100).build();
    List<String> calls = evalOnBalls(attr(0, Slots.Y), f, 1, 0);
    assertEquals(List.of("exact 1 0 40", "exact 0 0 20"), calls);
  }

  @Test
  void nestedLoopsSkipObjectsAlreadyBound() {
    Frame f = builder().add(1, BALL, 0, 0, 1, 1).add(2, BALL, 5, 0, 1, 1).add(3, BALL, 9, 0, 1, 1).build();
    LawPlan p = plan(List.of(new Loop.Each(0, BALL), new Loop.Each(1, BALL)), null,
        List.of(new PEffect.Exact(0, Slots.X, attr(1, Slots.X))), 2, 0);
    assertEquals(List.of("exact 0 0 5", "exact 0 0 9", "exact 1 0 0", "exact 1 0 9", "exact 2 0 0", "exact 2 0 5"),
        run(p, f));
  }

  @Test
  void anyTypeLoopRangesOverAllObjects() {
    Frame f = builder().add(4, WALL, 0, 0, 1, 1).add(2, BALL, 5, 0, 1, 1).build();
    LawPlan p = plan(List.of(new Loop.Each(0, Loop.ANY_TYPE)), bool(true),
        List.of(new PEffect.Exact(0, Slots.ALIVE, c(0))), 1, 0);
    assertEquals(List.of("exact 1 -1 0", "exact 0 -1 0"), run(p, f));
  }

  @Test
  void contactKeepsTouchingPairsWithSideAndCover() {
    // Ball 10x10 at (10,10). Wall A sits on top of it over the full width; wall B touches its left
    // over half of its height; wall C is far away.
    Frame f = builder()
        .add(1, BALL, 10, 10, 10, 10)
        .add(2, WALL, 10, 0, 10, 10)
        .add(3, WALL, 0, 15, 10, 5)
        .add(4, WALL, 60, 60, 5, 5)
        .build();
    PEffect mark = new PEffect.Exact(1, Slots.X, attr(1, Slots.X));
    int none = Side.NONE.ordinal();
    assertEquals(List.of("exact 1 0 10", "exact 2 0 0"),
        run(plan(List.of(new Loop.Contact(0, BALL, 1, WALL, none, 0)), null, List.of(mark), 2, 0), f));
    assertEquals(List.of("exact 1 0 10"),
        run(plan(List.of(new Loop.Contact(0, BALL, 1, WALL, Side.TOP.ordinal(), 0)), null, List.of(mark), 2, 0), f));
    assertEquals(List.of("exact 2 0 0"),
        run(plan(List.of(new Loop.Contact(0, BALL, 1, WALL, Side.LEFT.ordinal(), 50)), null, List.of(mark), 2, 0), f));
    assertEquals(List.of(),
        run(plan(List.of(new Loop.Contact(0, BALL, 1, WALL, Side.LEFT.ordinal(), 51)), null, List.of(mark), 2, 0), f));
    assertEquals(List.of("exact 1 0 10"),
        run(plan(List.of(new Loop.Contact(0, BALL, 1, WALL, none, 100)), null, List.of(mark), 2, 0), f));
  }

  @Test
  void contactAfterAnotherLoopSkipsItsObject() {
    Frame f = builder().add(1, BALL, 0, 0, 5, 5).add(2, BALL, 5, 0, 5, 5).add(3, BALL, 10, 0, 5, 5).build();
    // for a: Ball; on contact(b: Ball, c: Ball): no variable may repeat a.
    LawPlan p = plan(List.of(new Loop.Each(0, BALL), new Loop.Contact(1, BALL, 2, BALL, Side.NONE.ordinal(), 0)),
        null, List.of(new PEffect.Exact(0, Slots.X, bin(BinaryOp.ADD, bin(BinaryOp.MUL, attr(1, Slots.X), c(100)),
            attr(2, Slots.X)))), 3, 0);
    // a=1: pairs (2,3),(3,2) -> 510, 1005; a=2: none touch without 2; a=3: (1,2),(2,1) -> 5, 500
    assertEquals(List.of("exact 0 0 510", "exact 0 0 1005", "exact 2 0 5", "exact 2 0 500"), run(p, f));
  }

  // ---- guards and expressions

  @Test
  void guardFiltersBindingsAndEffectsRunInOrder() {
    Frame f = builder().add(1, BALL, 10, 0, 1, 1).add(2, BALL, 50, 0, 1, 1).build();
    LawPlan p = plan(List.of(new Loop.Each(0, BALL)), bin(BinaryOp.GT, attr(0, Slots.X), c(20)),
        List.of(new PEffect.Exact(0, Slots.X, c(1)), new PEffect.Exact(0, Slots.Y, c(2))), 1, 0);
    assertEquals(List.of("exact 1 0 1", "exact 1 1 2"), run(p, f));
  }

  @Test
  void arithmeticWrapsAndDivisionByZeroIsZero() {
    Frame f = builder().add(1, BALL, 7, 0, 1, 1).build();
    assertEquals(List.of("exact 0 0 0"), evalOnBalls(bin(BinaryOp.DIV, attr(0, Slots.X), c(0)), f, 1, 0));
    assertEquals(List.of("exact 0 0 0"), evalOnBalls(bin(BinaryOp.MOD, attr(0, Slots.X), c(0)), f, 1, 0));
    assertEquals(List.of("exact 0 0 -3"), evalOnBalls(bin(BinaryOp.DIV, c(-7), c(2)), f, 1, 0));
    assertEquals(List.of("exact 0 0 -1"), evalOnBalls(bin(BinaryOp.MOD, c(-7), c(2)), f, 1, 0));
    assertEquals(List.of("exact 0 0 " + Integer.MIN_VALUE),
        evalOnBalls(bin(BinaryOp.DIV, c(Integer.MIN_VALUE), c(-1)), f, 1, 0));
    assertEquals(List.of("exact 0 0 " + Integer.MIN_VALUE),
        evalOnBalls(bin(BinaryOp.ADD, c(Integer.MAX_VALUE), c(1)), f, 1, 0));
    assertEquals(List.of("exact 0 0 -21"), evalOnBalls(new PExpr.Unary(PExpr.UnaryOp.NEG,
        bin(BinaryOp.MUL, attr(0, Slots.X), bin(BinaryOp.SUB, c(5), c(2))), PType.INT), f, 1, 0));
  }

  @Test
  void comparisonsNotIfAndSets() {
    Frame f = builder().add(1, BALL, 7, 3, 1, 1).build();
    PExpr x = attr(0, Slots.X);
    for (var entry : List.of(
        List.of(bin(BinaryOp.EQ, x, c(7)), 1), List.of(bin(BinaryOp.NE, x, c(7)), 0),
        List.of(bin(BinaryOp.LT, x, c(7)), 0), List.of(bin(BinaryOp.LE, x, c(7)), 1),
        List.of(bin(BinaryOp.GT, x, c(6)), 1), List.of(bin(BinaryOp.GE, x, c(8)), 0),
        List.of(new PExpr.Unary(PExpr.UnaryOp.NOT, bin(BinaryOp.EQ, x, c(7)), PType.BOOL), 0),
        List.of(new PExpr.If(bin(BinaryOp.LT, x, c(0)), c(11), c(22), PType.INT), 22),
        List.of(new PExpr.InSet(x, List.of(c(1), c(7)), false), 1),
        List.of(new PExpr.InSet(x, List.of(c(1), c(7)), true), 0),
        List.of(new PExpr.InSet(x, List.of(c(1)), false), 0),
        List.of(new PExpr.InRange(x, c(3), c(7), false), 1),
        List.of(new PExpr.InRange(x, c(8), c(9), false), 0),
        List.of(new PExpr.InRange(x, c(8), c(9), true), 1),
        List.of(new PExpr.InRange(x, c(9), c(3), false), 0))) {
      PExpr e = (PExpr) entry.get(0);
      assertEquals(List.of("exact 0 0 " + entry.get(1)), evalOnBalls(e, f, 1, 0), e.toString());
    }
  }

  @Test
  void andOrShortCircuit() {
    // The right operand walks every object; with a budget of 2 it would throw for 3 balls.
    Frame f = builder().add(1, BALL, 0, 0, 1, 1).add(2, BALL, 50, 0, 1, 1).add(3, BALL, 80, 0, 1, 1).build();
    PExpr expensive = bin(BinaryOp.GT, new PExpr.CountWhere(1, BALL, new int[0], bool(true)), c(0));
    PExpr guard = bin(BinaryOp.OR, bool(true), expensive);
    LawPlan orPlan = plan(List.of(), bin(BinaryOp.AND, bool(false), expensive),
        List.of(new PEffect.Spawn(BALL, c(1), c(1))), 2, 0);
    RecordingSink sink = new RecordingSink();
    Interpreter.interpret(orPlan, 2).apply(f, sink);
    assertEquals(List.of(), sink.calls);
    LawPlan andPlan = plan(List.of(), guard, List.of(new PEffect.Spawn(BALL, c(1), c(2))), 2, 0);
    Interpreter.interpret(andPlan, 2).apply(f, sink);
    assertEquals(List.of("spawn 0 1 2"), sink.calls);
    LawPlan strict = plan(List.of(), bin(BinaryOp.AND, bool(true), expensive), List.of(), 2, 0);
    assertThrows(BindingBudgetExceededException.class, () -> Interpreter.interpret(strict, 2).apply(f, sink));
  }

  @Test
  void existsAndCountExcludeBoundObjects() {
    Frame f = builder().add(1, BALL, 0, 0, 5, 5).add(2, BALL, 5, 0, 5, 5).add(3, WALL, 30, 30, 5, 5).build();
    // exists o: Object where touching(b, o), with b excluded
    PExpr touchingSomething = new PExpr.Exists(1, Loop.ANY_TYPE, new int[] {0}, call("touching", obj(0), obj(1)));
    assertEquals(List.of("exact 0 0 1", "exact 1 0 1"),
        evalOnBalls(new PExpr.If(touchingSomething, c(1), c(0), PType.INT), f, 2, 0));
    // count o: Object (no where) other than b: 2 for each ball
    assertEquals(List.of("exact 0 0 2", "exact 1 0 2"),
        evalOnBalls(new PExpr.CountWhere(1, Loop.ANY_TYPE, new int[] {0}, null), f, 2, 0));
    // count o: Ball where o.x > b.x
    PExpr right = new PExpr.CountWhere(1, BALL, new int[] {0}, bin(BinaryOp.GT, attr(1, Slots.X), attr(0, Slots.X)));
    assertEquals(List.of("exact 0 0 1", "exact 1 0 0"), evalOnBalls(right, f, 2, 0));
    // exists w: Wall where false
    assertEquals(List.of("exact 0 0 0", "exact 1 0 0"), evalOnBalls(
        new PExpr.If(new PExpr.Exists(1, WALL, new int[0], bool(false)), c(1), c(0), PType.INT), f, 2, 0));
    assertEquals(List.of("exact 0 0 3", "exact 1 0 3"), evalOnBalls(new PExpr.CountType(Loop.ANY_TYPE), f, 1, 0));
    assertEquals(List.of("exact 0 0 1", "exact 1 0 1"), evalOnBalls(new PExpr.CountType(WALL), f, 1, 0));
    assertEquals(List.of("exact 0 0 0", "exact 1 0 0"), evalOnBalls(new PExpr.CountType(BLOCK), f, 1, 0));
  }

  @Test
  void objectEqualityIsIdentity() {
    Frame f = builder().add(1, BALL, 0, 0, 1, 1).add(2, BALL, 0, 0, 1, 1).build();
    LawPlan p = plan(List.of(new Loop.Each(0, BALL), new Loop.Each(1, BALL)), bin(BinaryOp.NE, obj(0), obj(1)),
        List.of(new PEffect.Exact(0, Slots.X, c(9))), 2, 0);
    assertEquals(List.of("exact 0 0 9", "exact 1 0 9"), run(p, f));
  }

  @Test
  void stdlibCallsOfEveryShape() {
    Frame f = builder().add(1, BALL, 10, 10, 10, 10).add(2, WALL, 10, 0, 10, 10).build();
    LawPlan p = plan(List.of(new Loop.Each(0, BALL), new Loop.Each(1, WALL)), call("touching", obj(0), obj(1)),
        List.of(new PEffect.Exact(0, Slots.X, call("abs", c(-4))),
            new PEffect.Exact(0, Slots.Y, call("clamp", c(50), c(0), c(30))),
            new PEffect.Exact(0, Slots.X, call("side", obj(0), obj(1))),
            new PEffect.Exact(0, Slots.X, call("cover", obj(0), obj(1))),
            new PEffect.Exact(0, Slots.X, call("max", c(3), call("min", c(9), c(4)))),
            new PEffect.Exact(0, Slots.X, call("sign", c(-8))),
            new PEffect.Exact(0, Slots.X, new PExpr.If(call("overlap", obj(0), obj(1)), c(1), c(2), PType.INT))),
        2, 0);
    assertEquals(List.of("exact 0 0 4", "exact 0 1 30", "exact 0 0 " + Side.TOP.ordinal(), "exact 0 0 100",
        "exact 0 0 4", "exact 0 0 -1", "exact 0 0 2"), run(p, f));
  }

  @Test
  void callsWithBooleanParametersAndMoreArgumentsThanTheUniformShape() {
    Frame f = builder().add(1, BALL, 10, 10, 6, 10).build();
    var ints = Collections.nCopies(7, new StdlibFunction.Param("v", ParamType.INT));
    var seven = new StdlibFunction("seven", ints, ParamType.INT, "test",
        TestFunctions.class, "seven");
    var pick = new StdlibFunction("pick", List.of(
        new StdlibFunction.Param("c", ParamType.BOOL),
        new StdlibFunction.Param("a", ParamType.INT),
        new StdlibFunction.Param("b", ParamType.INT)),
        ParamType.INT, "test", TestFunctions.class, "pick");
    var both = new StdlibFunction("both", List.of(
        new StdlibFunction.Param("a", ParamType.BOOL),
        new StdlibFunction.Param("b", ParamType.BOOL)),
        ParamType.BOOL, "test", TestFunctions.class, "both");
    var width = new StdlibFunction("width", List.of(
        new StdlibFunction.Param("o", ParamType.OBJECT),
        new StdlibFunction.Param("twice", ParamType.BOOL)),
        ParamType.INT, "test", TestFunctions.class, "widthPlus");
    PExpr call7 = new PExpr.Call(seven, List.of(c(1), c(2), c(3), c(4), c(5), c(6), attr(0, Slots.W)), PType.INT);
    PExpr pickFalse = new PExpr.Call(pick, List.of(bin(BinaryOp.GT, c(1), c(2)), c(11), c(22)), PType.INT);
    PExpr pickTrue = new PExpr.Call(pick, List.of(bool(true), c(11), c(22)), PType.INT);
    PExpr bothTrue = new PExpr.Call(both, List.of(bool(true), bin(BinaryOp.EQ, c(1), c(1))), PType.BOOL);
    PExpr bothFalse = new PExpr.Call(both, List.of(bool(true), bool(false)), PType.BOOL);
    PExpr twice = new PExpr.Call(width, List.of(obj(0), bool(true)), PType.INT);
    assertEquals(List.of("exact 0 0 6654321", "exact 0 0 22", "exact 0 0 11", "exact 0 0 1", "exact 0 0 0",
        "exact 0 0 12"), run(plan(List.of(new Loop.Each(0, BALL)), null, List.of(
            new PEffect.Exact(0, Slots.X, call7), new PEffect.Exact(0, Slots.X, pickFalse),
            new PEffect.Exact(0, Slots.X, pickTrue), new PEffect.Exact(0, Slots.X, bothTrue),
            new PEffect.Exact(0, Slots.X, bothFalse), new PEffect.Exact(0, Slots.X, twice)), 1, 0), f));
  }

  // ---- history

  @Test
  void historyReadsClampAtTheStartOfTheObjectsLife() {
    Frame t0 = builder().add(1, BALL, 0, 0, 1, 1).action(1).build();
    Frame t1 = builder().add(1, BALL, 3, 10, 1, 1).add(2, BALL, 50, 50, 1, 1).action(2).previous(t0).build();
    Frame t2 = builder().add(1, BALL, 7, 12, 1, 1).add(2, BALL, 51, 52, 1, 1).action(0).previous(t1).build();
    PExpr steps2 = c(2);
    List<PExpr> reads = List.of(
        new PExpr.Attr(0, Slots.X, c(1), PType.INT),        // x one step back
        new PExpr.Attr(0, Slots.X, c(16), PType.INT),       // clamped to the oldest frame of the object
        new PExpr.Velocity(0, Slots.X, null),               // vx now
        new PExpr.Velocity(0, Slots.Y, c(1)),               // vy one step back
        new PExpr.Velocity(0, Slots.Y, steps2),             // vy at the object's first frame: 0
        new PExpr.Action(null), new PExpr.Action(c(1)), new PExpr.Action(c(2)), new PExpr.Action(c(3)));
    List<PEffect> effects = reads.stream().map(r -> (PEffect) new PEffect.Exact(0, Slots.X, r)).toList();
    LawPlan p = plan(List.of(new Loop.Each(0, BALL)), null, effects, 1, 0);
    assertEquals(List.of(
        "exact 0 0 3", "exact 0 0 0", "exact 0 0 4", "exact 0 0 10", "exact 0 0 0",
        "exact 0 0 0", "exact 0 0 2", "exact 0 0 1", "exact 0 0 -1",
        "exact 1 0 50", "exact 1 0 50", "exact 1 0 1", "exact 1 0 0", "exact 1 0 0",
        "exact 1 0 0", "exact 1 0 2", "exact 1 0 1", "exact 1 0 -1"), run(p, t2));
  }

  @Test
  void historyAggregatesBindTheirLocal() {
    Frame f = builder().add(1, BALL, 0, 0, 1, 1).action(0).build();
    for (int i = 1; i <= 6; i++) {
      f = builder().add(1, BALL, i <= 3 ? i : 3, 0, 1, 1).action(i % 3).previous(f).build();
    }
    // x now 3; vx over the last steps: now 0, @-1 0, @-2 0, @-3 1, @-4 1, @-5 1
    PExpr vxAtK = new PExpr.Velocity(0, Slots.X, new PExpr.Local(0));
    PExpr still = bin(BinaryOp.EQ, vxAtK, c(0));
    PExpr all02 = new PExpr.HistoryAggregate(PExpr.Quantifier.ALL, 0, 0, 2, still);
    PExpr all03 = new PExpr.HistoryAggregate(PExpr.Quantifier.ALL, 0, 0, 3, still);
    PExpr any35 = new PExpr.HistoryAggregate(PExpr.Quantifier.ANY, 0, 3, 5, still);
    PExpr count05 = new PExpr.HistoryAggregate(PExpr.Quantifier.COUNT, 0, 0, 5, still);
    PExpr countActions = new PExpr.HistoryAggregate(PExpr.Quantifier.COUNT, 1, 1, 6,
        bin(BinaryOp.EQ, new PExpr.Action(new PExpr.Local(1)), c(0)));
    PExpr empty = new PExpr.HistoryAggregate(PExpr.Quantifier.ALL, 0, 5, 4, bool(false));
    LawPlan p = plan(List.of(new Loop.Each(0, BALL)), null, List.of(
        new PEffect.Exact(0, Slots.X, all02), new PEffect.Exact(0, Slots.X, all03),
        new PEffect.Exact(0, Slots.X, any35), new PEffect.Exact(0, Slots.X, count05),
        new PEffect.Exact(0, Slots.X, countActions), new PEffect.Exact(0, Slots.X, empty)), 1, 2);
    // actions at t-1..t-6: 2, 1, 0, 2, 1, 0
    assertEquals(List.of("exact 0 0 1", "exact 0 0 0", "exact 0 0 0", "exact 0 0 3", "exact 0 0 2",
        "exact 0 0 1"), run(p, f));
  }

  // ---- effects

  @Test
  void rangeChoiceAndSpawnEffects() {
    Frame f = builder().add(1, BALL, 10, 20, 1, 1).add(9, BLOCK, 0, 0, 4, 4, 30, 1).build();
    LawPlan p = plan(List.of(new Loop.Each(0, BLOCK)), bin(BinaryOp.EQ, attr(0, STATE), c(1)), List.of(
        new PEffect.Range(0, POINTS, bin(BinaryOp.SUB, attr(0, POINTS), c(5)), c(99)),
        new PEffect.Choice(0, Slots.Y, List.of(c(1), c(2)), new double[] {0.3, 0.7}),
        new PEffect.Choice(0, STATE, List.of(c(0)), new double[] {1}),
        new PEffect.Spawn(BALL, attr(0, Slots.X), bin(BinaryOp.ADD, attr(0, Slots.Y), c(4))),
        new PEffect.Exact(0, Slots.ALIVE, c(0))), 1, 0);
    assertEquals(List.of("range 1 4 25 99", "begin 1 1", "choice 1 0.3", "choice 2 0.7", "end",
        "begin 1 5", "choice 0 1.0", "end", "spawn 0 0 4", "exact 1 -1 0"), run(p, f));
  }

  @Test
  void lawWithoutLoopsRunsOnce() {
    Frame f = builder().action(2).build();
    LawPlan p = plan(List.of(), bin(BinaryOp.EQ, new PExpr.Action(null), c(2)),
        List.of(new PEffect.Spawn(WALL, c(3), c(4))), 0, 0);
    assertEquals(List.of("spawn 1 3 4"), run(p, f));
  }

  // ---- budget and malformed plans

  @Test
  void bindingBudgetTurnsBlowUpIntoAClearError() {
    Frame.Builder b = builder();
    for (int i = 0; i < 120; i++) {
      b.add(i, BALL, i, 0, 1, 1);
    }
    Frame f = b.build();
    LawPlan p = new LawPlan("triple", List.of(new Loop.Each(0, BALL), new Loop.Each(1, BALL), new Loop.Each(2, BALL)),
        bool(false), List.of(), 3, 0);
    Law law = Interpreter.interpret(p, 1_000_000);
    // 120 + 120*120 + 120*119*120 = 1,728,120 visits in all: over the budget.
    BindingBudgetExceededException e = assertThrows(BindingBudgetExceededException.class,
        () -> law.apply(f, new RecordingSink()));
    assertEquals("triple", e.lawName());
    assertEquals(1_000_001, e.count());
    assertTrue(e.getMessage().contains("triple") && e.getMessage().contains("1000000"), e.getMessage());
    // The same law within budget on a smaller frame counts per call, not across calls.
    Frame small = builder().add(1, BALL, 0, 0, 1, 1).add(2, BALL, 0, 0, 1, 1).add(3, BALL, 0, 0, 1, 1).build();
    Law tight = Interpreter.interpret(p, 3 + 9 + 18);
    for (int i = 0; i < 3; i++) {
      tight.apply(small, new RecordingSink());
    }
    assertThrows(BindingBudgetExceededException.class,
        () -> Interpreter.interpret(p, 3 + 9 + 17).apply(small, new RecordingSink()));
  }

  @Test
  void malformedPlansAreRejectedWhenPrepared() {
    assertThrows(IllegalArgumentException.class, () -> Interpreter.interpret(
        plan(List.of(new Loop.Each(1, BALL)), null, List.of(), 1, 0)));
    assertThrows(IllegalArgumentException.class, () -> Interpreter.interpret(
        plan(List.of(), new PExpr.Local(0), List.of(), 0, 0)));
    assertThrows(IllegalArgumentException.class, () -> Interpreter.interpret(
        plan(List.of(), call("abs"), List.of(), 0, 0)));
  }

  @Test
  void interpretAllKeepsOrderAndNames() {
    LawPlan a = new LawPlan("a", List.of(), null, List.of(), 0, 0);
    LawPlan b = new LawPlan("b", List.of(), null, List.of(), 0, 0);
    assertEquals(List.of("a", "b"), Interpreter.interpretAll(List.of(a, b)).stream().map(Law::name).toList());
  }
}
