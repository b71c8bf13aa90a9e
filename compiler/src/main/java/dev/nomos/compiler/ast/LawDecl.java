package dev.nomos.compiler.ast;

import dev.nomos.compiler.source.Span;
import java.util.List;

/**
 * {@code law name [weight w] { binders... [when guard] then effects... }}. {@code weight} is null
 * when not written (a fresh law); {@code weightText} keeps the literal as written so formatting
 * round-trips exactly. {@code guard} is null when the law has no {@code when}.
 */
public record LawDecl(Name name, String doc, Double weight, String weightText, List<Binder> binders, Expr guard,
    List<Effect> effects, Span span) implements TopDecl {

  public LawDecl {
    binders = List.copyOf(binders);
    effects = List.copyOf(effects);
  }

  /** Every binding the law's binder clauses introduce, in order. */
  public List<Binding> bindings() {
    return binders.stream().flatMap(b -> b.bindings().stream()).toList();
  }
}
