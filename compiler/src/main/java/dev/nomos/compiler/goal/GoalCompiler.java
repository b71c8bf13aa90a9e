package dev.nomos.compiler.goal;

import dev.nomos.compiler.Parser;
import dev.nomos.compiler.ast.Expr;
import dev.nomos.compiler.check.ConditionChecker;
import dev.nomos.compiler.diag.Diagnostic;
import dev.nomos.compiler.interp.Interpreter;
import dev.nomos.compiler.plan.LawPlan;
import dev.nomos.compiler.source.SourceFile;
import dev.nomos.runtime.WorldSchema;
import java.util.ArrayList;
import java.util.List;

/**
 * Compiles a goal written in the law language, a boolean expression over one frame such as
 * {@code not exists b: Box where not exists g: Goal where g.x == b.x and g.y == b.y}, against a
 * world. It is checked exactly as a law's guard with no object bound (same names, types, symbols
 * and diagnostics, located in the goal's text) and evaluated by the interpreter.
 */
public final class GoalCompiler {
  /** The name the goal's plan carries (in binding-budget errors, for instance). */
  public static final String PLAN_NAME = "goal";

  private GoalCompiler() {}

  /**
   * @param sourceName what diagnostics call the goal's text (for instance {@code --goal})
   */
  public static GoalCompilation compile(WorldSchema schema, String text, String sourceName) {
    SourceFile source = new SourceFile(sourceName, text);
    Parser.ConditionParse parsed = Parser.parseCondition(source);
    List<Diagnostic> diagnostics = new ArrayList<>(parsed.diagnostics());
    if (parsed.expr() == null) {
      return new GoalCompilation(null, diagnostics);
    }
    ConditionChecker.Result checked = ConditionChecker.check(schema, source, parsed.expr(), "the goal", diagnostics);
    if (!checked.ok()) {
      return new GoalCompilation(null, diagnostics);
    }
    LawPlan plan = new LawPlan(PLAN_NAME, List.of(), checked.plan(), List.of(), checked.objectVars(), checked.locals());
    List<Expr> conjuncts = CoverageForms.conjuncts(parsed.expr());
    List<Coverage> coverages = new ArrayList<>();
    for (Expr conjunct : conjuncts) {
      Coverage c = CoverageForms.match(conjunct, schema);
      if (c != null) {
        coverages.add(c);
      }
    }
    boolean only = !coverages.isEmpty() && coverages.size() == conjuncts.size();
    CompiledGoal goal = new CompiledGoal(text, plan, Interpreter.interpret(plan), coverages, only);
    return new GoalCompilation(goal, diagnostics);
  }
}
