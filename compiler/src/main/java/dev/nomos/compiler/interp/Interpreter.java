package dev.nomos.compiler.interp;

import dev.nomos.compiler.plan.LawPlan;
import dev.nomos.compiler.plan.Loop;
import dev.nomos.compiler.plan.PEffect;
import dev.nomos.compiler.plan.PExpr;
import dev.nomos.compiler.plan.TouchingScan;
import dev.nomos.runtime.BindingBudgetExceededException;
import dev.nomos.runtime.Law;
import dev.nomos.runtime.Slots;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The reference semantics of Nomos: turns a {@link LawPlan} into a {@link Law} that executes it
 * directly. The code generator's classes must emit exactly the same opinions in the same order for
 * every frame; differential tests use this interpreter as the oracle.
 *
 * <p>Evaluation order, beyond what the plan javadoc fixes: operands and call arguments left to
 * right; {@code and}/{@code or} short-circuit; {@code if} evaluates only the branch taken;
 * {@code v in {...}} evaluates v, then the elements left to right up to the first match;
 * {@code v in lo..hi} evaluates v, lo, hi; {@code exists} stops at the first match; a choice evaluates
 * each value right before its {@code choice} call; range and spawn evaluate their operands before
 * the call. Binding counting for the budget is described on {@link BindingBudgetExceededException}.
 */
public final class Interpreter {
  private Interpreter() {}

  /** The plan as a law with the default binding budget. */
  public static InterpretedLaw interpret(LawPlan plan) {
    return interpret(plan, BindingBudgetExceededException.DEFAULT_BUDGET);
  }

  /**
   * The plan as a law that throws {@link BindingBudgetExceededException} once one {@code apply}
   * visits more than {@code bindingBudget} object bindings.
   *
   * @throws IllegalArgumentException if the plan is malformed (a variable or local out of range, a
   *     call with the wrong number of arguments); checked and lowered plans never are
   */
  public static InterpretedLaw interpret(LawPlan plan, long bindingBudget) {
    if (bindingBudget < 0) {
      throw new IllegalArgumentException("binding budget must be >= 0, got " + bindingBudget);
    }
    return new Preparer(plan).prepare(bindingBudget);
  }

  /** Every plan as a law, in order. */
  public static List<Law> interpretAll(List<LawPlan> plans) {
    List<Law> laws = new ArrayList<>(plans.size());
    for (LawPlan p : plans) {
      laws.add(interpret(p));
    }
    return laws;
  }

  /** Turns plan records into evaluator trees, validating indexes once so apply never has to. */
  private static final class Preparer {
    private final LawPlan plan;

    Preparer(LawPlan plan) {
      this.plan = plan;
    }

    InterpretedLaw prepare(long budget) {
      List<Loop> loops = plan.loops();
      InterpretedLaw.Binder[] binders = new InterpretedLaw.Binder[loops.size()];
      int[] bound = new int[0];
      for (int i = 0; i < binders.length; i++) {
        Loop loop = loops.get(i);
        if (loop instanceof Loop.Each each) {
          checkVar(each.var());
          binders[i] = new InterpretedLaw.Binder(false, each.var(), each.type(), -1, -1, 0, 0, bound);
          bound = append(bound, each.var());
        } else {
          Loop.Contact c = (Loop.Contact) loop;
          checkVar(c.varA());
          checkVar(c.varB());
          binders[i] = new InterpretedLaw.Binder(true, c.varA(), c.typeA(), c.varB(), c.typeB(), c.side(),
              c.minCoverPercent(), bound);
          bound = append(append(bound, c.varA()), c.varB());
        }
      }
      Eval guard = optional(plan.guard());
      Emit[] effects = new Emit[plan.effects().size()];
      for (int i = 0; i < effects.length; i++) {
        effects[i] = effect(plan.effects().get(i));
      }
      return new InterpretedLaw(plan, budget, binders, guard, effects);
    }

    private Emit effect(PEffect e) {
      if (e instanceof PEffect.Exact x) {
        checkTarget(x.var(), x.slot());
        return new Emit.Exact(x.var(), x.slot(), expr(x.value()));
      }
      if (e instanceof PEffect.Range r) {
        checkTarget(r.var(), r.slot());
        return new Emit.Range(r.var(), r.slot(), expr(r.low()), expr(r.high()));
      }
      if (e instanceof PEffect.Choice c) {
        checkTarget(c.var(), c.slot());
        return new Emit.Choice(c.var(), c.slot(), exprs(c.values()), c.weights());
      }
      if (e instanceof PEffect.Joint j) {
        checkVar(j.var());
        Eval[][] values = new Eval[j.values().size()][];
        for (int a = 0; a < values.length; a++) {
          values[a] = exprs(j.values().get(a));
        }
        return new Emit.Joint(j.var(), j.slots(), values, j.weights());
      }
      if (e instanceof PEffect.ComputedChoice c) {
        checkTarget(c.var(), c.slot());
        return new Emit.ComputedChoice(c.var(), c.slot(), exprs(c.values()), exprs(c.weights()), c.scales());
      }
      if (e instanceof PEffect.If i) {
        return new Emit.If(expr(i.condition()), effect(i.then()), i.otherwise() == null ? null : effect(i.otherwise()));
      }
      if (e instanceof PEffect.Create c) {
        return new Emit.Create(c.type(), exprs(c.xs()), exprs(c.ys()), c.weights(), c.probability(), c.chance());
      }
      if (e instanceof PEffect.CreateRange r) {
        return new Emit.CreateRange(r.type(), expr(r.x0()), expr(r.y0()), expr(r.x1()), expr(r.y1()), r.probability(),
            r.chance());
      }
      PEffect.Spawn s = (PEffect.Spawn) e;
      return new Emit.Spawn(s.type(), expr(s.x()), expr(s.y()));
    }

    private Eval[] exprs(List<PExpr> list) {
      Eval[] out = new Eval[list.size()];
      for (int i = 0; i < out.length; i++) {
        out[i] = expr(list.get(i));
      }
      return out;
    }

    private Eval expr(PExpr e) {
      if (e instanceof PExpr.Const c) {
        return new Evals.Const(c.value());
      }
      if (e instanceof PExpr.ObjectVar v) {
        checkVar(v.var());
        return new Evals.ObjectVar(v.var());
      }
      if (e instanceof PExpr.Attr a) {
        checkVar(a.var());
        return a.stepsBack() == null ? new Evals.AttrNow(a.var(), a.slot())
            : new Evals.AttrAt(a.var(), a.slot(), expr(a.stepsBack()));
      }
      if (e instanceof PExpr.Velocity v) {
        checkVar(v.var());
        if (v.axis() != Slots.X && v.axis() != Slots.Y) {
          throw new IllegalArgumentException("law " + plan.name() + ": velocity axis " + v.axis() + " is not X or Y");
        }
        return v.stepsBack() == null ? new Evals.VelocityNow(v.var(), v.axis())
            : new Evals.VelocityAt(v.var(), v.axis(), expr(v.stepsBack()));
      }
      if (e instanceof PExpr.Action a) {
        return a.stepsBack() == null ? new Evals.ActionNow() : new Evals.ActionAt(expr(a.stepsBack()));
      }
      if (e instanceof PExpr.Step) {
        return new Evals.Step();
      }
      if (e instanceof PExpr.CallAt c) {
        return new CallEval.At(c.call().function(), expr(c.stepsBack()), exprs(c.call().args()));
      }
      if (e instanceof PExpr.Local l) {
        checkLocal(l.index());
        return new Evals.Local(l.index());
      }
      if (e instanceof PExpr.Call c) {
        return CallEval.of(c.function(), exprs(c.args()));
      }
      if (e instanceof PExpr.Unary u) {
        Eval operand = expr(u.operand());
        return u.op() == PExpr.UnaryOp.NEG ? new Evals.Negate(operand) : new Evals.Not(operand);
      }
      if (e instanceof PExpr.Binary b) {
        return binary(b);
      }
      if (e instanceof PExpr.If i) {
        return new Evals.If(expr(i.condition()), expr(i.then()), expr(i.otherwise()));
      }
      if (e instanceof PExpr.InSet s) {
        return new Evals.InSet(expr(s.value()), exprs(s.elements()), s.negated());
      }
      if (e instanceof PExpr.InRange r) {
        return new Evals.InRange(expr(r.value()), expr(r.low()), expr(r.high()), r.negated());
      }
      if (e instanceof PExpr.Exists x) {
        checkVar(x.var());
        return new Evals.ScanObjects(x.var(), x.entityType(), checkVars(x.excluded()), optional(x.where()), false,
            TouchingScan.near(x.var(), x.where()));
      }
      if (e instanceof PExpr.CountWhere c) {
        checkVar(c.var());
        return new Evals.ScanObjects(c.var(), c.entityType(), checkVars(c.excluded()), optional(c.where()), true,
            TouchingScan.near(c.var(), c.where()));
      }
      if (e instanceof PExpr.CountType c) {
        return new Evals.CountType(c.entityType());
      }
      if (e instanceof PExpr.Next x) {
        return new Evals.Next(expr(x.body()), checkVars(x.read()), checkVars(x.skipped()));
      }
      if (e instanceof PExpr.Earlier x) {
        return new Evals.Earlier(expr(x.body()), expr(x.stepsBack()), checkVars(x.read()), checkVars(x.skipped()));
      }
      PExpr.HistoryAggregate h = (PExpr.HistoryAggregate) e;
      checkLocal(h.local());
      return new Evals.HistoryAggregate(h.quantifier(), h.local(), h.low(), h.high(), expr(h.body()));
    }

    private Eval optional(PExpr e) {
      return e == null ? null : expr(e);
    }

    private Eval binary(PExpr.Binary b) {
      Eval left = expr(b.left());
      Eval right = expr(b.right());
      return switch (b.op()) {
        case AND -> new Evals.And(left, right);
        case OR -> new Evals.Or(left, right);
        default -> new Evals.Arith(b.op(), left, right);
      };
    }

    /** An effect's owner: an object variable, or the world for its own slots (reward, end). */
    private void checkTarget(int var, int slot) {
      if (var == PEffect.WORLD) {
        if (slot != dev.nomos.runtime.Slots.REWARD && slot != dev.nomos.runtime.Slots.END) {
          throw new IllegalArgumentException("law " + plan.name() + ": the world has no slot " + slot);
        }
        return;
      }
      checkVar(var);
    }

    private void checkVar(int var) {
      if (var < 0 || var >= plan.objectVars()) {
        throw new IllegalArgumentException("law " + plan.name() + ": object variable " + var
            + " is outside 0.." + (plan.objectVars() - 1));
      }
    }

    private int[] checkVars(int[] vars) {
      for (int v : vars) {
        checkVar(v);
      }
      return vars.clone();
    }

    private void checkLocal(int local) {
      if (local < 0 || local >= plan.intLocals()) {
        throw new IllegalArgumentException("law " + plan.name() + ": local " + local
            + " is outside 0.." + (plan.intLocals() - 1));
      }
    }

    private static int[] append(int[] a, int v) {
      int[] out = Arrays.copyOf(a, a.length + 1);
      out[a.length] = v;
      return out;
    }
  }
}
