package dev.nomos.compiler.check.internal;

import dev.nomos.compiler.plan.PExpr;
import dev.nomos.compiler.plan.PType;
import dev.nomos.runtime.Frame;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Moves a checked condition j steps into the past, for the triggers of {@code seq(...) after c}: every
 * read of frame t becomes the same read at t-j (attributes, velocities and the action as history
 * reads, object functions as calls at an earlier frame, {@code step} as {@code step - j}, and
 * quantifiers over objects ({@code exists}, {@code count}) evaluated whole at frame t-j over that
 * frame's objects).
 */
public final class HistoryShift {
  private HistoryShift() {}

  /**
   * {@code quantifier} (an Exists, CountWhere or CountType) read {@code stepsBack} steps back: the
   * object variables bound outside it that it reads must have been there since, those it only skips
   * are carried over.
   */
  public static PExpr.Earlier earlier(PExpr quantifier, PExpr stepsBack) {
    TreeSet<Integer> read = objectsRead(quantifier);
    int[] excluded = quantifier instanceof PExpr.Exists x ? x.excluded()
        : quantifier instanceof PExpr.CountWhere c ? c.excluded() : new int[0];
    int[] skipped = java.util.Arrays.stream(excluded).filter(v -> !read.contains(v)).toArray();
    return new PExpr.Earlier(quantifier, stepsBack, read.stream().mapToInt(Integer::intValue).toArray(), skipped);
  }

  /** {@code e} read {@code j} steps earlier; {@code e} itself for j = 0. */
  public static PExpr shift(PExpr e, int j) {
    if (j == 0 || e instanceof PExpr.Const || e instanceof PExpr.ObjectVar || e instanceof PExpr.Local) {
      return e;
    }
    if (e instanceof PExpr.Attr a) {
      return new PExpr.Attr(a.var(), a.slot(), deeper(a.stepsBack(), j), a.type());
    }
    if (e instanceof PExpr.Velocity v) {
      return new PExpr.Velocity(v.var(), v.axis(), deeper(v.stepsBack(), j));
    }
    if (e instanceof PExpr.Action a) {
      return new PExpr.Action(deeper(a.stepsBack(), j));
    }
    if (e instanceof PExpr.Step) {
      return new PExpr.Binary(PExpr.BinaryOp.SUB, e, new PExpr.Const(j, PType.INT), PType.INT);
    }
    if (e instanceof PExpr.Call c) {
      PExpr.Call args = new PExpr.Call(c.function(), shiftAll(c.args(), j), c.type());
      return c.function().takesFrame() ? new PExpr.CallAt(args, new PExpr.Const(j, PType.INT)) : args;
    }
    if (e instanceof PExpr.CallAt c) {
      PExpr.Call call = c.call();
      return new PExpr.CallAt(new PExpr.Call(call.function(), shiftAll(call.args(), j), call.type()),
          deeper(c.stepsBack(), j));
    }
    if (e instanceof PExpr.Unary u) {
      return new PExpr.Unary(u.op(), shift(u.operand(), j), u.type());
    }
    if (e instanceof PExpr.Binary b) {
      return new PExpr.Binary(b.op(), shift(b.left(), j), shift(b.right(), j), b.type());
    }
    if (e instanceof PExpr.If i) {
      return new PExpr.If(shift(i.condition(), j), shift(i.then(), j), shift(i.otherwise(), j), i.type());
    }
    if (e instanceof PExpr.InSet s) {
      return new PExpr.InSet(shift(s.value(), j), shiftAll(s.elements(), j), s.negated());
    }
    if (e instanceof PExpr.InRange r) {
      return new PExpr.InRange(shift(r.value(), j), shift(r.low(), j), shift(r.high(), j), r.negated());
    }
    if (e instanceof PExpr.HistoryAggregate h) {
      return new PExpr.HistoryAggregate(h.quantifier(), h.local(), h.low(), h.high(), shift(h.body(), j));
    }
    if (e instanceof PExpr.Exists || e instanceof PExpr.CountWhere || e instanceof PExpr.CountType) {
      return earlier(e, new PExpr.Const(j, PType.INT));
    }
    if (e instanceof PExpr.Earlier x) {
      return new PExpr.Earlier(x.body(), deeper(x.stepsBack(), j), x.read(), x.skipped());
    }
    throw new IllegalArgumentException("no earlier form of " + e);
  }

  private static List<PExpr> shiftAll(List<PExpr> list, int j) {
    List<PExpr> out = new ArrayList<>(list.size());
    for (PExpr p : list) {
      out.add(shift(p, j));
    }
    return out;
  }

  private static PExpr deeper(PExpr stepsBack, int j) {
    if (stepsBack == null) {
      return new PExpr.Const(j, PType.INT);
    }
    if (stepsBack instanceof PExpr.Const c) {
      return new PExpr.Const(c.value() + j, PType.INT);
    }
    return new PExpr.Binary(PExpr.BinaryOp.ADD, stepsBack, new PExpr.Const(j, PType.INT), PType.INT);
  }

  /** The most steps back any read of a checked expression looks (0 when it reads only frame t). */
  public static int deepest(PExpr e) {
    return deepest(e, new HashMap<>());
  }

  private static int deepest(PExpr e, Map<Integer, long[]> locals) {
    PExpr steps = null;
    List<PExpr> children = new ArrayList<>();
    if (e instanceof PExpr.Attr a) {
      steps = a.stepsBack();
    } else if (e instanceof PExpr.Velocity v) {
      steps = v.stepsBack();
    } else if (e instanceof PExpr.Action a) {
      steps = a.stepsBack();
    } else if (e instanceof PExpr.CallAt c) {
      steps = c.stepsBack();
      children.addAll(c.call().args());
    } else if (e instanceof PExpr.Call c) {
      children.addAll(c.args());
    } else if (e instanceof PExpr.Unary u) {
      children.add(u.operand());
    } else if (e instanceof PExpr.Binary b) {
      children.add(b.left());
      children.add(b.right());
    } else if (e instanceof PExpr.If i) {
      children.add(i.condition());
      children.add(i.then());
      children.add(i.otherwise());
    } else if (e instanceof PExpr.InSet s) {
      children.add(s.value());
      children.addAll(s.elements());
    } else if (e instanceof PExpr.InRange r) {
      children.add(r.value());
      children.add(r.low());
      children.add(r.high());
    } else if (e instanceof PExpr.HistoryAggregate h) {
      Map<Integer, long[]> inner = new HashMap<>(locals);
      inner.put(h.local(), new long[] {h.low(), h.high()});
      return deepest(h.body(), inner);
    } else if (e instanceof PExpr.Exists x && x.where() != null) {
      children.add(x.where());
    } else if (e instanceof PExpr.CountWhere c && c.where() != null) {
      children.add(c.where());
    } else if (e instanceof PExpr.Next x) {
      // The body runs at t+1: its reads reach one step less far back from t.
      return Math.max(0, deepest(x.body(), locals) - 1);
    } else if (e instanceof PExpr.Earlier x) {
      // The body runs at t-k, so its own reads reach k further back.
      long[] bounds = Intervals.of(x.stepsBack(), locals);
      int k = bounds == null ? Frame.MAX_HISTORY + 1 : (int) Math.min(bounds[1], Frame.MAX_HISTORY + 1);
      return Math.max(deepest(x.stepsBack(), locals), k + deepest(x.body(), locals));
    }
    int most = 0;
    if (steps != null) {
      long[] bounds = Intervals.of(steps, locals);
      most = bounds == null ? Frame.MAX_HISTORY + 1 : (int) Math.min(bounds[1], Frame.MAX_HISTORY + 1);
    }
    for (PExpr child : children) {
      most = Math.max(most, deepest(child, locals));
    }
    return most;
  }

  /** The object variables an expression reads, ascending. */
  public static TreeSet<Integer> objectsRead(PExpr e) {
    TreeSet<Integer> out = new TreeSet<>();
    collectObjects(e, out);
    return out;
  }

  private static void collectObjects(PExpr e, TreeSet<Integer> out) {
    if (e instanceof PExpr.ObjectVar v) {
      out.add(v.var());
    } else if (e instanceof PExpr.Attr a) {
      out.add(a.var());
      if (a.stepsBack() != null) {
        collectObjects(a.stepsBack(), out);
      }
    } else if (e instanceof PExpr.Velocity v) {
      out.add(v.var());
      if (v.stepsBack() != null) {
        collectObjects(v.stepsBack(), out);
      }
    } else if (e instanceof PExpr.Action a) {
      if (a.stepsBack() != null) {
        collectObjects(a.stepsBack(), out);
      }
    } else if (e instanceof PExpr.CallAt c) {
      collectObjects(c.call(), out);
      collectObjects(c.stepsBack(), out);
    } else if (e instanceof PExpr.Call c) {
      c.args().forEach(a -> collectObjects(a, out));
    } else if (e instanceof PExpr.Unary u) {
      collectObjects(u.operand(), out);
    } else if (e instanceof PExpr.Binary b) {
      collectObjects(b.left(), out);
      collectObjects(b.right(), out);
    } else if (e instanceof PExpr.If i) {
      collectObjects(i.condition(), out);
      collectObjects(i.then(), out);
      collectObjects(i.otherwise(), out);
    } else if (e instanceof PExpr.InSet s) {
      collectObjects(s.value(), out);
      s.elements().forEach(x -> collectObjects(x, out));
    } else if (e instanceof PExpr.InRange r) {
      collectObjects(r.value(), out);
      collectObjects(r.low(), out);
      collectObjects(r.high(), out);
    } else if (e instanceof PExpr.HistoryAggregate h) {
      collectObjects(h.body(), out);
    } else if (e instanceof PExpr.Exists x && x.where() != null) {
      collectBound(x.var(), x.where(), out);
    } else if (e instanceof PExpr.CountWhere c && c.where() != null) {
      collectBound(c.var(), c.where(), out);
    } else if (e instanceof PExpr.Next x) {
      for (int v : x.read()) {
        out.add(v);
      }
    } else if (e instanceof PExpr.Earlier x) {
      collectObjects(x.stepsBack(), out);
      for (int v : x.read()) {
        out.add(v);
      }
    }
  }

  /** The variables {@code where} reads, but not {@code var}, which its quantifier binds. */
  private static void collectBound(int var, PExpr where, TreeSet<Integer> out) {
    TreeSet<Integer> inner = new TreeSet<>();
    collectObjects(where, inner);
    inner.remove(var);
    out.addAll(inner);
  }
}
