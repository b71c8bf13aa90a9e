package dev.nomos.compiler.codegen.internal;

import static org.objectweb.asm.Opcodes.*;

import dev.nomos.compiler.codegen.GeneratedLaw;
import dev.nomos.compiler.plan.LawPlan;
import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.ClassTooLargeException;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodTooLargeException;
import org.objectweb.asm.MethodVisitor;

/**
 * One plan to one class file: {@code public final class <name> implements dev.nomos.runtime.Law}.
 * The plan's int constants (values, slots, types, sides, history bounds) and choice weights are not
 * written into the code but held in final instance fields {@code c0, c1, ...} and {@code d0, ...}
 * that the constructor {@code (String name, int[] ints, double[] doubles)} fills. Plans that differ
 * only in those constants therefore compile to byte-identical classes, which callers share: one
 * class and one body of JIT-compiled code per law shape, not per law. Instances are immutable and
 * so stateless and thread-safe.
 */
public final class LawClassGenerator {
  static final String NAME_FIELD = "name";
  static final String INT_FIELD = "c";
  static final String DOUBLE_FIELD = "d";
  /** Descriptor of the one constructor every generated law class has. */
  public static final String CONSTRUCTOR_DESC = "(Ljava/lang/String;[I[D)V";

  private LawClassGenerator() {}

  /**
   * The class file for {@code plan} under the JVM internal name {@code internalName}; its apply
   * throws BindingBudgetExceededException once a call visits more than {@code budget} bindings.
   *
   * @throws IllegalArgumentException if the law is too large for one JVM method
   */
  public static GeneratedLaw generate(LawPlan plan, String internalName, long budget) {
    if (budget < 0) {
      throw new IllegalArgumentException("binding budget must be >= 0, got " + budget);
    }
    ClassWriter cw = new NonLoadingClassWriter();
    cw.visit(V17, ACC_PUBLIC | ACC_FINAL | ACC_SUPER, internalName, null, Names.OBJECT, new String[] {Names.LAW});

    List<Integer> ints = new ArrayList<>();
    List<Double> doubles = new ArrayList<>();
    new ApplyEmitter(cw.visitMethod(ACC_PUBLIC, "apply", Names.APPLY_DESC, null, null), internalName, plan, budget,
        ints, doubles).emit();

    cw.visitField(ACC_PRIVATE | ACC_FINAL, NAME_FIELD, "Ljava/lang/String;", null, null).visitEnd();
    for (int i = 0; i < ints.size(); i++) {
      cw.visitField(ACC_PRIVATE | ACC_FINAL, INT_FIELD + i, "I", null, null).visitEnd();
    }
    for (int i = 0; i < doubles.size(); i++) {
      cw.visitField(ACC_PRIVATE | ACC_FINAL, DOUBLE_FIELD + i, "D", null, null).visitEnd();
    }
    constructor(cw, internalName, ints.size(), doubles.size());

    MethodVisitor name = cw.visitMethod(ACC_PUBLIC, "name", Names.NAME_DESC, null, null);
    name.visitCode();
    name.visitVarInsn(ALOAD, 0);
    name.visitFieldInsn(GETFIELD, internalName, NAME_FIELD, "Ljava/lang/String;");
    name.visitInsn(ARETURN);
    name.visitMaxs(0, 0);
    name.visitEnd();
    cw.visitEnd();
    byte[] bytes;
    try {
      bytes = cw.toByteArray();
    } catch (MethodTooLargeException e) {
      throw new IllegalArgumentException("law " + plan.name() + " is too large to compile to one JVM method ("
          + e.getCodeSize() + " bytes of code; the limit is 65535); split it into smaller laws", e);
    } catch (ClassTooLargeException e) {
      throw new IllegalArgumentException("law " + plan.name() + " has too many constants to compile to one JVM class ("
          + e.getConstantPoolCount() + " constant-pool entries; the limit is 65535); split it into smaller laws", e);
    }
    return new GeneratedLaw(bytes, ints.stream().mapToInt(Integer::intValue).toArray(),
        doubles.stream().mapToDouble(Double::doubleValue).toArray());
  }

  /** {@code <init>(String name, int[] ints, double[] doubles)}: copies each constant into its field. */
  private static void constructor(ClassWriter cw, String owner, int intCount, int doubleCount) {
    MethodVisitor init = cw.visitMethod(ACC_PUBLIC, "<init>", CONSTRUCTOR_DESC, null, null);
    init.visitCode();
    init.visitVarInsn(ALOAD, 0);
    init.visitMethodInsn(INVOKESPECIAL, Names.OBJECT, "<init>", "()V", false);
    init.visitVarInsn(ALOAD, 0);
    init.visitVarInsn(ALOAD, 1);
    init.visitFieldInsn(PUTFIELD, owner, NAME_FIELD, "Ljava/lang/String;");
    for (int i = 0; i < intCount; i++) {
      init.visitVarInsn(ALOAD, 0);
      init.visitVarInsn(ALOAD, 2);
      init.visitLdcInsn(i);
      init.visitInsn(IALOAD);
      init.visitFieldInsn(PUTFIELD, owner, INT_FIELD + i, "I");
    }
    for (int i = 0; i < doubleCount; i++) {
      init.visitVarInsn(ALOAD, 0);
      init.visitVarInsn(ALOAD, 3);
      init.visitLdcInsn(i);
      init.visitInsn(DALOAD);
      init.visitFieldInsn(PUTFIELD, owner, DOUBLE_FIELD + i, "D");
    }
    init.visitInsn(RETURN);
    init.visitMaxs(0, 0);
    init.visitEnd();
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
