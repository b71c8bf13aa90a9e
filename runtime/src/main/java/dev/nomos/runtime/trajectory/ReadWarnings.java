package dev.nomos.runtime.trajectory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Gathers the surprises of an open read into one {@link ReadWarning} per (file, kind, type, name),
 * so that a file with the same surprise on every line still yields one line of warning.
 */
final class ReadWarnings {
  /** Values named in a warning; the rest are counted. */
  private static final int SHOWN_VALUES = 4;
  /** Distinct values remembered per warning, to bound memory on a file full of different values. */
  private static final int REMEMBERED_VALUES = 1000;

  private record Key(Path file, ReadWarning.Kind kind, String type, String name) {}

  private static final class Entry {
    final int line;
    final String subject;
    final String consequence;
    final Set<String> values = new LinkedHashSet<>();
    boolean moreValues;
    long records;
    int lastLine;

    Entry(int line, String subject, String consequence) {
      this.line = line;
      this.subject = subject;
      this.consequence = consequence;
    }
  }

  private final Map<Key, Entry> entries = new LinkedHashMap<>();

  /**
   * Notes one occurrence. {@code subject} and {@code consequence} make the message (the values, if
   * any, go between them); they are taken from the first occurrence.
   */
  void note(Path file, int line, ReadWarning.Kind kind, String type, String name, String value, String subject,
      String consequence) {
    Entry e = entries.computeIfAbsent(new Key(file, kind, type, name), k -> new Entry(line, subject, consequence));
    if (e.records == 0 || e.lastLine != line) {
      e.records++;
      e.lastLine = line;
    }
    if (value != null && !e.values.contains(value)) {
      if (e.values.size() < REMEMBERED_VALUES) {
        e.values.add(value);
      } else {
        e.moreValues = true;
      }
    }
  }

  /** The warnings so far, in order of first occurrence. */
  List<ReadWarning> warnings() {
    List<ReadWarning> out = new ArrayList<>();
    for (Map.Entry<Key, Entry> me : entries.entrySet()) {
      Key k = me.getKey();
      Entry e = me.getValue();
      List<String> shown = e.values.stream().limit(SHOWN_VALUES).toList();
      StringBuilder m = new StringBuilder();
      m.append(Objects.toString(k.file(), "<input>")).append(':').append(e.line).append(": warning: ").append(e.subject);
      if (!shown.isEmpty()) {
        m.append(String.join(", ", shown));
        int hidden = e.values.size() - shown.size();
        if (hidden > 0 || e.moreValues) {
          m.append(" and ").append(e.moreValues ? "over " + hidden : hidden).append(" more");
        }
      }
      m.append(e.consequence).append(" (").append(e.records).append(e.records == 1 ? " record)" : " records)");
      out.add(new ReadWarning(k.file(), e.line, k.kind(), k.type(), k.name(), shown, e.records, m.toString()));
    }
    return out;
  }
}
