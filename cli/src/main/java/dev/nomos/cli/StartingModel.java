package dev.nomos.cli;

import dev.nomos.compiler.Compilation;
import dev.nomos.compiler.CheckedLaw;
import dev.nomos.compiler.ast.SourceUnit;
import dev.nomos.compiler.ast.WorldDecl;
import dev.nomos.compiler.source.Span;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code nomos learn} starts from: the world declaration and the laws of the {@code .law} files
 * it was given, each law as the user wrote it (the comment lines right above it and a comment at the
 * end of its last line included), so that the learned file holds them as they were.
 *
 * @param worldFile the file that declares the world
 * @param worldSource the world declaration's text: the whole file when it holds nothing else
 * @param laws the laws' texts, in the order of the files and of the laws within them
 * @param lawNames the laws' names, in the same order
 */
record StartingModel(Path worldFile, String worldSource, List<String> laws, List<String> lawNames) {

  static StartingModel of(Compilation c) {
    WorldDecl world = c.world();
    SourceUnit worldUnit = c.units().stream().filter(u -> u.worlds().contains(world)).findFirst().orElseThrow();
    String worldText = worldUnit.source().text();
    String worldSource = worldUnit.laws().isEmpty() ? worldText : withComments(worldText, world.span());
    List<String> laws = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (CheckedLaw law : c.laws()) {
      laws.add(withComments(law.source().text(), law.decl().span()));
      names.add(law.name());
    }
    return new StartingModel(Path.of(worldUnit.source().name()), worldSource, List.copyOf(laws), List.copyOf(names));
  }

  /**
   * The text of {@code span} in {@code text}, with the comment lines directly above it (no blank
   * line between) and a comment after it on its last line.
   */
  static String withComments(String text, Span span) {
    int start = lineStart(text, span.start());
    while (start > 0) {
      int previous = lineStart(text, start - 1);
      if (!text.substring(previous, start).strip().startsWith("//")) {
        break;
      }
      start = previous;
    }
    int end = span.end();
    int lineEnd = text.indexOf('\n', end);
    lineEnd = lineEnd < 0 ? text.length() : lineEnd;
    if (text.substring(end, lineEnd).strip().startsWith("//")) {
      end = lineEnd;
    }
    return text.substring(start, end).strip();
  }

  private static int lineStart(String text, int offset) {
    return text.lastIndexOf('\n', Math.max(0, offset - 1)) + 1;
  }
}
