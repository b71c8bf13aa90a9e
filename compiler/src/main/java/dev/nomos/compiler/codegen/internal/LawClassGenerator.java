package dev.nomos.compiler.codegen.internal;

import static org.objectweb.asm.Opcodes.*;

import dev.nomos.compiler.plan.LawPlan;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodTooLargeException;
import org.objectweb.asm.MethodVisitor;

/**
 * One plan to one class file: {@code public final class <name> implements dev.nomos.runtime.Law}
 * with a no-argument constructor, {@code name()} returning the law's name as a constant, and
 * {@code apply} emitted by {@link ApplyEmitter}. The class has no fields and so is trivially
 * stateless and thread-safe.
 */
public final class LawClassGenerator {
  private LawClassGenerator() {}

  /**
   * The class file for {@code plan} under the JVM internal name {@code internalName}; its apply
   * throws BindingBudgetExceededException once a call visits more than {@code budget} bindings.
   */
  public static byte[] generate(LawPlan plan, String internalName, long budget) {
    if (budget < 0) {
      throw new IllegalArgumentException("binding budget must be >= 0, got " + budget);
    }
    ClassWriter cw = new NonLoadingClassWriter();
    cw.visit(V17, ACC_PUBLIC | ACC_FINAL | ACC_SUPER, internalName, null, Names.OBJECT, new String[] {Names.LAW});
    cw.visitSource(plan.name() + ".law", null);

    MethodVisitor init = cw.visitMethod(ACC_PUBLIC, "<init>", "()V", null, null);
    init.visitCode();
    init.visitVarInsn(ALOAD, 0);
    init.visitMethodInsn(INVOKESPECIAL, Names.OBJECT, "<init>", "()V", false);
    init.visitInsn(RETURN);
    init.visitMaxs(0, 0);
    init.visitEnd();

    MethodVisitor name = cw.visitMethod(ACC_PUBLIC, "name", Names.NAME_DESC, null, null);
    name.visitCode();
    name.visitLdcInsn(plan.name());
    name.visitInsn(ARETURN);
    name.visitMaxs(0, 0);
    name.visitEnd();

    new ApplyEmitter(cw.visitMethod(ACC_PUBLIC, "apply", Names.APPLY_DESC, null, null), plan, budget).emit();
    cw.visitEnd();
    try {
      return cw.toByteArray();
    } catch (MethodTooLargeException e) {
      throw new IllegalArgumentException("law " + plan.name() + " is too large to compile to one JVM method ("
          + e.getCodeSize() + " bytes of code; the limit is 65535); split it into smaller laws", e);
    }
  }

  /** A JVM-safe simple class name derived from a law name: letters, digits and '_' only. */
  public static String simpleName(String lawName) {
    StringBuilder sb = new StringBuilder("Law_");
    for (int i = 0; i < lawName.length() && sb.length() < 80; i++) {
      char c = lawName.charAt(i);
      sb.append(c < 128 && (Character.isLetterOrDigit(c) || c == '_') ? c : '_');
    }
    return sb.toString();
  }
}
