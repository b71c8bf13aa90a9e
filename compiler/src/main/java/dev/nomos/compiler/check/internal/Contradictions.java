package dev.nomos.compiler.check.internal;

import dev.nomos.compiler.ast.Expr;
import dev.nomos.compiler.plan.PExpr;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Cheap proofs that a guard can never hold: the constant false, or conjuncts that bound the same
 * value of frame t (an attribute, a velocity, the action) to disjoint intervals, as in
 * {@code b.x > 5 and b.x < 3} or {@code action == UP and action == DOWN}. Anything it does not
 * understand it ignores, so it never warns about a guard that can be true.
 */
public final class Contradictions {
  private Contradictions() {}

  /** The conjuncts (as source expressions) that contradict each other, or null when none were found. */
  public static List<Expr> find(Expr guard, PExpr plan) {
    return find(guard, plan, subject -> null);
  }

  /**
   * Like {@link #find(Expr, PExpr)}, with {@code declared} giving what a subject can hold at all
   * ({@code {lo, hi}}, or null when unknown), such as an attribute's declared range: then
   * {@code d.keys == 9} alone is a contradiction when keys is declared 0..3.
   */
  public static List<Expr> find(Expr guard, PExpr plan, java.util.function.Function<PExpr, long[]> declared) {
    List<Expr> sources = new ArrayList<>();
    List<PExpr> plans = new ArrayList<>();
    flatten(guard, plan, sources, plans);
    Map<PExpr, long[]> bounds = new HashMap<>();
    Map<PExpr, List<Expr>> reasons = new HashMap<>();
    for (int i = 0; i < plans.size(); i++) {
      PExpr p = plans.get(i);
      if (p instanceof PExpr.Const c && c.value() == 0) {
        return List.of(sources.get(i));
      }
      Constraint k = constraint(p);
      if (k == null) {
        continue;
      }
      long[] b = bounds.get(k.subject);
      if (b == null) {
        long[] d = declared.apply(k.subject);
        b = d != null ? d : new long[] {Long.MIN_VALUE, Long.MAX_VALUE};
      }
      long[] meet = {Math.max(b[0], k.lo), Math.min(b[1], k.hi)};
      bounds.put(k.subject, meet);
      reasons.computeIfAbsent(k.subject, s -> new ArrayList<>()).add(sources.get(i));
      if (meet[0] > meet[1]) {
        return reasons.get(k.subject);
      }
    }
    return null;
  }

  private record Constraint(PExpr subject, long lo, long hi) {}

  private static void flatten(Expr e, PExpr p, List<Expr> sources, List<PExpr> plans) {
    if (e instanceof Expr.Binary b && b.op() == Expr.BinaryOp.AND
        && p instanceof PExpr.Binary pb && pb.op() == PExpr.BinaryOp.AND) {
      flatten(b.left(), pb.left(), sources, plans);
      flatten(b.right(), pb.right(), sources, plans);
      return;
    }
    sources.add(e);
    plans.add(p);
  }

  private static Constraint constraint(PExpr p) {
    if (p instanceof PExpr.Binary b) {
      if (isSubject(b.left()) && b.right() instanceof PExpr.Const c) {
        return compare(b.op(), b.left(), c.value(), false);
      }
      if (isSubject(b.right()) && b.left() instanceof PExpr.Const c) {
        return compare(b.op(), b.right(), c.value(), true);
      }
      return null;
    }
    if (p instanceof PExpr.InSet s && !s.negated() && isSubject(s.value()) && !s.elements().isEmpty()) {
      long lo = Long.MAX_VALUE;
      long hi = Long.MIN_VALUE;
      for (PExpr e : s.elements()) {
        if (!(e instanceof PExpr.Const c)) {
          return null;
        }
        lo = Math.min(lo, c.value());
        hi = Math.max(hi, c.value());
      }
      return new Constraint(s.value(), lo, hi);
    }
    if (p instanceof PExpr.InRange r && !r.negated() && isSubject(r.value())
        && r.low() instanceof PExpr.Const lo && r.high() instanceof PExpr.Const hi) {
      return new Constraint(r.value(), lo.value(), hi.value());
    }
    return null;
  }

  /** {@code subject op value}, or {@code value op subject} when {@code flipped}. */
  private static Constraint compare(PExpr.BinaryOp op, PExpr subject, long value, boolean flipped) {
    PExpr.BinaryOp o = flipped ? mirror(op) : op;
    if (o == null) {
      return null;
    }
    return switch (o) {
      case EQ -> new Constraint(subject, value, value);
      case LT -> new Constraint(subject, Long.MIN_VALUE, value - 1);
      case LE -> new Constraint(subject, Long.MIN_VALUE, value);
      case GT -> new Constraint(subject, value + 1, Long.MAX_VALUE);
      case GE -> new Constraint(subject, value, Long.MAX_VALUE);
      default -> null;
    };
  }

  private static PExpr.BinaryOp mirror(PExpr.BinaryOp op) {
    return switch (op) {
      case EQ -> PExpr.BinaryOp.EQ;
      case LT -> PExpr.BinaryOp.GT;
      case LE -> PExpr.BinaryOp.GE;
      case GT -> PExpr.BinaryOp.LT;
      case GE -> PExpr.BinaryOp.LE;
      default -> null;
    };
  }

  /** Values fixed by frame t and the bindings: the same subject means the same value in every conjunct. */
  private static boolean isSubject(PExpr p) {
    return (p instanceof PExpr.Attr a && a.stepsBack() == null)
        || (p instanceof PExpr.Velocity v && v.stepsBack() == null)
        || (p instanceof PExpr.Action act && act.stepsBack() == null);
  }
}
