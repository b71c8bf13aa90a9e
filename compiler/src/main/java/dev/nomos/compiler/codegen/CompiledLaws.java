package dev.nomos.compiler.codegen;

import dev.nomos.compiler.codegen.internal.HiddenLawLoader;
import dev.nomos.compiler.codegen.internal.LawClassGenerator;
import dev.nomos.compiler.interp.Interpreter;
import dev.nomos.compiler.plan.LawPlan;
import dev.nomos.compiler.plan.PlanScope;
import dev.nomos.runtime.BindingBudgetExceededException;
import dev.nomos.runtime.Law;
import java.lang.invoke.MethodHandle;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compiles law plans to JVM classes implementing {@link Law} and loads them in this process as
 * hidden classes. The generated code does what the interpreter does, emitting the same
 * {@code OpinionSink} calls in the same order and counting bindings against the same budget, with
 * primitive int arithmetic, no allocation per binding and no reflection.
 *
 * <p>Laws that differ only in their constants (PoE-World-style models are hundreds of variations on
 * a few templates) share one generated class, instantiated once per law with its constants: fewer
 * classes to define, and far less machine code competing for the instruction cache at run time.
 * Such a class is also a {@link dev.nomos.runtime.FusibleLaw} where its guard and effects allow: the
 * runtime then runs the laws of one class and binders together, each binding visited once for all
 * of them.
 */
public final class CompiledLaws {
  /** Class name of in-process law classes (the JVM makes each hidden class's name unique). */
  private static final String HIDDEN_NAME = HiddenLawLoader.PACKAGE + "CheckedLaw";

  /**
   * The classes of recently compiled shapes, so that a learner compiling candidates one at a time
   * defines each shape once. Bounded: a shape that falls out is defined again when next needed, and
   * its hidden class is unloaded once no law of it is left.
   */
  private static final ShapeCache SHAPES = new ShapeCache(512);

  private CompiledLaws() {}

  /** One loaded law per plan, in order, with the default binding budget. */
  public static List<Law> compile(List<LawPlan> plans) {
    return compile(plans, BindingBudgetExceededException.DEFAULT_BUDGET);
  }

  /**
   * One loaded law per plan, in order; each throws after visiting more than {@code bindingBudget}
   * bindings. A law too large for one JVM method (thousands of effects) is interpreted instead: the
   * engines are identical in what they emit, so the model is the same, only slower for that law.
   */
  public static List<Law> compile(List<LawPlan> plans, long bindingBudget) {
    List<Law> laws = new ArrayList<>(plans.size());
    for (LawPlan plan : plans) {
      GeneratedLaw g;
      try {
        g = LawClassGenerator.generate(plan, HIDDEN_NAME, bindingBudget, true);
      } catch (LawClassGenerator.TooLargeException declined) {
        laws.add(Interpreter.interpret(plan, bindingBudget));
        continue;
      }
      laws.add(HiddenLawLoader.instantiate(SHAPES.constructor(g.classFile()), plan.name(), g.ints(), g.doubles(),
          PlanScope.of(plan)));
    }
    return laws;
  }

  /** The loaded law of one plan, with the default binding budget. */
  public static Law compile(LawPlan plan) {
    return compile(plan, BindingBudgetExceededException.DEFAULT_BUDGET);
  }

  /** The loaded law of one plan; its apply throws after visiting more than {@code bindingBudget} bindings. */
  public static Law compile(LawPlan plan, long bindingBudget) {
    return compile(List.of(plan), bindingBudget).get(0);
  }

  /**
   * The class file of one plan and the constants its instance needs, with the default binding
   * budget, under the JVM internal name {@code internalName} (slashes, e.g. {@code nomos/model/Law0}).
   * The class has one constructor, {@code (String name, int[] ints, double[] doubles)}.
   *
   * @throws IllegalArgumentException if the law is too large for one JVM method
   */
  public static GeneratedLaw classFile(LawPlan plan, String internalName) {
    return LawClassGenerator.generate(plan, internalName, BindingBudgetExceededException.DEFAULT_BUDGET);
  }

  private static final class ShapeCache {
    private final Map<ByteBuffer, MethodHandle> byClassFile;

    ShapeCache(int capacity) {
      this.byClassFile = new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override protected boolean removeEldestEntry(Map.Entry<ByteBuffer, MethodHandle> eldest) {
          return size() > capacity;
        }
      };
    }

    synchronized MethodHandle constructor(byte[] classFile) {
      return byClassFile.computeIfAbsent(ByteBuffer.wrap(classFile), k -> HiddenLawLoader.define(classFile));
    }
  }
}
