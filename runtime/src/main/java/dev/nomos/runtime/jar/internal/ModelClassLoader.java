package dev.nomos.runtime.jar.internal;

import java.util.Map;

/**
 * Defines the (already verified) law classes of one model jar. Each model gets its own loader, so two
 * models with equal class names coexist and a model's classes are unloaded with it. Only the
 * classes handed in can be defined; everything else is asked of the parent, which sees the runtime
 * and the stdlib.
 */
public final class ModelClassLoader extends ClassLoader {
  static {
    registerAsParallelCapable();
  }

  private final Map<String, byte[]> classFiles;

  /** @param classFiles verified class files by binary name ({@code nomos.model.Law0}) */
  public ModelClassLoader(ClassLoader parent, Map<String, byte[]> classFiles) {
    super("nomos-model", parent);
    this.classFiles = Map.copyOf(classFiles);
  }

  @Override
  protected Class<?> findClass(String name) throws ClassNotFoundException {
    byte[] bytes = classFiles.get(name);
    if (bytes == null) {
      throw new ClassNotFoundException(name);
    }
    return defineClass(name, bytes, 0, bytes.length);
  }
}
