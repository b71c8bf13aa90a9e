package dev.nomos.compiler.codegen.internal;

import dev.nomos.runtime.Law;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Defines generated law classes as hidden classes next to this one. Hidden classes cannot be named
 * by any other class and are unloaded as soon as their law is unreachable, which matters to the
 * learner that compiles and drops thousands of candidates.
 */
public final class HiddenLawLoader {
  /** Generated classes live in this package: a hidden class must share its lookup's package. */
  public static final String PACKAGE = "dev/nomos/compiler/codegen/internal/";

  private static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();
  private static final MethodType NO_ARGS = MethodType.methodType(void.class);
  private static final MethodType MAKES_LAW = MethodType.methodType(Law.class);

  private HiddenLawLoader() {}

  /** Defines the class and returns its single instance. */
  public static Law define(byte[] classFile) {
    try {
      MethodHandles.Lookup hidden = LOOKUP.defineHiddenClass(classFile, true);
      MethodHandle constructor = hidden.findConstructor(hidden.lookupClass(), NO_ARGS).asType(MAKES_LAW);
      return (Law) constructor.invokeExact();
    } catch (Error | RuntimeException e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException("could not load a generated law class", e);
    }
  }
}
