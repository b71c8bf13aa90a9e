package dev.nomos.compiler.interp;

import dev.nomos.runtime.Frame;

/** Java methods behind stdlib-shaped functions the registry does not have (many or boolean parameters). */
public final class TestFunctions {
  private TestFunctions() {}

  public static int seven(int a, int b, int c, int d, int e, int f, int g) {
    return a + 10 * b + 100 * c + 1000 * d + 10000 * e + 100000 * f + 1000000 * g;
  }

  public static int pick(boolean condition, int a, int b) {
    return condition ? a : b;
  }

  public static boolean both(boolean a, boolean b) {
    return a && b;
  }

  public static int widthPlus(Frame frame, int object, boolean twice) {
    return frame.w(object) * (twice ? 2 : 1);
  }
}
