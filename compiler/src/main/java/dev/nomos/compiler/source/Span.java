package dev.nomos.compiler.source;

/**
 * A range of source text: offsets {@code start} (inclusive) to {@code end} (exclusive), with the
 * 1-based line and column of both ends so diagnostics and editors need no second lookup.
 */
public record Span(int start, int end, int line, int column, int endLine, int endColumn) {

  /** A span for nodes that were synthesised rather than parsed (for example by a proposer). */
  public static final Span NONE = new Span(0, 0, 0, 0, 0, 0);

  public boolean contains(int offset) {
    return offset >= start && offset <= end;
  }

  /** The smallest span covering both. */
  public Span to(Span other) {
    Span first = start <= other.start ? this : other;
    Span last = end >= other.end ? this : other;
    return new Span(first.start, last.end, first.line, first.column, last.endLine, last.endColumn);
  }

  /** From the end of this span to the end of {@code enclosing}: where a name declared here is visible. */
  public Span untilEndOf(Span enclosing) {
    return new Span(end, enclosing.end, endLine, endColumn, enclosing.endLine, enclosing.endColumn);
  }

  @Override
  public String toString() {
    return line + ":" + column + "-" + endLine + ":" + endColumn;
  }
}
