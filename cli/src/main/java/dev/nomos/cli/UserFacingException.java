package dev.nomos.cli;

/** A failure whose message is complete for the user (file, position, what to do); no stack trace. */
public class UserFacingException extends RuntimeException {
  private final int exitCode;

  public UserFacingException(String message) {
    this(message, ExitCodes.FAILURE);
  }

  public UserFacingException(String message, int exitCode) {
    super(message);
    this.exitCode = exitCode;
  }

  public UserFacingException(String message, Throwable cause) {
    super(message, cause);
    this.exitCode = ExitCodes.FAILURE;
  }

  public int exitCode() {
    return exitCode;
  }
}
