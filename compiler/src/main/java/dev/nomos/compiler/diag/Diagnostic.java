package dev.nomos.compiler.diag;

import dev.nomos.compiler.source.SourceFile;
import dev.nomos.compiler.source.Span;
import java.util.Objects;

/**
 * A problem found in a source file, as a value: severity, a stable code (see {@link Codes}), where
 * it is, a message a person or an LLM can act on, and an optional hint (for example a did-you-mean
 * suggestion). {@code replacement}, when non-null, is the text that fixes the problem when it
 * replaces {@code span} (editors offer it as a quick fix).
 */
public record Diagnostic(Severity severity, String code, SourceFile source, Span span, String message,
    String hint, String replacement) {

  public Diagnostic {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(span, "span");
    Objects.requireNonNull(message, "message");
  }

  public static Diagnostic error(String code, SourceFile source, Span span, String message) {
    return new Diagnostic(Severity.ERROR, code, source, span, message, null, null);
  }

  public static Diagnostic warning(String code, SourceFile source, Span span, String message) {
    return new Diagnostic(Severity.WARNING, code, source, span, message, null, null);
  }

  public static Diagnostic info(String code, SourceFile source, Span span, String message) {
    return new Diagnostic(Severity.INFO, code, source, span, message, null, null);
  }

  /** Adds the did-you-mean hint for {@code candidate} and offers it as the replacement. */
  public Diagnostic withSuggestion(String candidate) {
    if (candidate == null) {
      return this;
    }
    return new Diagnostic(severity, code, source, span, message, "did you mean `" + candidate + "`?", candidate);
  }

  public Diagnostic withHint(String newHint) {
    return new Diagnostic(severity, code, source, span, message, newHint, replacement);
  }

  public Diagnostic withReplacement(String text) {
    return new Diagnostic(severity, code, source, span, message, hint, text);
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  public String file() { return source.name(); }
  public int line() { return span.line(); }
  public int column() { return span.column(); }
}
