package dev.nomos.compiler.meaning;

import dev.nomos.compiler.source.SourceFile;
import dev.nomos.compiler.source.Span;

/**
 * The static type the checker gave the expression at {@code span}: {@code kind}, and {@code name}
 * as messages write it ({@code int}, {@code bool}, {@code Ball} for objects, the symbol set's owner
 * for symbols: {@code Side}, {@code action}, {@code Door.state}, {@code Color}).
 */
public record ExprType(SourceFile source, Span span, Kind kind, String name) {

  public enum Kind { INT, BOOL, OBJECT, SYMBOL }
}
