package dev.nomos.compiler.codegen.internal;

import static org.objectweb.asm.Opcodes.*;

import dev.nomos.compiler.codegen.GeneratedLaw;
import dev.nomos.compiler.plan.LawPlan;
import dev.nomos.compiler.plan.Loop;
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
 * that the constructor {@code (String name, int[] ints, double[] doubles, LawScope scope)} fills (the
 * three-argument constructor, which model jars call, gives {@link dev.nomos.runtime.LawScope#ANY}). Plans that differ
 * only in those constants therefore compile to byte-identical classes, which callers share: one
 * class and one body of JIT-compiled code per law shape, not per law. Instances are immutable and
 * so stateless and thread-safe.
 */
public final class LawClassGenerator {
  static final String NAME_FIELD = "name";
  static final String INT_FIELD = "c";
  static final String DOUBLE_FIELD = "d";
  static final String SCOPE_FIELD = "scope";
  /** Descriptor of the constructor model jars call: the law's scope is {@code LawScope.ANY}. */
  private static final String CONSTRUCTOR_DESC = "(Ljava/lang/String;[I[D)V";
  /** Descriptor of the constructor that takes the law's scope as well. */
  public static final String SCOPED_CONSTRUCTOR_DESC = "(Ljava/lang/String;[I[D" + Names.SCOPE_DESC + ")V";

  private LawClassGenerator() {}

  /**
   * The class file for {@code plan} under the JVM internal name {@code internalName}; its apply
   * throws BindingBudgetExceededException once a call visits more than {@code budget} bindings.
   *
   * @throws TooLargeException if the law is too large for one JVM method or class
   */
  public static GeneratedLaw generate(LawPlan plan, String internalName, long budget) {
    return generate(plan, internalName, budget, false);
  }

  /**
   * As {@link #generate(LawPlan, String, long)}; with {@code fusible}, a law whose guard and effects
   * count no bindings of their own and create nothing implements {@link dev.nomos.runtime.FusibleLaw}
   * as well (its {@code applyAll} and {@code binderConstants}), for laws run in this process: model
   * jars keep to the plain {@code Law}.
   */
  public static GeneratedLaw generate(LawPlan plan, String internalName, long budget, boolean fusible) {
    if (budget < 0) {
      throw new IllegalArgumentException("binding budget must be >= 0, got " + budget);
    }
    boolean fuses = fusible && fuses(plan, internalName, budget);
    boolean oneLoop = fuses && plan.loops().size() == 1 && plan.loops().get(0) instanceof Loop.Each;
    ClassWriter cw = new NonLoadingClassWriter();
    cw.visit(V17, ACC_PUBLIC | ACC_FINAL | ACC_SUPER, internalName, null, Names.OBJECT,
        new String[] {oneLoop ? Names.ONE_LOOP_LAW : fuses ? Names.FUSIBLE_LAW : Names.LAW});

    List<Integer> ints = new ArrayList<>();
    List<Double> doubles = new ArrayList<>();
    new ApplyEmitter(cw.visitMethod(ACC_PUBLIC, "apply", Names.APPLY_DESC, null, null), internalName, plan, budget,
        ints, doubles).emit();
    if (fuses) {
      List<Integer> fusedInts = new ArrayList<>();
      List<Double> fusedDoubles = new ArrayList<>();
      ApplyEmitter applyAll = new ApplyEmitter(cw.visitMethod(ACC_PUBLIC, "applyAll", Names.APPLY_ALL_DESC, null,
          null), internalName, plan, budget, fusedInts, fusedDoubles, true);
      applyAll.emit();
      if (!fusedInts.equals(ints) || !fusedDoubles.equals(doubles)) {
        throw new IllegalStateException("applyAll of law " + plan.name() + " reads other constants than apply");
      }
      binderConstantsMethod(cw, internalName, applyAll.binderConstants());
    }
    if (oneLoop) {
      List<Integer> oneInts = new ArrayList<>();
      List<Double> oneDoubles = new ArrayList<>();
      new ApplyEmitter(cw.visitMethod(ACC_PUBLIC, "applyAllTo", Names.APPLY_ALL_TO_DESC, null, null), internalName,
          plan, budget, oneInts, oneDoubles, true, true).emit();
      if (!oneInts.equals(ints) || !oneDoubles.equals(doubles)) {
        throw new IllegalStateException("applyAllTo of law " + plan.name() + " reads other constants than apply");
      }
      MethodVisitor m = cw.visitMethod(ACC_PUBLIC, "bindingBudget", "()J", null, null);
      m.visitCode();
      m.visitLdcInsn(budget);
      m.visitInsn(LRETURN);
      m.visitMaxs(0, 0);
      m.visitEnd();
    }

    cw.visitField(ACC_PRIVATE | ACC_FINAL, NAME_FIELD, "Ljava/lang/String;", null, null).visitEnd();
    for (int i = 0; i < ints.size(); i++) {
      cw.visitField(ACC_PRIVATE | ACC_FINAL, INT_FIELD + i, "I", null, null).visitEnd();
    }
    for (int i = 0; i < doubles.size(); i++) {
      cw.visitField(ACC_PRIVATE | ACC_FINAL, DOUBLE_FIELD + i, "D", null, null).visitEnd();
    }
    cw.visitField(ACC_PRIVATE | ACC_FINAL, SCOPE_FIELD, Names.SCOPE_DESC, null, null).visitEnd();
    constructor(cw, internalName, ints.size(), doubles.size());
    unscopedConstructor(cw, internalName);
    getter(cw, internalName, "name", NAME_FIELD, "Ljava/lang/String;");
    getter(cw, internalName, "scope", SCOPE_FIELD, Names.SCOPE_DESC);
    cw.visitEnd();
    byte[] bytes;
    try {
      bytes = cw.toByteArray();
    } catch (MethodTooLargeException e) {
      throw new TooLargeException("law " + plan.name() + " is too large to compile to one JVM method ("
          + e.getCodeSize() + " bytes of code; the limit is 65535); split it into smaller laws", e);
    } catch (ClassTooLargeException e) {
      throw new TooLargeException("law " + plan.name() + " has too many constants to compile to one JVM class ("
          + e.getConstantPoolCount() + " constant-pool entries; the limit is 65535); split it into smaller laws", e);
    }
    return new GeneratedLaw(bytes, ints.stream().mapToInt(Integer::intValue).toArray(),
        doubles.stream().mapToDouble(Double::doubleValue).toArray());
  }

  /** Whether {@code plan}'s applyAll can be emitted: tried on a scratch class, which is then dropped. */
  private static boolean fuses(LawPlan plan, String internalName, long budget) {
    ClassWriter trial = new ClassWriter(0);
    trial.visit(V17, ACC_PUBLIC | ACC_FINAL | ACC_SUPER, internalName, null, Names.OBJECT, null);
    try {
      new ApplyEmitter(trial.visitMethod(ACC_PUBLIC, "applyAll", Names.APPLY_ALL_DESC, null, null), internalName,
          plan, budget, new ArrayList<>(), new ArrayList<>(), true).emit();
      trial.toByteArray();
      return true;
    } catch (ApplyEmitter.NotFusible | MethodTooLargeException e) {
      return false;
    }
  }

  /** {@code int[] binderConstants()}: a new array of the fields {@code c<i>} the binders read, in order. */
  private static void binderConstantsMethod(ClassWriter cw, String owner, List<Integer> fields) {
    MethodVisitor m = cw.visitMethod(ACC_PUBLIC, "binderConstants", "()[I", null, null);
    m.visitCode();
    m.visitLdcInsn(fields.size());
    m.visitIntInsn(NEWARRAY, T_INT);
    for (int i = 0; i < fields.size(); i++) {
      m.visitInsn(DUP);
      m.visitLdcInsn(i);
      m.visitVarInsn(ALOAD, 0);
      m.visitFieldInsn(GETFIELD, owner, INT_FIELD + fields.get(i), "I");
      m.visitInsn(IASTORE);
    }
    m.visitInsn(ARETURN);
    m.visitMaxs(0, 0);
    m.visitEnd();
  }

  /** The JVM's limits (64 KB of code per method, 65535 constants per class) decline this law. */
  public static final class TooLargeException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    TooLargeException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** {@code <init>(String name, int[] ints, double[] doubles, LawScope scope)}: copies each constant into its field. */
  private static void constructor(ClassWriter cw, String owner, int intCount, int doubleCount) {
    MethodVisitor init = cw.visitMethod(ACC_PUBLIC, "<init>", SCOPED_CONSTRUCTOR_DESC, null, null);
    init.visitCode();
    init.visitVarInsn(ALOAD, 0);
    init.visitMethodInsn(INVOKESPECIAL, Names.OBJECT, "<init>", "()V", false);
    init.visitVarInsn(ALOAD, 0);
    init.visitVarInsn(ALOAD, 1);
    init.visitFieldInsn(PUTFIELD, owner, NAME_FIELD, "Ljava/lang/String;");
    copyArrayIntoFields(init, owner, 2, IALOAD, INT_FIELD, "I", intCount);
    copyArrayIntoFields(init, owner, 3, DALOAD, DOUBLE_FIELD, "D", doubleCount);
    init.visitVarInsn(ALOAD, 0);
    init.visitVarInsn(ALOAD, 4);
    init.visitFieldInsn(PUTFIELD, owner, SCOPE_FIELD, Names.SCOPE_DESC);
    init.visitInsn(RETURN);
    init.visitMaxs(0, 0);
    init.visitEnd();
  }

  /** {@code <init>(String name, int[] ints, double[] doubles)}: {@code this(name, ints, doubles, LawScope.ANY)}. */
  private static void unscopedConstructor(ClassWriter cw, String owner) {
    MethodVisitor init = cw.visitMethod(ACC_PUBLIC, "<init>", CONSTRUCTOR_DESC, null, null);
    init.visitCode();
    for (int local = 0; local < 4; local++) {
      init.visitVarInsn(ALOAD, local);
    }
    init.visitFieldInsn(GETSTATIC, Names.SCOPE, "ANY", Names.SCOPE_DESC);
    init.visitMethodInsn(INVOKESPECIAL, owner, "<init>", SCOPED_CONSTRUCTOR_DESC, false);
    init.visitInsn(RETURN);
    init.visitMaxs(0, 0);
    init.visitEnd();
  }

  /** A method {@code name} without parameters returning {@code field} (of type {@code descriptor}). */
  private static void getter(ClassWriter cw, String owner, String name, String field, String descriptor) {
    MethodVisitor get = cw.visitMethod(ACC_PUBLIC, name, "()" + descriptor, null, null);
    get.visitCode();
    get.visitVarInsn(ALOAD, 0);
    get.visitFieldInsn(GETFIELD, owner, field, descriptor);
    get.visitInsn(ARETURN);
    get.visitMaxs(0, 0);
    get.visitEnd();
  }

  /** {@code this.<prefix>i = array[i]} for each i below {@code count}, the array in local {@code arrayLocal}. */
  private static void copyArrayIntoFields(MethodVisitor init, String owner, int arrayLocal, int loadOpcode,
      String fieldPrefix, String fieldDescriptor, int count) {
    for (int i = 0; i < count; i++) {
      init.visitVarInsn(ALOAD, 0);
      init.visitVarInsn(ALOAD, arrayLocal);
      init.visitLdcInsn(i);
      init.visitInsn(loadOpcode);
      init.visitFieldInsn(PUTFIELD, owner, fieldPrefix + i, fieldDescriptor);
    }
  }
}
