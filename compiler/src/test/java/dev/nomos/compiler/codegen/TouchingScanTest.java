package dev.nomos.compiler.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.nomos.compiler.Compilation;
import dev.nomos.compiler.interp.Interpreter;
import dev.nomos.compiler.interp.InterpreterSourceTestAccess;
import dev.nomos.compiler.interp.OpinionRecorder;
import dev.nomos.compiler.plan.LawPlan;
import dev.nomos.compiler.plan.PExpr;
import dev.nomos.compiler.plan.TouchingScan;
import dev.nomos.runtime.BindingBudgetExceededException;
import dev.nomos.runtime.Frame;
import dev.nomos.runtime.Law;
import dev.nomos.runtime.WorldSchema;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A quantifier whose condition requires its object to touch a bound one visits only the objects
 * touching it ({@link TouchingScan}): the same value as the scan over the whole type, in both engines,
 * and only those visits count toward the binding budget.
 */
class TouchingScanTest {

  /** 100 balls on a row, every third one resting on a wall below it, among 1,000 walls far away. */
  private static Frame crowd(WorldSchema s) {
    Frame.Builder b = Frame.builder(s);
    int ball = s.type("Ball").index();
    int wall = s.type("Wall").index();
    int id = 1;
    for (int i = 0; i < 100; i++) {
      b.add(id++, ball, 10 * i, 50, 4, 4);
      if (i % 3 == 0) {
        b.add(id++, wall, 10 * i, 54, 4, 2);
      }
    }
    for (int i = 0; i < 1000; i++) {
      b.add(id++, wall, 2000 + 3 * i, 500, 2, 2);
    }
    return b.build();
  }

  private static LawPlan plan(String law) {
    return InterpreterSourceTestAccess.compile(law).plans().get(0);
  }

  private static List<String> run(Law law, Frame frame) {
    OpinionRecorder out = new OpinionRecorder();
    law.apply(frame, out);
    return out.lines();
  }

  /** The quantifier in the guard of a one-loop law's plan. */
  private static PExpr.Exists exists(LawPlan plan) {
    PExpr guard = plan.guard();
    while (guard instanceof PExpr.Unary u) {
      guard = u.operand();
    }
    return (PExpr.Exists) guard;
  }

  @Test
  void recognisesAConjunctThatRequiresATouchEitherWayRound() {
    for (String where : List.of("touching(b, w)", "touching(w, b)", "contact(b, w)", "side(b, w) == TOP",
        "BOTTOM == side(w, b)", "w.x > 3 and touching(b, w)", "touching(w, b) and w.x > 3 and w.y < 9")) {
      PExpr.Exists x = exists(plan("law t { for b: Ball when not exists w: Wall where " + where + " then b.vx := 1 }"));
      assertEquals(0, TouchingScan.near(x.var(), x.where()), where);
    }
    for (String where : List.of("touching(b, w) or w.x > 3", "not touching(b, w)", "side(b, w) == NONE",
        "side(b, w) != TOP", "overlap(b, w)", "touching(w, w)", "w.x > 3")) {
      PExpr.Exists x = exists(plan("law t { for b: Ball when not exists w: Wall where " + where + " then b.vx := 1 }"));
      assertEquals(-1, TouchingScan.near(x.var(), x.where()), where);
    }
  }

  @Test
  void theValueIsTheWholeScansInBothEngines() {
    Frame frame = crowd(InterpreterSourceTestAccess.compile("").schema());
    // `not not` keeps the meaning and hides the shape: the whole scan, as before.
    List<String> whole = run(Interpreter.interpret(
        plan("law t { for b: Ball when not exists w: Wall where not not touching(b, w) then b.vx := 1 }")), frame);
    assertEquals(66, whole.size(), "the balls without a wall below them");
    for (String law : List.of("law t { for b: Ball when not exists w: Wall where touching(b, w) then b.vx := 1 }",
        "law t { for b: Ball when not exists w: Wall where w.h == 2 and side(b, w) == BOTTOM then b.vx := 1 }")) {
      assertEquals(whole, run(Interpreter.interpret(plan(law)), frame), law);
      assertEquals(whole, run(CompiledLaws.compile(plan(law)), frame), law);
    }
    String counting = "law t { for b: Ball then b.vx := count w: Wall where touching(w, b) }";
    List<String> counted = run(Interpreter.interpret(plan(counting)), frame);
    assertEquals(run(Interpreter.interpret(
        plan("law t { for b: Ball then b.vx := count w: Wall where not not touching(w, b) }")), frame), counted);
    assertEquals(counted, run(CompiledLaws.compile(plan(counting)), frame));
  }

  @Test
  void onlyTheObjectsTouchingCountTowardTheBudget() {
    Frame frame = crowd(InterpreterSourceTestAccess.compile("").schema());
    LawPlan touching = plan("law t { for b: Ball when not exists w: Wall where touching(b, w) then b.vx := 1 }");
    LawPlan whole = plan("law t { for b: Ball when not exists w: Wall where not not touching(b, w) then b.vx := 1 }");
    // 100 balls and the 34 walls they rest on; the whole scan looks at 1,034 walls for each ball.
    long budget = 100 + 34;
    for (Law law : List.of(Interpreter.interpret(touching, budget), CompiledLaws.compile(touching, budget))) {
      assertEquals(66, run(law, frame).size(), law.getClass().getSimpleName());
    }
    for (Law law : List.of(Interpreter.interpret(touching, budget - 1), CompiledLaws.compile(touching, budget - 1))) {
      BindingBudgetExceededException e = assertThrows(BindingBudgetExceededException.class, () -> run(law, frame));
      assertEquals(budget, e.count(), law.getClass().getSimpleName());
    }
    for (Law law : List.of(Interpreter.interpret(whole, budget), CompiledLaws.compile(whole, budget))) {
      BindingBudgetExceededException e = assertThrows(BindingBudgetExceededException.class, () -> run(law, frame));
      assertEquals(budget + 1, e.count(), law.getClass().getSimpleName());
    }
  }
}
