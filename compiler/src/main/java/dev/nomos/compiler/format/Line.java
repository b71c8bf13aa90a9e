package dev.nomos.compiler.format;

import java.util.List;

/**
 * One line of formatted output before comments are placed.
 *
 * @param indent the white space before the text
 * @param text the code on the line
 * @param anchor the source offset the line's code starts at, or -1 for a line made up by the
 *     formatter (comments are placed by these offsets)
 * @param prefix lines printed right above this one, after leading comments (doc comments)
 * @param blankBefore whether an empty line separates this line from the one before
 */
record Line(String indent, String text, int anchor, List<String> prefix, boolean blankBefore) {
  /** One level of indentation. */
  static final String INDENT = "  ";

  Line(int level, String text, int anchor, List<String> prefix, boolean blankBefore) {
    this(INDENT.repeat(level), text, anchor, prefix, blankBefore);
  }
}
