package dev.nomos.compiler.diag;

/** How bad a diagnostic is; only errors make a program unusable. */
public enum Severity {
  ERROR, WARNING, INFO;

  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
