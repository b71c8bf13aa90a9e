package dev.nomos.compiler.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.nomos.compiler.Compilation;
import dev.nomos.compiler.interp.Interpreter;
import dev.nomos.compiler.plan.LawPlan;
import dev.nomos.runtime.BindingBudgetExceededException;
import dev.nomos.runtime.Frame;
import dev.nomos.runtime.Law;
import dev.nomos.runtime.WorldSchema;
import dev.nomos.compiler.interp.OpinionRecorder;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Stdlib scans ({@code nearest_distance(b, Wall)} looks at every wall) are charged to the binding
 * budget, one per scanned object, the same in both engines: 100 balls each scanning 1,000 walls
 * is 100 + 100,000 visits.
 */
class ScanBudgetTest {
  private static final String LAW = "law near { for b: Ball when nearest_distance(b, Wall) >= 0 then b.vx := b.vx }";

  private static Frame crowd(WorldSchema s) {
    Frame.Builder b = Frame.builder(s);
    int id = 1;
    for (int i = 0; i < 100; i++) {
      b.add(id++, s.type("Ball").index(), i % 90, 50, 2, 2);
    }
    for (int i = 0; i < 1000; i++) {
      b.add(id++, s.type("Wall").index(), i % 95, i % 97, 1, 1);
    }
    return b.build();
  }

  @Test
  void bothEnginesStopAtTheSameCountOnceTheScansPassTheBudget() {
    Compilation c = dev.nomos.compiler.interp.InterpreterSourceTestAccess.compile(LAW);
    LawPlan plan = c.plans().get(0);
    Frame frame = crowd(c.schema());
    for (Law law : List.of(Interpreter.interpret(plan, 50_000), CompiledLaws.compile(plan, 50_000))) {
      BindingBudgetExceededException e = assertThrows(BindingBudgetExceededException.class,
          () -> law.apply(frame, new OpinionRecorder()));
      // Ball 1 (1) and its scan (1,000), ... until the 50th ball's scan passes 50,000.
      assertEquals(50L * 1001, e.count(), law.getClass().getSimpleName());
    }
  }

  @Test
  void withinTheBudgetTheScansChangeNothing() {
    Compilation c = dev.nomos.compiler.interp.InterpreterSourceTestAccess.compile(LAW);
    LawPlan plan = c.plans().get(0);
    Frame frame = crowd(c.schema());
    OpinionRecorder interpreted = new OpinionRecorder();
    Interpreter.interpret(plan, 200_000).apply(frame, interpreted);
    OpinionRecorder compiled = new OpinionRecorder();
    CompiledLaws.compile(plan, 200_000).apply(frame, compiled);
    assertEquals(100, interpreted.lines().size());
    assertEquals(interpreted.lines(), compiled.lines());
  }
}
