package dev.nomos.runtime.model;

/** A law failed while giving its opinions on a frame; the message names the law. */
public class LawException extends RuntimeException {
  private final String lawName;

  public LawException(String lawName, RuntimeException cause) {
    super("law '" + lawName + "': " + cause.getMessage(), cause);
    this.lawName = lawName;
  }

  public String lawName() {
    return lawName;
  }
}
