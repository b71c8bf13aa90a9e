package dev.nomos.cli;

import dev.nomos.runtime.io.Printable;
import picocli.CommandLine;

/**
 * Exit codes of every command: 0 success, 1 the input was wrong or the job failed, 2 bad usage.
 * A failure prints one line naming what failed; stack traces are for bugs only.
 */
public final class ExitCodes {
  public static final int OK = 0;
  public static final int FAILURE = 1;
  public static final int USAGE = 2;

  /** A failure is one line: a message longer than this (a hostile name, a huge value) is cut. */
  private static final int MAX_MESSAGE_CHARS = 2000;

  private ExitCodes() {}

  static int forException(Throwable t) {
    return t instanceof CommandLine.ParameterException ? USAGE : FAILURE;
  }

  static int handleExecutionException(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
    if (e instanceof UserFacingException u) {
      cl.getErr().println("nomos: " + Printable.of(u.getMessage(), MAX_MESSAGE_CHARS));
      return u.exitCode();
    }
    cl.getErr().println("nomos: internal error: " + e);
    e.printStackTrace(cl.getErr());
    return FAILURE;
  }
}
