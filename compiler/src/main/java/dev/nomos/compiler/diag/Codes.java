package dev.nomos.compiler.diag;

/**
 * The stable diagnostic codes. A code never changes meaning once released: tools, tests and LLM
 * repair prompts key on it. docs/diagnostics.md describes each one.
 */
public final class Codes {
  /** The text does not follow the grammar. */
  public static final String SYNTAX = "N001";
  /** The source is larger than the compiler accepts. */
  public static final String SOURCE_TOO_LARGE = "N002";
  /** Expressions or blocks are nested deeper than the compiler accepts. */
  public static final String NESTING_TOO_DEEP = "N003";
  /** A file named by {@code use} or on the command line cannot be read. */
  public static final String UNREADABLE_FILE = "N004";

  private Codes() {}
}
