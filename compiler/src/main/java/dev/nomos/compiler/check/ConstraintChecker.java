package dev.nomos.compiler.check;

import dev.nomos.compiler.ast.ConstraintDecl;
import dev.nomos.compiler.ast.Effect;
import dev.nomos.compiler.ast.Expr;
import dev.nomos.compiler.ast.LawDecl;
import dev.nomos.compiler.ast.Name;
import dev.nomos.compiler.ast.Target;
import dev.nomos.compiler.diag.Codes;
import dev.nomos.compiler.diag.Diagnostic;
import dev.nomos.compiler.source.SourceFile;
import dev.nomos.compiler.source.Span;
import dev.nomos.runtime.WorldSchema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a {@code constraint} and lowers it to a {@link dev.nomos.compiler.plan.LawPlan}: its
 * binders, guard and requirements are those of a law whose effects are the requirements, so both
 * engines run it unchanged and the runtime reads its opinions as hard restrictions
 * (docs/runtime.md, "Constraints").
 *
 * <p>A requirement may name the derived edges and centre ({@code left right top bottom cx cy}) of
 * the next frame, which laws cannot write: since sizes are carried over, {@code p.cx == e} is
 * {@code p.x == e - p.w / 2} exactly (the centre rounds the same way), and the others likewise.
 */
public final class ConstraintChecker {
  private final WorldSchema schema;
  private final SourceFile source;
  private final List<Diagnostic> out;
  private final MeaningRecorder meaning;

  public ConstraintChecker(WorldSchema schema, SourceFile source, List<Diagnostic> out) {
    this(schema, source, out, MeaningRecorder.NONE);
  }

  /** {@code meaning}: where the names and types the check resolves are recorded. */
  public ConstraintChecker(WorldSchema schema, SourceFile source, List<Diagnostic> out, MeaningRecorder meaning) {
    this.schema = schema;
    this.source = source;
    this.out = out;
    this.meaning = meaning;
  }

  public LawChecker.Result check(ConstraintDecl constraint) {
    boolean ownError = false;
    if (constraint.weightSpan() != null) {
      out.add(Diagnostic.error(Codes.CONSTRAINT_WEIGHT, source, constraint.weightSpan(),
              "constraint `" + constraint.name().text() + "` has a weight, but constraints carry none")
          .withHint("a constraint always holds; remove the weight, or write a law if the rule may be broken"));
      ownError = true;
    }
    List<Effect> requirements = constraint.requirements().stream().map(ConstraintChecker::onPosition).toList();
    ownError |= reportNeverMet(constraint, requirements);
    LawDecl law = new LawDecl(constraint.name(), constraint.doc(), null, null, constraint.binders(), constraint.guard(),
        requirements, constraint.span());
    List<Diagnostic> found = new ArrayList<>();
    LawChecker.Result r = new LawChecker(schema, source, false, found).recordingTo(meaning).checkConstraint(law);
    // Several requirements on one target intersect; the law checker's "union" warning does not apply.
    found.removeIf(d -> d.code().equals(Codes.DUPLICATE_EFFECT));
    out.addAll(found);
    return ownError ? new LawChecker.Result(null, r.holes(), r.errors() + 1) : r;
  }

  private String text(Span span) {
    return source.text().substring(span.start(), span.end());
  }

  /** The requirement on x or y that a requirement on a derived edge or centre stands for. */
  private static Effect onPosition(Effect requirement) {
    Target target = targetOf(requirement);
    String attr = target.attribute().text();
    String base;
    String size;
    switch (attr) {
      case "left" -> { base = "x"; size = null; }
      case "top" -> { base = "y"; size = null; }
      case "cx" -> { base = "x"; size = "w"; }
      case "cy" -> { base = "y"; size = "h"; }
      case "right" -> { base = "x"; size = "w"; }
      case "bottom" -> { base = "y"; size = "h"; }
      default -> { return requirement; }
    }
    boolean half = attr.equals("cx") || attr.equals("cy");
    Span at = target.attribute().span();
    Target position = new Target(target.object(), new Name(base, at), target.span());
    if (requirement instanceof Effect.Assign a) {
      return new Effect.Assign(position, shift(a.value(), target.object(), size, half, at), a.span());
    }
    Effect.Range r = (Effect.Range) requirement;
    return new Effect.Range(position, shift(r.low(), target.object(), size, half, at),
        shift(r.high(), target.object(), size, half, at), r.span());
  }

  /** {@code e - o.size} or {@code e - o.size / 2}; {@code e} itself without a size. */
  private static Expr shift(Expr e, Name object, String size, boolean half, Span at) {
    if (size == null) {
      return e;
    }
    Expr extent = new Expr.AttrRef(object, new Name(size, at), null, at);
    if (half) {
      extent = new Expr.Binary(Expr.BinaryOp.DIV, extent, new Expr.IntLit(2, at), at);
    }
    return new Expr.Binary(Expr.BinaryOp.SUB, e, extent, e.span());
  }

  private static Target targetOf(Effect requirement) {
    return requirement instanceof Effect.Assign a ? a.target() : ((Effect.Range) requirement).target();
  }

  /** N331: requirements with constant bounds on one target whose intersection is empty. */
  private boolean reportNeverMet(ConstraintDecl constraint, List<Effect> requirements) {
    Map<String, long[]> bounds = new HashMap<>();
    Map<String, Effect> first = new HashMap<>();
    for (Effect e : requirements) {
      long[] b = constantBounds(e);
      Target t = targetOf(e);
      if (b == null) {
        continue;
      }
      String key = t.object().text() + "." + t.attribute().text();
      long[] seen = bounds.get(key);
      if (seen == null) {
        bounds.put(key, b);
        first.put(key, e);
        continue;
      }
      long lo = Math.max(seen[0], b[0]);
      long hi = Math.min(seen[1], b[1]);
      if (lo > hi) {
        out.add(Diagnostic.error(Codes.CONSTRAINT_NEVER_MET, source, e.span(),
                "constraint `" + constraint.name().text() + "` can never be met: `" + text(e.span())
                    + "` excludes every value `" + text(first.get(key).span()) + "` allows")
            .withHint("requirements on one target must all hold; keep one, or widen them so they overlap"));
        return true;
      }
      bounds.put(key, new long[] {lo, hi});
    }
    return false;
  }

  private static long[] constantBounds(Effect e) {
    if (e instanceof Effect.Assign a && a.value() instanceof Expr.IntLit v) {
      return new long[] {v.value(), v.value()};
    }
    if (e instanceof Effect.Range r && r.low() instanceof Expr.IntLit lo && r.high() instanceof Expr.IntLit hi) {
      return new long[] {lo.value(), hi.value()};
    }
    return null;
  }
}
