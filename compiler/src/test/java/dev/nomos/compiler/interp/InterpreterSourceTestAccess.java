package dev.nomos.compiler.interp;

import dev.nomos.compiler.Compilation;

/** The world and compile helper of {@link InterpreterSourceTest}, for tests in other packages. */
public final class InterpreterSourceTestAccess {
  private InterpreterSourceTestAccess() {}

  public static Compilation compile(String laws) {
    return InterpreterSourceTest.compile(laws);
  }
}
