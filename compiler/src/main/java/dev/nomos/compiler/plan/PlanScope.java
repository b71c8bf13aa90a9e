package dev.nomos.compiler.plan;

import dev.nomos.runtime.LawScope;
import dev.nomos.runtime.Slots;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The {@link LawScope} of a plan, read off its structure: the types its loops bind (a loop over a
 * type with no object binds nothing, so the law emits nothing) and the actions its guard can hold
 * under. Only conditions on the current action that the guard requires are used ({@code action ==
 * A}, {@code action in {A, B}}, and their {@code and}/{@code or} combinations); anything else leaves
 * the actions open, so the scope is never narrower than the law.
 *
 * <p>The witness is the first conjunct the guard requires of the form {@code v.attr == K} or
 * {@code v.vx == K} (now, not in the past; either side constant) on a variable of the law's one loop:
 * no object of the variable's type holding K, no binding passes the guard. It is read only for laws
 * with a single loop, whose bindings are few (at most the pairs of two types), so a law skipped for
 * its witness would never have reached its binding budget.
 */
public final class PlanScope {
  private PlanScope() {}

  /** The scope of {@code plan}. */
  public static LawScope of(LawPlan plan) {
    List<Integer> types = new ArrayList<>();
    for (Loop loop : plan.loops()) {
      if (loop instanceof Loop.Each each) {
        addType(types, each.type());
      } else if (loop instanceof Loop.Contact contact) {
        addType(types, contact.typeA());
        addType(types, contact.typeB());
      }
    }
    TreeSet<Integer> actions = plan.guard() == null ? null : actionsWhere(plan.guard());
    return new LawScope(actions == null ? null : actions.stream().mapToInt(Integer::intValue).toArray(),
        types.stream().mapToInt(Integer::intValue).toArray(), witness(plan));
  }

  private static LawScope.Witness witness(LawPlan plan) {
    if (plan.guard() == null || plan.loops().size() != 1) {
      return null;
    }
    return witnessIn(plan.guard(), plan.loops().get(0));
  }

  /** The first witness among the conjuncts {@code condition} requires, or null. */
  private static LawScope.Witness witnessIn(PExpr condition, Loop loop) {
    if (!(condition instanceof PExpr.Binary b)) {
      return null;
    }
    if (b.op() == PExpr.BinaryOp.AND) {
      LawScope.Witness left = witnessIn(b.left(), loop);
      return left != null ? left : witnessIn(b.right(), loop);
    }
    if (b.op() != PExpr.BinaryOp.EQ) {
      return null;
    }
    LawScope.Witness w = witnessOf(b.left(), b.right(), loop);
    return w != null ? w : witnessOf(b.right(), b.left(), loop);
  }

  private static LawScope.Witness witnessOf(PExpr read, PExpr constant, Loop loop) {
    if (!(constant instanceof PExpr.Const c)) {
      return null;
    }
    int var;
    int slot;
    if (read instanceof PExpr.Attr a && a.stepsBack() == null && a.slot() >= 0) {
      var = a.var();
      slot = a.slot();
    } else if (read instanceof PExpr.Velocity v && v.stepsBack() == null
        && (v.axis() == Slots.X || v.axis() == Slots.Y)) {
      var = v.var();
      slot = v.axis() == Slots.X ? LawScope.Witness.VX : LawScope.Witness.VY;
    } else {
      return null;
    }
    int type = typeOf(var, loop);
    return type < 0 ? null : new LawScope.Witness(type, slot, c.value());
  }

  /** The entity type {@code loop} binds {@code var} to, or -1 ({@code Object}, or not bound there). */
  private static int typeOf(int var, Loop loop) {
    if (loop instanceof Loop.Each each && each.var() == var) {
      return each.type();
    }
    if (loop instanceof Loop.Contact contact) {
      return contact.varA() == var ? contact.typeA() : contact.varB() == var ? contact.typeB() : -1;
    }
    return -1;
  }

  private static void addType(List<Integer> types, int type) {
    if (type != Loop.ANY_TYPE) {
      types.add(type);
    }
  }

  /** The actions under which {@code condition} can be true, or null when it does not constrain the action. */
  private static TreeSet<Integer> actionsWhere(PExpr condition) {
    if (condition instanceof PExpr.Binary b) {
      switch (b.op()) {
        case AND -> {
          TreeSet<Integer> left = actionsWhere(b.left());
          TreeSet<Integer> right = actionsWhere(b.right());
          if (left == null) {
            return right;
          }
          if (right != null) {
            left.retainAll(right);
          }
          return left;
        }
        case OR -> {
          TreeSet<Integer> left = actionsWhere(b.left());
          TreeSet<Integer> right = actionsWhere(b.right());
          if (left == null || right == null) {
            return null;
          }
          left.addAll(right);
          return left;
        }
        case EQ -> {
          Integer action = currentActionConstant(b.left(), b.right());
          if (action == null) {
            action = currentActionConstant(b.right(), b.left());
          }
          return action == null ? null : new TreeSet<>(List.of(action));
        }
        default -> {
          return null;
        }
      }
    }
    if (condition instanceof PExpr.InSet in && !in.negated() && isCurrentAction(in.value())) {
      TreeSet<Integer> actions = new TreeSet<>();
      for (PExpr e : in.elements()) {
        if (!(e instanceof PExpr.Const c) || c.value() < 0) {
          return null;
        }
        actions.add(c.value());
      }
      return actions;
    }
    return null;
  }

  private static Integer currentActionConstant(PExpr action, PExpr constant) {
    if (isCurrentAction(action) && constant instanceof PExpr.Const c) {
      return c.value() >= 0 ? c.value() : null;
    }
    return null;
  }

  private static boolean isCurrentAction(PExpr e) {
    return e instanceof PExpr.Action a && a.stepsBack() == null;
  }
}
