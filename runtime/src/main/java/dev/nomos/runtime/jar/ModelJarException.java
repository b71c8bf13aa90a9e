package dev.nomos.runtime.jar;

/**
 * A model jar that cannot be loaded: unreadable, malformed, inconsistent with its own model.json,
 * or holding a class that reaches beyond what laws may use. The message names the jar entry (class
 * or file) and, for refused classes, the reference that was refused.
 */
public final class ModelJarException extends Exception {
  private static final long serialVersionUID = 1L;

  public ModelJarException(String message) {
    super(message);
  }

  public ModelJarException(String message, Throwable cause) {
    super(message, cause);
  }
}
