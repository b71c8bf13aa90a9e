package dev.nomos.compiler.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nomos.compiler.interp.Interpreter;
import dev.nomos.compiler.plan.LawPlan;
import dev.nomos.runtime.BindingBudgetExceededException;
import dev.nomos.runtime.Frame;
import dev.nomos.runtime.Law;
import dev.nomos.runtime.WorldSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The compiled engine against the interpreter (the oracle): random well-typed plans over random
 * worlds, run on random frames with history, must make exactly the same OpinionSink calls, value for
 * value and in order, and fail with the same budget error at the same point.
 */
class DifferentialTest {

  record Case(WorldSchema schema, List<LawPlan> plans, long frameSeed, long budget) {
    @Override public String toString() {
      return "world " + schema.types().stream().map(t -> t.name() + t.extras()).toList() + ", plans " + plans;
    }
  }

  @Provide
  Arbitrary<Case> cases() {
    return Arbitraries.randomValue(r -> {
      WorldSchema schema = RandomWorlds.schema(r);
      List<LawPlan> plans = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        plans.add(RandomPlans.plan(schema, r, "law_" + i));
      }
      // Mostly the default budget; sometimes one small enough to trip mid-law.
      long budget = r.nextInt(4) == 0 ? r.nextInt(40) : BindingBudgetExceededException.DEFAULT_BUDGET;
      return new Case(schema, plans, r.nextLong(), budget);
    });
  }

  @Property(tries = 300)
  void compiledLawsMakeTheInterpretersCallsExactly(@ForAll("cases") Case c) {
    Random r = new Random(c.frameSeed());
    List<Frame> frames = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      frames.add(RandomWorlds.frame(c.schema(), r));
    }
    for (LawPlan plan : c.plans()) {
      Law interpreted = Interpreter.interpret(plan, c.budget());
      Law compiled = CompiledLaws.compile(plan, c.budget());
      for (Frame frame : frames) {
        assertEquals(run(interpreted, frame), run(compiled, frame), () -> "law " + plan + " on a frame of "
            + frame.size() + " objects");
      }
    }
  }

  /** The calls a law makes, ending with its budget error if it throws one. */
  static List<String> run(Law law, Frame frame) {
    RecordingSink sink = new RecordingSink();
    // A next frame for `next(...)`: the previous one, so that some objects are missing from it.
    sink.next = frame.previous();
    try {
      law.apply(frame, sink);
    } catch (BindingBudgetExceededException e) {
      sink.calls.add("budget(" + e.lawName() + "," + e.count() + "," + e.budget() + ")");
    }
    return sink.calls;
  }
}
