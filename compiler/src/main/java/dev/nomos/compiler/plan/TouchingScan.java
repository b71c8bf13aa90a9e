package dev.nomos.compiler.plan;

import dev.nomos.stdlib.Geometry;
import dev.nomos.stdlib.Side;
import dev.nomos.stdlib.StdlibFunction;

/**
 * A quantifier ({@code exists v: T where ...}, {@code count v: T where ...}) whose condition requires
 * v to touch an object o bound outside it: a conjunct of the condition's top-level {@code and}s is
 * {@code touching(o, v)} (or {@code contact}) or {@code side(o, v) == S} with S not NONE, either way
 * round. Both engines then visit only the objects of T that touch o, read off the frame's contact pairs
 * ({@code Frame.contacts}), in the order of the whole scan: the condition is false on the others, and
 * a condition has no effect, so the value is the same. Only the objects visited count toward the
 * binding budget. This class is the one place that recognises the shape.
 */
public final class TouchingScan {
  private TouchingScan() {}

  /** The object variable {@code var} must touch for {@code where} to hold, or -1 where none is required. */
  public static int near(int var, PExpr where) {
    if (where instanceof PExpr.Binary b && b.op() == PExpr.BinaryOp.AND) {
      int left = near(var, b.left());
      return left >= 0 ? left : near(var, b.right());
    }
    if (where instanceof PExpr.Call c && isGeometry(c.function(), "touching")) {
      return other(c, var);
    }
    if (where instanceof PExpr.Binary b && b.op() == PExpr.BinaryOp.EQ) {
      if (b.left() instanceof PExpr.Call c && b.right() instanceof PExpr.Const k && isTouchedSide(c, k)) {
        return other(c, var);
      }
      if (b.right() instanceof PExpr.Call c && b.left() instanceof PExpr.Const k && isTouchedSide(c, k)) {
        return other(c, var);
      }
    }
    return -1;
  }

  /** {@code side(a, b)} compared with a side other than NONE: true only where a and b touch. */
  private static boolean isTouchedSide(PExpr.Call c, PExpr.Const k) {
    return isGeometry(c.function(), "side") && k.value() != Side.NONE.ordinal();
  }

  private static boolean isGeometry(StdlibFunction f, String javaName) {
    return f.owner() == Geometry.class && f.javaName().equals(javaName);
  }

  /** The other object of a call on {@code var} and one more object variable, or -1. */
  private static int other(PExpr.Call c, int var) {
    if (c.args().size() != 2 || !(c.args().get(0) instanceof PExpr.ObjectVar a)
        || !(c.args().get(1) instanceof PExpr.ObjectVar b)) {
      return -1;
    }
    if (a.var() == var && b.var() != var) {
      return b.var();
    }
    if (b.var() == var && a.var() != var) {
      return a.var();
    }
    return -1;
  }
}
