package dev.nomos.compiler.ast;

import dev.nomos.compiler.source.Span;
import java.util.List;

/** Where a creation puts its new object: one place, or a distribution of places. */
public sealed interface Places extends Node {

  /** {@code (x, y)}: one place. */
  record Point(Place place, Span span) implements Places {}

  /** {@code one_of((x1, y1), (x2, y2))}: each place equally. */
  record OneOf(List<Place> places, Span span) implements Places {
    public OneOf {
      places = List.copyOf(places);
    }
  }

  /** {@code weighted((x1, y1): 3, (x2, y2): 1)}: the places with relative weights. */
  record Weighted(List<WeightedPlace> places, Span span) implements Places {
    public Weighted {
      places = List.copyOf(places);
    }
  }

  /** {@code range((x0, y0), (x1, y1))}: every place of the rectangle between two corners, equally. */
  record Range(Place low, Place high, Span span) implements Places {}

  /** Every place written, in order (a range's two corners). */
  static List<Place> all(Places places) {
    if (places instanceof Point p) {
      return List.of(p.place());
    }
    if (places instanceof OneOf o) {
      return o.places();
    }
    if (places instanceof Weighted w) {
      return w.places().stream().map(WeightedPlace::place).toList();
    }
    Range r = (Range) places;
    return List.of(r.low(), r.high());
  }

  /** One place: the top-left corner of the new object. */
  record Place(Expr x, Expr y, Span span) implements Node {}

  /** One {@code (x, y): weight} pair; {@code weightText} is the literal as written. */
  record WeightedPlace(Place place, double weight, String weightText, Span span) implements Node {}
}
