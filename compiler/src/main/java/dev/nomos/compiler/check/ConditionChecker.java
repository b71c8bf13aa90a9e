package dev.nomos.compiler.check;

import dev.nomos.compiler.ast.Expr;
import dev.nomos.compiler.check.internal.ExprLowerer;
import dev.nomos.compiler.check.internal.LawContext;
import dev.nomos.compiler.check.internal.Ty;
import dev.nomos.compiler.diag.Diagnostic;
import dev.nomos.compiler.plan.PExpr;
import dev.nomos.compiler.source.SourceFile;
import dev.nomos.runtime.WorldSchema;
import java.util.List;

/**
 * Checks a condition on its own, as a law's guard with no object bound (same names, types, symbols
 * and diagnostics): a planner's goal, for instance.
 */
public final class ConditionChecker {
  /** The condition's plan (null after an error) and the variables and locals it uses. */
  public record Result(PExpr plan, int objectVars, int locals) {
    public boolean ok() {
      return plan != null;
    }
  }

  private ConditionChecker() {}

  /** Checks {@code condition} (whose spans point into {@code source}); {@code what} names it in messages. */
  public static Result check(WorldSchema schema, SourceFile source, Expr condition, String what,
      List<Diagnostic> out) {
    LawContext cx = new LawContext(schema, source, false, out);
    ExprLowerer.Typed typed = new ExprLowerer(cx).expect(condition, Ty.BOOL, what);
    boolean ok = typed.ok() && cx.errorCount() == 0;
    return new Result(ok ? typed.plan() : null, cx.objectVarCount(), cx.localCount());
  }
}
