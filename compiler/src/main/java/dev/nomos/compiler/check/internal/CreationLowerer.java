package dev.nomos.compiler.check.internal;

import dev.nomos.compiler.ast.Chance;
import dev.nomos.compiler.ast.Effect;
import dev.nomos.compiler.ast.Expr;
import dev.nomos.compiler.ast.Places;
import dev.nomos.compiler.check.internal.ExprLowerer.Typed;
import dev.nomos.compiler.diag.Codes;
import dev.nomos.compiler.plan.PEffect;
import dev.nomos.compiler.plan.PExpr;
import dev.nomos.runtime.WorldSchema;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks and lowers the creations of one law ({@code spawn T at places with probability p}):
 * the type, every place's x and y (ints, literal ones on the screen), the places' weights, and the
 * probability. Fitted probabilities are numbered in the order the law states them.
 */
final class CreationLowerer {
  private final LawContext cx;
  private final ExprLowerer lower;
  private final EffectLowerer effects;
  private final WorldSchema schema;
  private int fitted;

  CreationLowerer(LawContext cx, ExprLowerer lower, EffectLowerer effects) {
    this.cx = cx;
    this.lower = lower;
    this.effects = effects;
    this.schema = cx.schema;
  }

  PEffect lower(Effect.Create c) {
    int type = cx.resolveType(c.type(), false);
    boolean ok = type != LawContext.UNKNOWN_TYPE;
    double probability = 1;
    int chance = -1;
    Chance p = c.chance();
    if (p != null) {
      // A fitted probability without a start is NaN: the runtime's even chance until fitted, and
      // fitting starts it from the data.
      double value = p.value();
      if (!(p.fitted() && p.text() == null) && !(value > 0 && value < 1)) {
        cx.error(Codes.BAD_PROBABILITY, p.span(), "the probability of a creation must lie strictly between 0 and 1, got "
            + p.text(), value >= 1 ? "a creation that always happens needs no probability: leave out `with probability`"
            : "a creation that never happens is no law: remove it");
        ok = false;
      }
      probability = value;
      if (p.fitted()) {
        chance = fitted++;
      }
    }
    if (c.places() instanceof Places.Range r) {
      PExpr[] corners = corners(r);
      if (corners == null || !ok) {
        return null;
      }
      return new PEffect.CreateRange(type, corners[0], corners[1], corners[2], corners[3], probability, chance);
    }
    List<Places.Place> places = new ArrayList<>();
    List<Double> weights = new ArrayList<>();
    if (c.places() instanceof Places.Point point) {
      places.add(point.place());
      weights.add(1.0);
    } else if (c.places() instanceof Places.OneOf one) {
      places.addAll(one.places());
      one.places().forEach(x -> weights.add(1.0));
    } else {
      for (Places.WeightedPlace wp : ((Places.Weighted) c.places()).places()) {
        places.add(wp.place());
        weights.add(wp.weight());
        if (!(wp.weight() > 0) || Double.isInfinite(wp.weight())) {
          cx.error(Codes.BAD_PLACE_WEIGHT, wp.span(), "the weight of a place must be positive, got " + wp.weightText(),
              "leave out places where the object never appears");
          ok = false;
        }
      }
    }
    List<PExpr> xs = new ArrayList<>();
    List<PExpr> ys = new ArrayList<>();
    for (Places.Place place : places) {
      PExpr[] xy = place(place);
      ok &= xy != null;
      if (xy != null) {
        xs.add(xy[0]);
        ys.add(xy[1]);
      }
    }
    if (!ok) {
      return null;
    }
    return new PEffect.Create(type, xs, ys, weights.stream().mapToDouble(Double::doubleValue).toArray(), probability,
        chance);
  }

  private PExpr[] corners(Places.Range r) {
    PExpr[] lo = place(r.low());
    PExpr[] hi = place(r.high());
    if (lo == null || hi == null) {
      return null;
    }
    if (inverted(r.low().x(), r.high().x()) || inverted(r.low().y(), r.high().y())) {
      cx.error(Codes.EMPTY_PLACES, r.span(), "this range of places is empty: a corner lies after the other",
          "write the top-left corner first, then the bottom-right one");
      return null;
    }
    return new PExpr[] {lo[0], lo[1], hi[0], hi[1]};
  }

  private static boolean inverted(Expr lo, Expr hi) {
    return lo instanceof Expr.IntLit l && hi instanceof Expr.IntLit h && l.value() > h.value();
  }

  private PExpr[] place(Places.Place place) {
    Typed x = lower.expect(place.x(), Ty.INT, "the x of `spawn`");
    Typed y = lower.expect(place.y(), Ty.INT, "the y of `spawn`");
    boolean ok = x.ok() && y.ok();
    ok &= effects.onScreen(place.x(), schema.screenWidth(), "x");
    ok &= effects.onScreen(place.y(), schema.screenHeight(), "y");
    return ok ? new PExpr[] {x.plan(), y.plan()} : null;
  }
}
