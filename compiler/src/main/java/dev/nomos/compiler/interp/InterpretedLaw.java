package dev.nomos.compiler.interp;

import dev.nomos.compiler.plan.LawPlan;
import dev.nomos.compiler.plan.PlanScope;
import dev.nomos.runtime.Frame;
import dev.nomos.runtime.Law;
import dev.nomos.runtime.LawScope;
import dev.nomos.runtime.OpinionSink;
import dev.nomos.stdlib.Geometry;
import dev.nomos.stdlib.Side;

/**
 * A {@link LawPlan} executed by walking it: the reference semantics that generated code must match
 * call for call. Execution follows the plan's javadoc: loops nest in order, each visiting objects
 * in ascending id order and skipping objects bound by an earlier loop; for each complete binding the
 * guard is evaluated and, if true, the effects are emitted in order. Stateless and thread-safe: all
 * per-step state lives in one small environment allocated per {@link #apply} call.
 */
public final class InterpretedLaw implements Law {
  private final LawPlan plan;
  private final long bindingBudget;
  private final Binder[] binders;
  private final Eval guard;
  private final Emit[] effects;
  private final LawScope scope;

  InterpretedLaw(LawPlan plan, long bindingBudget, Binder[] binders, Eval guard, Emit[] effects) {
    this.plan = plan;
    this.bindingBudget = bindingBudget;
    this.binders = binders;
    this.guard = guard;
    this.effects = effects;
    this.scope = PlanScope.of(plan);
  }

  @Override
  public LawScope scope() {
    return scope;
  }

  @Override
  public String name() {
    return plan.name();
  }

  /** The plan this law executes. */
  public LawPlan plan() {
    return plan;
  }

  /** Object bindings one {@link #apply} may visit before it throws. */
  public long bindingBudget() {
    return bindingBudget;
  }

  @Override
  public void apply(Frame frame, OpinionSink out) {
    Env env = new Env(frame, plan.objectVars(), plan.intLocals(), plan.name(), bindingBudget);
    env.sink = out;
    bind(env, 0, out);
  }

  /**
   * Whether the guard holds on {@code frame} for a plan without loops: a condition over the whole
   * frame, such as a planner's goal (its effects, if any, are not emitted).
   *
   * @throws IllegalStateException if the plan binds objects with loops
   */
  public boolean holds(Frame frame) {
    if (binders.length != 0) {
      throw new IllegalStateException("law " + plan.name() + " binds objects; only a plan without loops is a condition");
    }
    Env env = new Env(frame, plan.objectVars(), plan.intLocals(), plan.name(), bindingBudget);
    return guard == null || guard.test(env);
  }

  private void bind(Env env, int depth, OpinionSink out) {
    if (depth == binders.length) {
      if (guard == null || guard.test(env)) {
        for (Emit e : effects) {
          e.emit(env, out);
        }
      }
      return;
    }
    Binder b = binders[depth];
    if (b.contact()) {
      bindContactPairs(env, depth, out, b);
      return;
    }
    for (int a : env.candidates(b.typeA())) {
      env.visit();
      if (env.isBound(a, b.boundBefore())) {
        continue;
      }
      env.objects[b.varA()] = a;
      bind(env, depth + 1, out);
    }
  }

  /**
   * A contact binder: every pair that touches as the binder asks, from the pairs that may touch
   * ({@code Frame.contacts}, with their sides), in the order of nested loops over the two types.
   */
  private void bindContactPairs(Env env, int depth, OpinionSink out, Binder b) {
    Frame frame = env.frame;
    // Each pair with its side, NONE where it does not touch: Geometry.side, worked out once per frame.
    int[] contacts = frame.contacts(b.typeA(), b.typeB());
    for (int k = 0; k < contacts.length; k += 3) {
      env.visit();
      int a = contacts[k];
      int o = contacts[k + 1];
      int side = contacts[k + 2];
      if (env.isBound(a, b.boundBefore()) || o == a || env.isBound(o, b.boundBefore())
          || side == Side.NONE.ordinal()) {
        continue;
      }
      if (b.side() != Side.NONE.ordinal() && side != b.side()) {
        continue;
      }
      if (b.minCoverPercent() > 0 && Geometry.cover(frame, a, o) < b.minCoverPercent()) {
        continue;
      }
      env.objects[b.varA()] = a;
      env.objects[b.varB()] = o;
      bind(env, depth + 1, out);
    }
  }

  @Override
  public String toString() {
    return "interpreted law " + plan.name();
  }

  /**
   * One loop of the plan with the variables bound before it (whose objects it skips); a
   * {@code for} loop uses only the A side, a contact loop both.
   */
  record Binder(boolean contact, int varA, int typeA, int varB, int typeB, int side, int minCoverPercent,
      int[] boundBefore) {}
}
