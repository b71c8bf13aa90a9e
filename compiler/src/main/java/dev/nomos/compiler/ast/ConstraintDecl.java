package dev.nomos.compiler.ast;

import dev.nomos.compiler.source.Span;
import java.util.List;

/**
 * {@code constraint name { binders... [when guard] then requirements... }}: hard requirements on
 * targets of frame t+1, for every binding whose guard holds at t. A requirement is held as the
 * effect it restricts the target to: {@code p.cx == e} as an {@link Effect.Assign} and
 * {@code p.y in lo..hi} as an {@link Effect.Range}. {@code weightSpan} is the span of a weight
 * written by mistake (constraints carry none), or null.
 */
public record ConstraintDecl(Name name, String doc, List<Binder> binders, Expr guard, List<Effect> requirements,
    Span weightSpan, Span span) implements TopDecl {

  public ConstraintDecl {
    binders = List.copyOf(binders);
    requirements = List.copyOf(requirements);
  }

  /** The constraint seen as a law of the same binders, guard and effects: how it is checked and run. */
  public LawDecl asLaw() {
    return new LawDecl(name, doc, null, null, binders, guard, requirements, span);
  }
}
