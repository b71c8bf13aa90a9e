package dev.nomos.compiler.check;

import dev.nomos.compiler.plan.LawPlan;
import dev.nomos.compiler.plan.Loop;
import dev.nomos.compiler.plan.PEffect;
import dev.nomos.compiler.plan.PExpr;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Plans as short S-expressions, so lowering tests read like the law they lower (arrays compare by value). */
final class PlanText {
  private PlanText() {}

  static String of(LawPlan p) {
    StringBuilder sb = new StringBuilder();
    for (Loop l : p.loops()) {
      if (l instanceof Loop.Each e) {
        sb.append("each v").append(e.var()).append(':').append(e.type()).append('\n');
      } else {
        Loop.Contact c = (Loop.Contact) l;
        sb.append("contact v").append(c.varA()).append(':').append(c.typeA()).append(" v").append(c.varB()).append(':')
            .append(c.typeB()).append(" side=").append(c.side()).append(" cover=").append(c.minCoverPercent()).append('\n');
      }
    }
    sb.append("when ").append(of(p.guard())).append('\n');
    for (PEffect e : p.effects()) {
      sb.append(of(e)).append('\n');
    }
    return sb.append("vars=").append(p.objectVars()).append(" locals=").append(p.intLocals()).toString();
  }

  static String of(PEffect e) {
    if (e instanceof PEffect.Exact x) {
      return "exact v" + x.var() + "[" + x.slot() + "] " + of(x.value());
    }
    if (e instanceof PEffect.Range r) {
      return "range v" + r.var() + "[" + r.slot() + "] " + of(r.low()) + " " + of(r.high());
    }
    if (e instanceof PEffect.Choice c) {
      StringBuilder sb = new StringBuilder("choice v" + c.var() + "[" + c.slot() + "]");
      for (int i = 0; i < c.values().size(); i++) {
        sb.append(' ').append(of(c.values().get(i))).append(':').append(c.weights()[i]);
      }
      return sb.toString();
    }
    if (e instanceof PEffect.Joint j) {
      StringBuilder sb = new StringBuilder("joint v" + j.var() + java.util.Arrays.toString(j.slots()));
      for (int a = 0; a < j.values().size(); a++) {
        sb.append(a == 0 ? " " : " | ");
        for (int i = 0; i < j.slots().length; i++) {
          sb.append(i == 0 ? "" : ",").append(of(j.values().get(a).get(i)));
        }
        sb.append(':').append(j.weights()[a]);
      }
      return sb.toString();
    }
    if (e instanceof PEffect.ComputedChoice c) {
      StringBuilder sb = new StringBuilder("choice v" + c.var() + "[" + c.slot() + "]");
      for (int i = 0; i < c.values().size(); i++) {
        sb.append(' ').append(of(c.values().get(i))).append(':').append(c.scales()[i]).append('*')
            .append(of(c.weights().get(i)));
      }
      return sb.toString();
    }
    if (e instanceof PEffect.If i) {
      return "if " + of(i.condition()) + " then " + of(i.then()) + (i.otherwise() == null ? "" : " else " + of(i.otherwise()));
    }
    if (e instanceof PEffect.Create c) {
      StringBuilder sb = new StringBuilder("create " + c.type() + " p" + c.probability() + " chance" + c.chance());
      for (int i = 0; i < c.xs().size(); i++) {
        sb.append(" (").append(of(c.xs().get(i))).append(", ").append(of(c.ys().get(i))).append("):").append(c.weights()[i]);
      }
      return sb.toString();
    }
    if (e instanceof PEffect.CreateRange r) {
      return "create " + r.type() + " p" + r.probability() + " chance" + r.chance() + " range (" + of(r.x0()) + ", "
          + of(r.y0()) + ") (" + of(r.x1()) + ", " + of(r.y1()) + ")";
    }
    PEffect.Spawn s = (PEffect.Spawn) e;
    return "spawn " + s.type() + " " + of(s.x()) + " " + of(s.y());
  }

  static String of(PExpr e) {
    if (e == null) {
      return "null";
    }
    if (e instanceof PExpr.Const c) {
      return c.type() == dev.nomos.compiler.plan.PType.BOOL ? (c.value() == 1 ? "true" : "false") : String.valueOf(c.value());
    }
    if (e instanceof PExpr.ObjectVar v) {
      return "v" + v.var();
    }
    if (e instanceof PExpr.Attr a) {
      return "v" + a.var() + "[" + a.slot() + "]" + steps(a.stepsBack());
    }
    if (e instanceof PExpr.Velocity v) {
      return (v.axis() == 0 ? "vx" : "vy") + "(v" + v.var() + ")" + steps(v.stepsBack());
    }
    if (e instanceof PExpr.Action a) {
      return "action" + steps(a.stepsBack());
    }
    if (e instanceof PExpr.Local l) {
      return "k" + l.index();
    }
    if (e instanceof PExpr.Step) {
      return "step";
    }
    if (e instanceof PExpr.CallAt c) {
      return of(c.call()) + steps(c.stepsBack());
    }
    if (e instanceof PExpr.Call c) {
      return "(" + c.function().name() + c.args().stream().map(a -> " " + of(a)).collect(Collectors.joining()) + ")";
    }
    if (e instanceof PExpr.Unary u) {
      return "(" + u.op().name().toLowerCase() + " " + of(u.operand()) + ")";
    }
    if (e instanceof PExpr.Binary b) {
      return "(" + b.op().name().toLowerCase() + " " + of(b.left()) + " " + of(b.right()) + ")";
    }
    if (e instanceof PExpr.If i) {
      return "(if " + of(i.condition()) + " " + of(i.then()) + " " + of(i.otherwise()) + ")";
    }
    if (e instanceof PExpr.InSet s) {
      return "(" + (s.negated() ? "notin " : "in ") + of(s.value()) + " {"
          + s.elements().stream().map(PlanText::of).collect(Collectors.joining(" ")) + "})";
    }
    if (e instanceof PExpr.InRange r) {
      return "(" + (r.negated() ? "notin " : "in ") + of(r.value()) + " " + of(r.low()) + ".." + of(r.high()) + ")";
    }
    if (e instanceof PExpr.Exists x) {
      return "(exists v" + x.var() + ":" + x.entityType() + " excl" + Arrays.toString(x.excluded()) + " " + of(x.where()) + ")";
    }
    if (e instanceof PExpr.CountWhere x) {
      return "(count v" + x.var() + ":" + x.entityType() + " excl" + Arrays.toString(x.excluded()) + " " + of(x.where()) + ")";
    }
    if (e instanceof PExpr.CountType c) {
      return "(count-type " + c.entityType() + ")";
    }
    if (e instanceof PExpr.Earlier x) {
      return of(x.body()) + steps(x.stepsBack()) + " read " + java.util.Arrays.toString(x.read()) + " skipped "
          + java.util.Arrays.toString(x.skipped());
    }
    PExpr.HistoryAggregate h = (PExpr.HistoryAggregate) e;
    return "(" + h.quantifier().name().toLowerCase() + " k" + h.local() + " " + h.low() + ".." + h.high() + " "
        + of(h.body()) + ")";
  }

  private static String steps(PExpr s) {
    return s == null ? "" : "@" + of(s);
  }
}
