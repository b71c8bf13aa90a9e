package dev.nomos.compiler;

/**
 * How strictly to check. {@code allowHoles}: candidate mode, in which the learner's laws may
 * contain holes {@code ?} (such laws are checked but get no plan until the holes are filled).
 */
public record CompilerOptions(boolean allowHoles) {
  public static final CompilerOptions DEFAULT = new CompilerOptions(false);
  public static final CompilerOptions CANDIDATES = new CompilerOptions(true);
}
