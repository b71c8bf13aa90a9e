package dev.nomos.compiler.codegen;

import dev.nomos.compiler.codegen.internal.HiddenLawLoader;
import dev.nomos.compiler.codegen.internal.LawClassGenerator;
import dev.nomos.compiler.plan.LawPlan;
import dev.nomos.runtime.BindingBudgetExceededException;
import dev.nomos.runtime.Law;
import java.util.ArrayList;
import java.util.List;

/**
 * Compiles law plans to JVM classes implementing {@link Law} and loads them in this process as
 * hidden classes. The generated code does what the interpreter does, emitting the same
 * {@code OpinionSink} calls in the same order and counting bindings against the same budget, with
 * primitive int arithmetic, no allocation per binding and no reflection.
 */
public final class CompiledLaws {
  private CompiledLaws() {}

  /** One loaded law per plan, in order, with the default binding budget. */
  public static List<Law> compile(List<LawPlan> plans) {
    List<Law> laws = new ArrayList<>(plans.size());
    for (LawPlan plan : plans) {
      laws.add(compile(plan));
    }
    return laws;
  }

  /** The loaded law of one plan, with the default binding budget. */
  public static Law compile(LawPlan plan) {
    return compile(plan, BindingBudgetExceededException.DEFAULT_BUDGET);
  }

  /** The loaded law of one plan; its apply throws after visiting more than {@code bindingBudget} bindings. */
  public static Law compile(LawPlan plan, long bindingBudget) {
    String name = HiddenLawLoader.PACKAGE + LawClassGenerator.simpleName(plan.name());
    return HiddenLawLoader.define(LawClassGenerator.generate(plan, name, bindingBudget));
  }

  /**
   * The class file of one plan, with the default binding budget, under the JVM internal name
   * {@code internalName} (slashes, e.g. {@code nomos/model/L0_bounce}), for writing into model jars.
   *
   * @throws IllegalArgumentException if the law is too large for one JVM method
   */
  public static byte[] classFile(LawPlan plan, String internalName) {
    return LawClassGenerator.generate(plan, internalName, BindingBudgetExceededException.DEFAULT_BUDGET);
  }
}
