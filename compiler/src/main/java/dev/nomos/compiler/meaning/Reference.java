package dev.nomos.compiler.meaning;

import dev.nomos.compiler.source.SourceFile;
import dev.nomos.compiler.source.Span;

/**
 * One appearance of a name in the source ({@code span} covers the name only) and the declaration
 * the checker resolved it to; {@code declaration} is true where the name is declared.
 * {@code receiver} is, for an attribute, the type of the object it is read or written through
 * ({@code Ball}, or {@code Object}); null otherwise.
 */
public record Reference(SourceFile source, Span span, Declaration target, boolean declaration, String receiver) {

  public boolean contains(int offset) {
    return span.start() <= offset && offset <= span.end();
  }
}
