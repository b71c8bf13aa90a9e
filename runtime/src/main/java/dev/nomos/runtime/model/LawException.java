package dev.nomos.runtime.model;

/**
 * A law failed while giving its opinions on a frame; the message names the law and, once the
 * runtime knows it, the record of the data ({@code train.jsonl:42: law 'x': ...}).
 */
public class LawException extends RuntimeException {
  private final String lawName;

  public LawException(String lawName, RuntimeException cause) {
    super("law '" + lawName + "': " + cause.getMessage(), cause);
    this.lawName = lawName;
  }

  private LawException(String lawName, String message, Throwable cause) {
    super(message, cause);
    this.lawName = lawName;
  }

  /** The same failure, its message prefixed by where in the data it happened ({@code file:line}). */
  public LawException at(String location) {
    LawException located = new LawException(lawName, location + ": " + getMessage(), getCause());
    located.setStackTrace(getStackTrace());
    return located;
  }

  public String lawName() {
    return lawName;
  }
}
