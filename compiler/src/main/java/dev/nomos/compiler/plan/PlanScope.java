package dev.nomos.compiler.plan;

import dev.nomos.runtime.LawScope;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The {@link LawScope} of a plan, read off its structure: the types its loops bind (a loop over a
 * type with no object binds nothing, so the law emits nothing) and the actions its guard can hold
 * under. Only conditions on the current action that the guard requires are used ({@code action ==
 * A}, {@code action in {A, B}}, and their {@code and}/{@code or} combinations); anything else leaves
 * the actions open, so the scope is never narrower than the law.
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
        types.stream().mapToInt(Integer::intValue).toArray());
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
