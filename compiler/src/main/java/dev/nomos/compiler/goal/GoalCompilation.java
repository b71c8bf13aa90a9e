package dev.nomos.compiler.goal;

import dev.nomos.compiler.diag.Diagnostic;
import java.util.List;

/** The outcome of compiling a goal: the goal (null when there were errors) and every diagnostic. */
public record GoalCompilation(CompiledGoal goal, List<Diagnostic> diagnostics) {
  public GoalCompilation {
    diagnostics = List.copyOf(diagnostics);
  }

  public boolean hasErrors() {
    return goal == null;
  }
}
