package dev.nomos.compiler.codegen;

import dev.nomos.compiler.interp.Interpreter;
import dev.nomos.compiler.plan.LawPlan;
import dev.nomos.runtime.Law;
import java.util.List;

/**
 * Turns checked law plans into runnable {@link Law}s with the chosen {@link Engine}. Both engines
 * give the same opinions in the same order for every frame (the differential tests hold them to it);
 * they differ only in speed and in whether classes are generated.
 */
public final class LawFactory {
  private LawFactory() {}

  /** The plan as a law run by {@code engine}, with the default binding budget. */
  public static Law create(LawPlan plan, Engine engine) {
    return switch (engine) {
      case INTERPRETED -> Interpreter.interpret(plan);
      case COMPILED -> CompiledLaws.compile(plan);
    };
  }

  /** One law per plan, in order, with the default binding budget. */
  public static List<Law> createAll(List<LawPlan> plans, Engine engine) {
    return switch (engine) {
      case INTERPRETED -> Interpreter.interpretAll(plans);
      case COMPILED -> CompiledLaws.compile(plans);
    };
  }
}
