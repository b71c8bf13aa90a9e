package dev.nomos.compiler.format;

import java.util.ArrayList;
import java.util.List;

/**
 * Joins formatted lines into text and puts the source's comments back among them: a trailing
 * comment after the last line whose code starts at or before the code it followed, any other above
 * the first line whose code starts after it. Comments are placed only when the lines' anchors
 * increase (the output keeps the source's order); otherwise they would land in the wrong places,
 * so they are left out. A comment above a closing brace is indented as the body it closes.
 */
final class LineRenderer {
  private LineRenderer() {}

  /** The text of {@code lines}, with {@code comments} placed by their offsets. */
  static String render(List<Line> lines, List<Comments.Comment> comments) {
    int n = lines.size();
    List<List<String>> leading = new ArrayList<>();
    List<List<String>> trailing = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      leading.add(new ArrayList<>());
      trailing.add(new ArrayList<>());
    }
    List<String> atEnd = new ArrayList<>();
    if (!comments.isEmpty() && anchorsIncrease(lines)) {
      for (Comments.Comment c : comments) {
        if (c.trailing()) {
          int owner = lastLineAtOrBefore(lines, c.codeBefore());
          if (owner >= 0) {
            trailing.get(owner).add(c.text());
            continue;
          }
        }
        int next = firstLineAfter(lines, c.offset());
        if (next < 0) {
          atEnd.add(c.text());
        } else {
          leading.get(next).add(c.text());
        }
      }
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      Line line = lines.get(i);
      if (line.blankBefore()) {
        sb.append('\n');
      }
      // Comments above a closing brace belong to the body it closes.
      String commentIndent = line.text().equals("}") ? line.indent() + Line.INDENT : line.indent();
      for (String c : leading.get(i)) {
        sb.append(commentIndent).append(c).append('\n');
      }
      for (String p : line.prefix()) {
        sb.append(p).append('\n');
      }
      sb.append(line.indent()).append(line.text());
      if (!trailing.get(i).isEmpty()) {
        sb.append("  ").append(String.join(" ", trailing.get(i)));
      }
      sb.append('\n');
    }
    for (String c : atEnd) {
      sb.append(c).append('\n');
    }
    return sb.toString();
  }

  private static boolean anchorsIncrease(List<Line> lines) {
    int last = -1;
    for (Line l : lines) {
      if (l.anchor() >= 0) {
        if (l.anchor() <= last) {
          return false;
        }
        last = l.anchor();
      }
    }
    return true;
  }

  private static int lastLineAtOrBefore(List<Line> lines, int offset) {
    int found = -1;
    for (int i = 0; i < lines.size(); i++) {
      int a = lines.get(i).anchor();
      if (a >= 0 && a <= offset) {
        found = i;
      }
    }
    return found;
  }

  private static int firstLineAfter(List<Line> lines, int offset) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).anchor() > offset) {
        return i;
      }
    }
    return -1;
  }
}
