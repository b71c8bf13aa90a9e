package dev.nomos.compiler.codegen.internal;

import dev.nomos.runtime.Law;
import dev.nomos.runtime.LawScope;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Defines generated law classes as hidden classes next to this one. Hidden classes cannot be named
 * by any other class and are unloaded as soon as their laws are unreachable, which matters to the
 * learner that compiles and drops thousands of candidates.
 */
public final class HiddenLawLoader {
  /** Generated classes live in this package: a hidden class must share its lookup's package. */
  public static final String PACKAGE = "dev/nomos/compiler/codegen/internal/";

  private static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();
  private static final MethodType CONSTRUCTOR = MethodType.methodType(void.class, String.class, int[].class,
      double[].class, LawScope.class);
  private static final MethodType MAKES_LAW = MethodType.methodType(Law.class, String.class, int[].class,
      double[].class, LawScope.class);

  private HiddenLawLoader() {}

  /** Defines one class and returns its constructor as {@code (String name, int[], double[], LawScope) -> Law}. */
  public static MethodHandle define(byte[] classFile) {
    try {
      MethodHandles.Lookup hidden = LOOKUP.defineHiddenClass(classFile, true);
      return hidden.findConstructor(hidden.lookupClass(), CONSTRUCTOR).asType(MAKES_LAW);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("could not load a generated law class", e);
    }
  }

  /** One law from a constructor {@link #define} returned. */
  public static Law instantiate(MethodHandle constructor, String name, int[] ints, double[] doubles,
      LawScope scope) {
    try {
      return (Law) constructor.invokeExact(name, ints, doubles, scope);
    } catch (Error | RuntimeException e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException("could not instantiate generated law " + name, e);
    }
  }
}
