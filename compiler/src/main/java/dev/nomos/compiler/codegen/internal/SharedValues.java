package dev.nomos.compiler.codegen.internal;

import dev.nomos.compiler.plan.PExpr;
import java.util.HashSet;
import java.util.Set;

/**
 * Which expressions the members of a fusion group may share per binding: those that walk history
 * (a count or quantifier over past steps, a value at an earlier step, a stdlib call at an earlier
 * step), whose value depends only on the frame, the bound objects and the constants they read. In a
 * group, members that read the same constants there get the value worked out by the first of them
 * ({@code ApplyEmitter}'s memo); members differ in thresholds and effects far more often than in the
 * history they look at.
 */
final class SharedValues {
  private SharedValues() {}

  /** Whether {@code e} is worth sharing and depends on nothing but the frame, the bound objects and its constants. */
  static boolean shareable(PExpr e) {
    boolean walksHistory = e instanceof PExpr.HistoryAggregate || e instanceof PExpr.Earlier
        || e instanceof PExpr.CallAt;
    return walksHistory && closed(e, new HashSet<>());
  }

  /**
   * Whether every aggregate counter {@code e} reads is one of {@code bound} or bound inside it, and it
   * reads no next frame and binds no objects of its own (their scans count toward the law's budget).
   */
  private static boolean closed(PExpr e, Set<Integer> bound) {
    if (e instanceof PExpr.Local l) {
      return bound.contains(l.index());
    }
    if (e instanceof PExpr.Next || e instanceof PExpr.Exists || e instanceof PExpr.CountWhere) {
      return false;
    }
    if (e instanceof PExpr.HistoryAggregate h) {
      boolean added = bound.add(h.local());
      boolean ok = closed(h.body(), bound);
      if (added) {
        bound.remove(h.local());
      }
      return ok;
    }
    if (e instanceof PExpr.Attr a) {
      return a.stepsBack() == null || closed(a.stepsBack(), bound);
    }
    if (e instanceof PExpr.Velocity v) {
      return v.stepsBack() == null || closed(v.stepsBack(), bound);
    }
    if (e instanceof PExpr.Action a) {
      return a.stepsBack() == null || closed(a.stepsBack(), bound);
    }
    if (e instanceof PExpr.Call c) {
      return c.args().stream().allMatch(arg -> closed(arg, bound));
    }
    if (e instanceof PExpr.CallAt c) {
      return closed(c.call(), bound) && closed(c.stepsBack(), bound);
    }
    if (e instanceof PExpr.Unary u) {
      return closed(u.operand(), bound);
    }
    if (e instanceof PExpr.Binary b) {
      return closed(b.left(), bound) && closed(b.right(), bound);
    }
    if (e instanceof PExpr.If i) {
      return closed(i.condition(), bound) && closed(i.then(), bound) && closed(i.otherwise(), bound);
    }
    if (e instanceof PExpr.InSet s) {
      return closed(s.value(), bound) && s.elements().stream().allMatch(x -> closed(x, bound));
    }
    if (e instanceof PExpr.InRange r) {
      return closed(r.value(), bound) && closed(r.low(), bound) && closed(r.high(), bound);
    }
    if (e instanceof PExpr.Earlier x) {
      return closed(x.body(), bound) && closed(x.stepsBack(), bound);
    }
    return e instanceof PExpr.Const || e instanceof PExpr.ObjectVar || e instanceof PExpr.Step
        || e instanceof PExpr.CountType;
  }
}
