package dev.nomos.compiler.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nomos.compiler.interp.Interpreter;
import dev.nomos.compiler.plan.LawPlan;
import dev.nomos.compiler.plan.PExpr;
import dev.nomos.compiler.plan.PType;
import dev.nomos.compiler.plan.PlanScope;
import dev.nomos.runtime.Frame;
import dev.nomos.runtime.Law;
import dev.nomos.runtime.LawScope;
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
 * A law's scope may only skip frames on which it says nothing: random plans (half of them with an
 * action condition in front of their guard) on random frames never emit outside their scope, and
 * both engines report the plan's scope.
 */
class LawScopeSoundnessTest {

  record Case(WorldSchema schema, List<LawPlan> plans, long frameSeed) {
    @Override public String toString() {
      return "plans " + plans;
    }
  }

  @Provide
  Arbitrary<Case> cases() {
    return Arbitraries.randomValue(r -> {
      WorldSchema schema = RandomWorlds.schema(r);
      List<LawPlan> plans = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        LawPlan plan = RandomPlans.plan(schema, r, "law_" + i);
        plans.add(r.nextBoolean() ? withActionCondition(plan, schema, r) : plan);
      }
      return new Case(schema, plans, r.nextLong());
    });
  }

  /** {@code action in {...} and guard}, or {@code action == A or action == B}, in front of the plan's guard. */
  private static LawPlan withActionCondition(LawPlan plan, WorldSchema schema, Random r) {
    int actions = schema.actions().size();
    PExpr now = new PExpr.Action(null);
    PExpr condition;
    if (r.nextBoolean()) {
      List<PExpr> elements = new ArrayList<>();
      for (int i = 0, n = 1 + r.nextInt(2); i < n; i++) {
        elements.add(new PExpr.Const(r.nextInt(actions), PType.INT));
      }
      condition = new PExpr.InSet(now, elements, false);
    } else {
      PExpr a = new PExpr.Binary(PExpr.BinaryOp.EQ, now, new PExpr.Const(r.nextInt(actions), PType.INT), PType.BOOL);
      PExpr b = new PExpr.Binary(PExpr.BinaryOp.EQ, new PExpr.Const(r.nextInt(actions), PType.INT), now, PType.BOOL);
      condition = new PExpr.Binary(PExpr.BinaryOp.OR, a, b, PType.BOOL);
    }
    PExpr guard = plan.guard() == null ? condition
        : new PExpr.Binary(PExpr.BinaryOp.AND, r.nextBoolean() ? condition : plan.guard(),
            r.nextBoolean() ? plan.guard() : condition, PType.BOOL);
    return new LawPlan(plan.name(), plan.loops(), guard, plan.effects(), plan.objectVars(), plan.intLocals());
  }

  @Property(tries = 300)
  void lawsEmitNothingOutsideTheirScope(@ForAll("cases") Case c) {
    Random r = new Random(c.frameSeed());
    List<Frame> frames = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      frames.add(RandomWorlds.frame(c.schema(), r));
    }
    for (LawPlan plan : c.plans()) {
      LawScope scope = PlanScope.of(plan);
      Law interpreted = Interpreter.interpret(plan);
      Law compiled = CompiledLaws.compile(plan);
      assertEquals(scope, interpreted.scope());
      assertEquals(scope, compiled.scope());
      for (Frame frame : frames) {
        if (!scope.admits(frame)) {
          // Asking the sink for the next frame (a `next(...)` guard) is a read, not an opinion.
          assertEquals(List.of(), DifferentialTest.run(interpreted, frame).stream()
                  .filter(call -> !call.equals("nextFrame()")).toList(),
              () -> "law " + plan + " emitted outside its scope " + scope);
        }
      }
    }
  }

  @Property(tries = 50)
  void actionConditionsNarrowTheScope(@ForAll("cases") Case c) {
    for (LawPlan plan : c.plans()) {
      LawScope scope = PlanScope.of(plan);
      if (scope.actions() != null) {
        assertTrue(scope.actions().length <= c.schema().actions().size(), () -> scope + " for " + plan);
      }
    }
  }
}
