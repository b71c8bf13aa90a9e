package dev.nomos.compiler.interp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nomos.compiler.plan.LawPlan;
import dev.nomos.compiler.plan.Loop;
import dev.nomos.compiler.plan.PEffect;
import dev.nomos.compiler.plan.PExpr;
import dev.nomos.compiler.plan.PType;
import dev.nomos.runtime.Frame;
import dev.nomos.runtime.Slots;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpinionRecorderTest {
  @Test
  void recordsEveryCallWithSlotNames() {
    Frame f = Frame.builder(InterpreterTest.SCHEMA).add(4, InterpreterTest.BLOCK, 1, 2, 3, 3, 7, 0).build();
    PExpr one = new PExpr.Const(1, PType.INT);
    LawPlan p = new LawPlan("r", List.of(new Loop.Each(0, InterpreterTest.BLOCK)), null, List.of(
        new PEffect.Exact(0, Slots.ALIVE, one), new PEffect.Range(0, Slots.X, one, one),
        new PEffect.Choice(0, Slots.FIRST_EXTRA + 1, List.of(one), new double[] {0.5}),
        new PEffect.Spawn(1, one, one)), 1, 0);
    OpinionRecorder r = new OpinionRecorder();
    Interpreter.interpret(p).apply(f, r);
    assertEquals(List.of("exact 0 ALIVE 1", "range 0 X 1 1", "begin 0 extra1", "choice 1 0.5", "end", "spawn 1 1 1"),
        r.lines());
    r.clear();
    assertEquals(List.of(), r.lines());
  }
}
