package dev.nomos.cli;

import dev.nomos.compiler.ParseResult;
import dev.nomos.compiler.Parser;
import dev.nomos.compiler.ast.FloorDecl;
import dev.nomos.compiler.ast.SourceUnit;
import dev.nomos.compiler.ast.UseDecl;
import dev.nomos.compiler.format.FittedChances;
import dev.nomos.compiler.format.Formatter;
import dev.nomos.compiler.source.SourceFile;
import dev.nomos.compiler.source.Span;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one {@code .law} file {@code nomos fit -o} writes: the laws of every file that holds some, in
 * the order the model read them, each file's comments kept, canonically formatted, with new weights
 * and without the laws left out. A world declared in one of those files comes along (inlined); a world
 * in a file without laws stays there, and the output {@code use}s it by a path relative to the
 * output's directory.
 */
final class LawFileWriter {
  private LawFileWriter() {}

  /**
   * The text to write at {@code out}.
   *
   * @param units the files that hold laws (at least one)
   * @param weights the new weight of each law by name
   * @param omitted the laws to leave out, with their comments
   * @param floor the floor to declare (in the file that declares one, else after the last file's
   *     declarations), or null to leave floors as written
   * @param chances the fitted creation probabilities per law ({@link FittedChances})
   */
  static String combine(List<SourceUnit> units, Map<String, Double> weights, Set<String> omitted,
      Map<String, Double> floor, Map<String, double[]> chances, Path out) {
    units = units.stream().map(u -> FittedChances.apply(u, chances)).toList();
    int floorHome = units.size() - 1;
    for (int i = 0; i < units.size(); i++) {
      if (units.get(i).decls().stream().anyMatch(d -> d instanceof FloorDecl)) {
        floorHome = i;
      }
    }
    Path to = out.toAbsolutePath().normalize().getParent();
    // The first file carries every use, so that its leading comments stay above them.
    SourceUnit first = units.get(0);
    StringBuilder text = new StringBuilder(Formatter.format(
        new SourceUnit(first.source(), uses(units, to), first.decls(), first.span()), weights, omitted,
        floorHome == 0 ? floor : null));
    if (units.size() == 1) {
      return text.toString();
    }
    for (int i = 1; i < units.size(); i++) {
      SourceUnit unit = units.get(i);
      String body = Formatter.format(new SourceUnit(unit.source(), List.of(), unit.decls(), unit.span()), weights,
          omitted, floorHome == i ? floor : null);
      if (!body.isBlank()) {
        text.append(text.length() == 0 ? "" : "\n").append(body);
      }
    }
    // Formatting the whole once more settles the joins (blank lines, comments between files).
    ParseResult parsed = Parser.parse(new SourceFile(out.toString(), text.toString()));
    return parsed.hasErrors() ? text.toString() : Formatter.format(parsed.unit());
  }

  /**
   * The {@code use} declarations of the output: each file's, rewritten relative to the output's
   * directory {@code to} (kept as written when the file is there already), once per target; a target
   * among {@code units} is dropped, since its world comes along.
   */
  private static List<UseDecl> uses(List<SourceUnit> units, Path to) {
    Set<Path> combined = new HashSet<>();
    for (SourceUnit unit : units) {
      combined.add(absolute(unit));
    }
    Map<Path, UseDecl> byTarget = new LinkedHashMap<>();
    for (SourceUnit unit : units) {
      Path from = absolute(unit).getParent();
      for (UseDecl use : unit.uses()) {
        Path target = from.resolve(use.path()).normalize();
        if (combined.contains(target) || byTarget.containsKey(target)) {
          continue;
        }
        String path = from.equals(to) ? use.path() : to.relativize(target).toString().replace('\\', '/');
        byTarget.put(target, new UseDecl(path, unit == units.get(0) ? use.span() : Span.NONE));
      }
    }
    return new ArrayList<>(byTarget.values());
  }

  private static Path absolute(SourceUnit unit) {
    return Path.of(unit.source().name()).toAbsolutePath().normalize();
  }
}
