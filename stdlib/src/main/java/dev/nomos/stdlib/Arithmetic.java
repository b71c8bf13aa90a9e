package dev.nomos.stdlib;

/** Integer helpers. All total: no input throws. */
public final class Arithmetic {
  private Arithmetic() {}

  /** |v|; abs(Integer.MIN_VALUE) wraps to itself, as Java's int arithmetic does. */
  public static int abs(int v) { return Math.abs(v); }

  public static int min(int a, int b) { return Math.min(a, b); }

  public static int max(int a, int b) { return Math.max(a, b); }

  public static int clamp(int v, int lo, int hi) { return Math.max(lo, Math.min(hi, v)); }

  public static int sign(int v) { return Integer.signum(v); }

  /** Division that is total: x / 0 is 0. Rounds toward zero like Java. */
  public static int div(int a, int b) { return b == 0 ? 0 : a / b; }

  /** Remainder that is total: x % 0 is 0. Sign follows the dividend like Java. */
  public static int mod(int a, int b) { return b == 0 ? 0 : a % b; }
}
