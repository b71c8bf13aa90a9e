package dev.nomos.runtime;

/** The value kinds an object attribute may have. Every kind is stored as an {@code int}. */
public enum AttributeKind {
  /** A bounded integer. */
  INT,
  /** A boolean, stored as 0 (false) or 1 (true). */
  BOOL,
  /** One of a declared set of symbols, stored as the symbol's index in that set. */
  SYMBOL
}
