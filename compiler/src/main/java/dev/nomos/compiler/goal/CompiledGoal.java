package dev.nomos.compiler.goal;

import dev.nomos.compiler.interp.InterpretedLaw;
import dev.nomos.compiler.plan.LawPlan;
import dev.nomos.runtime.Frame;
import java.util.List;
import java.util.function.Predicate;

/**
 * A checked goal: a boolean condition over one frame, written in the law language and evaluated
 * like a law's guard with no object bound. {@link #coverages()} lists the clauses of the form
 * "every A stands on some B" the goal is a conjunction of (empty when the goal has another form,
 * or other conjuncts besides them; then {@link #coverageOnly()} is false).
 */
public final class CompiledGoal implements Predicate<Frame> {
  private final String text;
  private final LawPlan plan;
  private final InterpretedLaw condition;
  private final List<Coverage> coverages;
  private final boolean coverageOnly;

  CompiledGoal(String text, LawPlan plan, InterpretedLaw condition, List<Coverage> coverages, boolean coverageOnly) {
    this.text = text;
    this.plan = plan;
    this.condition = condition;
    this.coverages = List.copyOf(coverages);
    this.coverageOnly = coverageOnly;
  }

  /** The goal as written. */
  public String text() { return text; }

  /** The lowered condition: a plan without loops or effects whose guard is the goal. */
  public LawPlan plan() { return plan; }

  /** Whether the goal holds in {@code frame}. */
  @Override
  public boolean test(Frame frame) {
    return condition.holds(frame);
  }

  public List<Coverage> coverages() { return coverages; }

  /** Whether the goal is exactly the conjunction of {@link #coverages()} (nothing else is asked). */
  public boolean coverageOnly() { return coverageOnly; }

  @Override
  public String toString() {
    return "goal " + text;
  }
}
