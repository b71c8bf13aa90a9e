package dev.nomos.compiler.ast;

import dev.nomos.compiler.source.Span;
import java.util.List;

/**
 * {@code law name [weight w] { binders... [when guard] then effects... }}. {@code weight} is null
 * when not written (a fresh law); {@code weightText} keeps the literal as written so formatting
 * round-trips exactly. {@code guard} is null when the law has no {@code when}.
 */
public record LawDecl(Name name, String doc, Double weight, String weightText, List<Binder> binders, Expr guard,
    List<Effect> effects, Span span, Cases cases) implements TopDecl {

  public LawDecl {
    binders = List.copyOf(binders);
    effects = List.copyOf(effects);
  }

  /** A law without cases. */
  public LawDecl(Name name, String doc, Double weight, String weightText, List<Binder> binders, Expr guard,
      List<Effect> effects, Span span) {
    this(name, doc, weight, weightText, binders, guard, effects, span, null);
  }

  /**
   * {@code for T in {wall, door}, n in {1, 2}}: the law stands for one law per combination of
   * values (the last parameter varying fastest). {@code weightTexts} are the weights written after
   * {@code weight}, one per combination in that order (or a single one for all); {@code weight} and
   * {@code weightText} then hold the first.
   */
  public record Cases(List<Param> params, List<String> weightTexts, Span span) implements Node {
    public Cases {
      params = List.copyOf(params);
      weightTexts = List.copyOf(weightTexts);
    }
  }

  /** One parameter and its values: type names, symbols ({@link Expr.NameRef}) or ints ({@link Expr.IntLit}). */
  public record Param(Name name, List<Expr> values, Span span) implements Node {
    public Param {
      values = List.copyOf(values);
    }
  }

  /** Every binding the law's binder clauses introduce, in order. */
  public List<Binding> bindings() {
    return binders.stream().flatMap(b -> b.bindings().stream()).toList();
  }
}
