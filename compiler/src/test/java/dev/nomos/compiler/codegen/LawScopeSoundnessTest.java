package dev.nomos.compiler.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nomos.compiler.interp.Interpreter;
import dev.nomos.compiler.plan.LawPlan;
import dev.nomos.compiler.plan.Loop;
import dev.nomos.compiler.plan.PExpr;
import dev.nomos.compiler.plan.PType;
import dev.nomos.compiler.plan.PlanScope;
import dev.nomos.runtime.Frame;
import dev.nomos.runtime.Law;
import dev.nomos.runtime.LawScope;
import dev.nomos.runtime.Slots;
import dev.nomos.runtime.WorldSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
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

  /**
   * @param conditionActions per plan, the actions of the action condition the test put in front of
   *     its guard, or null where it put none
   */
  record Case(WorldSchema schema, List<LawPlan> plans, List<Set<Integer>> conditionActions, long frameSeed) {
    @Override public String toString() {
      return "plans " + plans;
    }
  }

  @Provide
  Arbitrary<Case> cases() {
    return Arbitraries.randomValue(r -> {
      WorldSchema schema = RandomWorlds.schema(r);
      List<LawPlan> plans = new ArrayList<>();
      List<Set<Integer>> conditionActions = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        LawPlan plan = RandomPlans.plan(schema, r, "law_" + i);
        if (plan.loops().size() == 1 && r.nextBoolean()) {
          plan = withWitnessCondition(plan, r);
        }
        if (r.nextBoolean()) {
          Set<Integer> actions = new TreeSet<>();
          plans.add(withActionCondition(plan, schema, r, actions));
          conditionActions.add(actions);
        } else {
          plans.add(plan);
          conditionActions.add(null);
        }
      }
      return new Case(schema, plans, conditionActions, r.nextLong());
    });
  }

  /** {@code action in {...} and guard}, or {@code action == A or action == B}, in front of the plan's guard. */
  private static LawPlan withActionCondition(LawPlan plan, WorldSchema schema, Random r, Set<Integer> actionsOut) {
    int actions = schema.actions().size();
    PExpr now = new PExpr.Action(null);
    PExpr condition;
    if (r.nextBoolean()) {
      List<PExpr> elements = new ArrayList<>();
      for (int i = 0, n = 1 + r.nextInt(2); i < n; i++) {
        int action = r.nextInt(actions);
        elements.add(new PExpr.Const(action, PType.INT));
        actionsOut.add(action);
      }
      condition = new PExpr.InSet(now, elements, false);
    } else {
      int first = r.nextInt(actions);
      int second = r.nextInt(actions);
      actionsOut.add(first);
      actionsOut.add(second);
      PExpr a = new PExpr.Binary(PExpr.BinaryOp.EQ, now, new PExpr.Const(first, PType.INT), PType.BOOL);
      PExpr b = new PExpr.Binary(PExpr.BinaryOp.EQ, new PExpr.Const(second, PType.INT), now, PType.BOOL);
      condition = new PExpr.Binary(PExpr.BinaryOp.OR, a, b, PType.BOOL);
    }
    boolean conditionFirst = r.nextBoolean();
    PExpr guard = plan.guard() == null ? condition
        : new PExpr.Binary(PExpr.BinaryOp.AND, conditionFirst ? condition : plan.guard(),
            conditionFirst ? plan.guard() : condition, PType.BOOL);
    return new LawPlan(plan.name(), plan.loops(), guard, plan.effects(), plan.objectVars(), plan.intLocals());
  }

  /**
   * {@code v.vx == K}, {@code v.vy == K} or {@code v.w == K} on a variable of the plan's one loop,
   * in front of or behind its guard: the scope's witness.
   */
  private static LawPlan withWitnessCondition(LawPlan plan, Random r) {
    Loop loop = plan.loops().get(0);
    int var = loop instanceof Loop.Each each ? each.var()
        : r.nextBoolean() ? ((Loop.Contact) loop).varA() : ((Loop.Contact) loop).varB();
    int k = r.nextInt(5) - 2;
    PExpr read = switch (r.nextInt(3)) {
      case 0 -> new PExpr.Velocity(var, Slots.X, null);
      case 1 -> new PExpr.Velocity(var, Slots.Y, null);
      default -> new PExpr.Attr(var, Slots.W, null, PType.INT);
    };
    PExpr constant = new PExpr.Const(r.nextInt(3) == 0 ? k + 3 : k, PType.INT);
    PExpr condition = r.nextBoolean() ? new PExpr.Binary(PExpr.BinaryOp.EQ, read, constant, PType.BOOL)
        : new PExpr.Binary(PExpr.BinaryOp.EQ, constant, read, PType.BOOL);
    boolean conditionFirst = r.nextBoolean();
    PExpr guard = plan.guard() == null ? condition
        : new PExpr.Binary(PExpr.BinaryOp.AND, conditionFirst ? condition : plan.guard(),
            conditionFirst ? plan.guard() : condition, PType.BOOL);
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

  /**
   * A guard that requires {@code action in S} fires under no action outside S, whatever else the
   * guard says (the random plans' own action conditions may name actions the world does not declare).
   */
  @Property(tries = 50)
  void actionConditionsNarrowTheScope(@ForAll("cases") Case c) {
    for (int i = 0; i < c.plans().size(); i++) {
      LawPlan plan = c.plans().get(i);
      Set<Integer> required = c.conditionActions().get(i);
      if (required == null) {
        continue;
      }
      LawScope scope = PlanScope.of(plan);
      assertNotNull(scope.actions(), () -> "no action scope for " + plan);
      for (int action : scope.actions()) {
        assertTrue(required.contains(action), () -> scope + " wider than " + required + " for " + plan);
      }
    }
  }
}
