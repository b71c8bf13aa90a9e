package dev.nomos.compiler.codegen.internal;

import org.objectweb.asm.ClassWriter;

/**
 * A {@link ClassWriter} that computes frames without loading classes. The default implementation
 * loads both types through a class loader to find their common superclass, which would drag runtime
 * classes into the compiler's loader and fail for the class being generated. Generated law methods
 * never merge two different reference types in one slot, so {@code Object} is always a sound answer.
 */
final class NonLoadingClassWriter extends ClassWriter {

  NonLoadingClassWriter() {
    super(ClassWriter.COMPUTE_FRAMES);
  }

  @Override
  protected String getCommonSuperClass(String type1, String type2) {
    return type1.equals(type2) ? type1 : "java/lang/Object";
  }
}
