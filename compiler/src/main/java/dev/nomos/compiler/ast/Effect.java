package dev.nomos.compiler.ast;

import dev.nomos.compiler.source.Span;
import java.util.List;

/** What a law says about frame t+1. */
public sealed interface Effect extends Node {

  /** {@code b.vy := -b.vy}. */
  record Assign(Target target, Expr value, Span span) implements Effect {}

  /** {@code p.vy ~ one_of(-6, -5)}. */
  record OneOf(Target target, List<Expr> values, Span span) implements Effect {
    public OneOf {
      values = List.copyOf(values);
    }
  }

  /** {@code p.vx ~ range(-2, 2)}: every value from lo to hi inclusive. */
  record Range(Target target, Expr low, Expr high, Span span) implements Effect {}

  /** {@code p.vy ~ weighted(-6: 0.3, -5: 0.7)}. */
  record Weighted(Target target, List<WeightedAlt> alternatives, Span span) implements Effect {
    public Weighted {
      alternatives = List.copyOf(alternatives);
    }
  }

  /**
   * One {@code value: weight} pair. A number literal is {@code weight} with {@code weightText} as
   * written and {@code weightExpr} null; any other weight is the int expression {@code weightExpr},
   * read at t ({@code weight} is then NaN and {@code weightText} null).
   */
  record WeightedAlt(Expr value, double weight, String weightText, Expr weightExpr, Span span) implements Node {
    public WeightedAlt(Expr value, double weight, String weightText, Span span) {
      this(value, weight, weightText, null, span);
    }
  }

  /**
   * {@code p.vy := seq(-6, -7, -4) after c}: when {@code c} held j steps ago (j = 0 is now; the most
   * recent trigger wins), the target gets the j-th value; with no trigger in the last n steps the law
   * has no opinion.
   */
  record Sequence(Target target, List<Expr> values, Expr trigger, Span span) implements Effect {
    public Sequence {
      values = List.copyOf(values);
    }
  }

  /**
   * {@code choose { stay weight 0.8 | m.vx := 1 weight 0.1 | m.vy := 1, m.vx := 0 weight 0.1 }}:
   * one opinion on several targets of one object together. Each alternative assigns some of the
   * targets; a target an alternative leaves out keeps its value at t there.
   */
  record Choose(List<JointAlt> alternatives, Span span) implements Effect {
    public Choose {
      alternatives = List.copyOf(alternatives);
    }
  }

  /**
   * One alternative of a {@code choose}: its assignments (none when it is the word {@code stay},
   * kept in {@code stay} so the checker can name a misspelling), and its weight as written
   * ({@code weightText} null when it has none).
   */
  record JointAlt(Name stay, List<Assign> assignments, double weight, String weightText, Span span) implements Node {
    public JointAlt {
      assignments = List.copyOf(assignments);
    }

    public boolean weighted() {
      return weightText != null;
    }
  }

  /** {@code destroy k}. */
  record Destroy(Name object, Span span) implements Effect {}

  /** {@code spawn Bullet at (p.x, p.y - 4)}. */
  record Spawn(Name type, Expr x, Expr y, Span span) implements Effect {}

  /**
   * {@code spawn Bomb at (a.x, a.y) with probability 0.05}, {@code spawn Alien at one_of(...)}: a
   * creation with a probability (null: certain) and a distribution of places.
   */
  record Create(Name type, Places places, Chance chance, Span span) implements Effect {}
}
