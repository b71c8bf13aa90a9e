package dev.nomos.compiler.check;

/** The world text the compiler tests share. */
public final class LoweringTestWorld {
  public static final String TEXT = LoweringTest.WORLD;

  private LoweringTestWorld() {}
}
