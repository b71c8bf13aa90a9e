package dev.nomos.compiler.check.internal;

import dev.nomos.compiler.plan.PExpr;
import java.util.Map;

/** Static bounds of int expressions built from constants and step variables (for history depths). */
public final class Intervals {
  private Intervals() {}

  /**
   * {@code {lo, hi}} such that the expression always evaluates within them, or null when the
   * expression reads anything that is not a constant or a step variable with known bounds.
   */
  public static long[] of(PExpr e, Map<Integer, long[]> localBounds) {
    if (e instanceof PExpr.Const c) {
      return new long[] {c.value(), c.value()};
    }
    if (e instanceof PExpr.Local l) {
      return localBounds.get(l.index());
    }
    if (e instanceof PExpr.Unary u && u.op() == PExpr.UnaryOp.NEG) {
      long[] v = of(u.operand(), localBounds);
      return v == null ? null : new long[] {-v[1], -v[0]};
    }
    if (e instanceof PExpr.Binary b) {
      long[] l = of(b.left(), localBounds);
      long[] r = of(b.right(), localBounds);
      if (l == null || r == null) {
        return null;
      }
      switch (b.op()) {
        case ADD:
          return new long[] {l[0] + r[0], l[1] + r[1]};
        case SUB:
          return new long[] {l[0] - r[1], l[1] - r[0]};
        case MUL: {
          long a = l[0] * r[0], bb = l[0] * r[1], c = l[1] * r[0], d = l[1] * r[1];
          return new long[] {Math.min(Math.min(a, bb), Math.min(c, d)), Math.max(Math.max(a, bb), Math.max(c, d))};
        }
        default:
          return null;
      }
    }
    return null;
  }
}
