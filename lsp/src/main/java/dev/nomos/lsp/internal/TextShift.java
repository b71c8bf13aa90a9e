package dev.nomos.lsp.internal;

import org.eclipse.lsp4j.Range;

/**
 * Maps offsets between an older text of a document and its current text, which differ in one
 * region (what was typed since): before the region offsets are equal, after it they are moved by
 * the length the region gained, and inside it they go to its start. Lets a request answer from
 * an analysis of the older text while the current one is still being made.
 */
public final class TextShift {
  private final String older;
  private final String current;
  /** Length of the common prefix. */
  private final int prefix;
  /** Length of the common suffix (not overlapping the prefix in either text). */
  private final int suffix;

  private TextShift(String older, String current, int prefix, int suffix) {
    this.older = older;
    this.current = current;
    this.prefix = prefix;
    this.suffix = suffix;
  }

  public static TextShift between(String older, String current) {
    int max = Math.min(older.length(), current.length());
    int prefix = 0;
    while (prefix < max && older.charAt(prefix) == current.charAt(prefix)) {
      prefix++;
    }
    int suffix = 0;
    while (suffix < max - prefix
        && older.charAt(older.length() - 1 - suffix) == current.charAt(current.length() - 1 - suffix)) {
      suffix++;
    }
    return new TextShift(older, current, prefix, suffix);
  }

  /**
   * The offset in the older text of an offset in the current one. Where the region is empty on
   * one side (a pure insertion or deletion), its one boundary goes with the text after it.
   */
  public int toOlder(int offset) {
    if (offset >= current.length() - suffix) {
      return offset - current.length() + older.length();
    }
    return Math.min(offset, prefix);
  }

  /** The offset in the current text of an offset in the older one (the start of something there). */
  public int toCurrent(int offset) {
    if (offset >= older.length() - suffix) {
      return offset - older.length() + current.length();
    }
    return Math.min(offset, prefix);
  }

  /** As {@link #toCurrent(int)} for the end of something: at the boundary it stays with the text before. */
  private int endToCurrent(int offset) {
    if (offset <= prefix) {
      return offset;
    }
    return toCurrent(offset);
  }

  /** A range of the older text, in the current one. */
  public Range toCurrent(Range older) {
    int start = toCurrent(Texts.offset(this.older, older.getStart()));
    int end = endToCurrent(Texts.offset(this.older, older.getEnd()));
    return new Range(Texts.position(current, start), Texts.position(current, Math.max(start, end)));
  }
}
