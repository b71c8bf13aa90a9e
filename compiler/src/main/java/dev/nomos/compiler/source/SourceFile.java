package dev.nomos.compiler.source;

import java.util.Arrays;
import java.util.Objects;

/** A source text and the name it is reported under; maps offsets to 1-based lines and columns. */
public final class SourceFile {
  private final String name;
  private final String text;
  private final int[] lineStarts;

  public SourceFile(String name, String text) {
    this.name = Objects.requireNonNull(name, "name");
    this.text = Objects.requireNonNull(text, "text");
    int[] starts = new int[16];
    int n = 0;
    starts[n++] = 0;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        if (n == starts.length) {
          starts = Arrays.copyOf(starts, n * 2);
        }
        starts[n++] = i + 1;
      }
    }
    this.lineStarts = Arrays.copyOf(starts, n);
  }

  public String name() { return name; }
  public String text() { return text; }

  /** 1-based line of an offset (offsets past the end map to the last line). */
  public int lineOf(int offset) {
    int i = Arrays.binarySearch(lineStarts, Math.max(0, Math.min(offset, text.length())));
    return i >= 0 ? i + 1 : -i - 1;
  }

  /** 1-based column of an offset, counted in chars. */
  public int columnOf(int offset) {
    int line = lineOf(offset);
    return Math.max(0, Math.min(offset, text.length())) - lineStarts[line - 1] + 1;
  }

  /** The text of a 1-based line without its line terminator. */
  public String lineText(int line) {
    if (line < 1 || line > lineStarts.length) {
      return "";
    }
    int start = lineStarts[line - 1];
    int end = line < lineStarts.length ? lineStarts[line] : text.length();
    while (end > start && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
      end--;
    }
    return text.substring(start, end);
  }

  /** A span covering offsets {@code start} (inclusive) to {@code end} (exclusive). */
  public Span span(int start, int end) {
    int s = Math.max(0, Math.min(start, text.length()));
    int e = Math.max(s, Math.min(end, text.length()));
    return new Span(s, e, lineOf(s), columnOf(s), lineOf(e), columnOf(e));
  }

  @Override
  public String toString() {
    return name;
  }
}
