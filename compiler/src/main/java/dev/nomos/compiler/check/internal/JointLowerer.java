package dev.nomos.compiler.check.internal;

import dev.nomos.compiler.ast.Effect;
import dev.nomos.compiler.check.internal.EffectLowerer.TargetInfo;
import dev.nomos.compiler.check.internal.ExprLowerer.Typed;
import dev.nomos.compiler.check.internal.LawContext.ObjectVar;
import dev.nomos.compiler.diag.Codes;
import dev.nomos.compiler.plan.PEffect;
import dev.nomos.compiler.plan.PExpr;
import dev.nomos.compiler.plan.PType;
import dev.nomos.runtime.Slots;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Checks a joint choice ({@code choose { ... }}) and lowers it: every alternative assigns targets
 * of one object, each at most once; weights on all alternatives or on none; presence stays out. A
 * target that an alternative leaves out keeps its value at t there, so the lowered form gives every
 * alternative a value for every target the choice names.
 */
final class JointLowerer {
  private final LawContext cx;
  private final ExprLowerer lower;
  private final EffectLowerer effects;

  JointLowerer(LawContext cx, ExprLowerer lower, EffectLowerer effects) {
    this.cx = cx;
    this.lower = lower;
    this.effects = effects;
  }

  /** The lowered choice, or null after reporting its errors. */
  PEffect lower(Effect.Choose choose) {
    boolean ok = checkWeights(choose);
    ObjectVar object = null;
    TreeMap<Integer, TargetInfo> targets = new TreeMap<>();
    List<Map<Integer, PExpr>> assigned = new ArrayList<>();
    for (Effect.JointAlt alt : choose.alternatives()) {
      Map<Integer, PExpr> values = new HashMap<>();
      Map<Integer, String> written = new HashMap<>();
      assigned.add(values);
      if (alt.stay() != null && !alt.stay().text().equals("stay")) {
        cx.error(Codes.JOINT_BAD_WORD, alt.stay().span(), "`" + alt.stay().text() + "` is not an alternative of `choose`",
            "write `stay` (every target keeps its value) or assignments such as `m.vx := 1, m.vy := 0`");
        ok = false;
      }
      for (Effect.Assign a : alt.assignments()) {
        TargetInfo t = effects.target(a.target());
        if (t == null) {
          ok = false;
          continue;
        }
        if (t.slot() == Slots.REWARD || t.slot() == Slots.END) {
          cx.error(Codes.JOINT_WORLD, a.target().span(), "the world's `" + t.display()
              + "` is not chosen jointly with an object's targets", "state it in an effect of its own next to the "
              + "`choose`, such as `reward ~ weighted(0: 0.9, 1: 0.1)`");
          ok = false;
          continue;
        }
        if (t.slot() == Slots.ALIVE) {
          cx.error(Codes.JOINT_PRESENCE, a.target().span(), "presence is not chosen jointly: `" + t.display()
              + "` cannot be assigned in a `choose`", "state presence in an effect of its own, such as `destroy "
              + t.object().name + "` or `" + t.object().name + ".alive := true`, next to the `choose`");
          ok = false;
          continue;
        }
        if (object == null) {
          object = t.object();
        } else if (object.var != t.object().var) {
          cx.error(Codes.JOINT_OBJECTS, a.target().span(), "this `choose` speaks about `" + object.name
              + "`, but this alternative assigns `" + t.display() + "`",
              "a joint choice is over the targets of one object: write one `choose` per object");
          ok = false;
          continue;
        }
        if (values.containsKey(t.slot())) {
          String axis = t.slot() == Slots.X ? "x" : "y";
          boolean bothSpellings = !written.get(t.slot()).equals(t.display());
          cx.error(Codes.JOINT_TARGET_TWICE, a.span(), "`" + t.display() + "` is assigned twice in this alternative"
              + (bothSpellings ? " (`" + axis + "` and `v" + axis + "` are one target: the next position)" : ""),
              "keep one assignment per target in each alternative");
          ok = false;
          continue;
        }
        Typed v = effects.checkValue(t, a.value(), lower.lower(a.value(), t.type()));
        if (v == null) {
          ok = false;
          continue;
        }
        values.put(t.slot(), EffectLowerer.next(t, v.plan()));
        written.put(t.slot(), t.display());
        targets.putIfAbsent(t.slot(), t);
      }
    }
    if (ok && targets.isEmpty()) {
      cx.error(Codes.JOINT_NO_TARGET, choose.span(), "this `choose` assigns nothing: every alternative is `stay`",
          "assign a target in at least one alternative, e.g. `m.vx := 1`");
      return null;
    }
    if (!ok) {
      return null;
    }
    warnDuplicates(choose);
    for (TargetInfo t : targets.values()) {
      effects.noteTarget(EffectLowerer.key(t), t.display(), choose.span());
    }
    int[] slots = targets.keySet().stream().mapToInt(Integer::intValue).toArray();
    List<List<PExpr>> values = new ArrayList<>();
    double[] weights = new double[assigned.size()];
    for (int a = 0; a < assigned.size(); a++) {
      List<PExpr> row = new ArrayList<>();
      for (int slot : slots) {
        PExpr v = assigned.get(a).get(slot);
        row.add(v != null ? v : unchanged(object.var, targets.get(slot)));
      }
      values.add(row);
      weights[a] = choose.alternatives().get(a).weight();
    }
    return new PEffect.Joint(object.var, slots, values, weights);
  }

  /** The value a target keeps when an alternative leaves it out: its value at t. */
  private static PExpr unchanged(int var, TargetInfo t) {
    return new PExpr.Attr(var, t.slot(), null, t.type().kind() == Ty.Kind.BOOL ? PType.BOOL : PType.INT);
  }

  /** Weights on every alternative or on none, each positive. */
  private boolean checkWeights(Effect.Choose choose) {
    boolean ok = true;
    long weighted = choose.alternatives().stream().filter(Effect.JointAlt::weighted).count();
    for (Effect.JointAlt alt : choose.alternatives()) {
      if (weighted > 0 && !alt.weighted()) {
        cx.error(Codes.JOINT_WEIGHTS_MIXED, alt.span(), "this alternative has no weight, but other alternatives of the `choose` have one",
            "give every alternative a weight, or none (then they are equally likely)");
        ok = false;
      } else if (alt.weighted() && (!(alt.weight() > 0) || Double.isInfinite(alt.weight()))) {
        cx.error(Codes.BAD_WEIGHT, alt.span(), "the weight of an alternative must be positive, got " + alt.weightText(),
            "leave out alternatives that should never happen");
        ok = false;
      }
    }
    return ok;
  }

  /** Warns about an alternative written exactly like an earlier one (likely a copy left unedited). */
  private void warnDuplicates(Effect.Choose choose) {
    Map<String, Integer> seen = new HashMap<>();
    for (int a = 0; a < choose.alternatives().size(); a++) {
      Effect.JointAlt alt = choose.alternatives().get(a);
      TreeMap<String, String> canonical = new TreeMap<>();
      for (Effect.Assign assign : alt.assignments()) {
        canonical.put(cx.text(assign.target().span()), cx.text(assign.value().span()).replaceAll("\\s+", " "));
      }
      Integer first = seen.putIfAbsent(canonical.toString(), a);
      if (first != null) {
        cx.warning(Codes.JOINT_DUPLICATE_ALTERNATIVE, alt.span(), "this alternative is written like alternative "
            + (first + 1) + " of the `choose`; alternatives with the same values add their weights",
            "write it once, with the sum of their weights");
      }
    }
  }
}
