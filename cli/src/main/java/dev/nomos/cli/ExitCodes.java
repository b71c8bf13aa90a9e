package dev.nomos.cli;

import picocli.CommandLine;

/**
 * Exit codes of every command: 0 success, 1 the input was wrong or the job failed, 2 bad usage.
 * A failure prints one line naming what failed; stack traces are for bugs only.
 */
public final class ExitCodes {
  public static final int OK = 0;
  public static final int FAILURE = 1;
  public static final int USAGE = 2;

  private ExitCodes() {}

  static int forException(Throwable t) {
    return t instanceof CommandLine.ParameterException ? USAGE : FAILURE;
  }

  static int handleExecutionException(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
    if (e instanceof UserFacingException u) {
      cl.getErr().println("nomos: " + u.getMessage());
      return u.exitCode();
    }
    cl.getErr().println("nomos: internal error: " + e);
    e.printStackTrace(cl.getErr());
    return FAILURE;
  }
}
