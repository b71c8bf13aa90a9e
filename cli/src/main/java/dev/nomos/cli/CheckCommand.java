package dev.nomos.cli;

import dev.nomos.compiler.Compilation;
import dev.nomos.compiler.NomosCompiler;
import dev.nomos.compiler.ast.SourceUnit;
import dev.nomos.compiler.diag.Diagnostic;
import dev.nomos.compiler.diag.DiagnosticJson;
import dev.nomos.compiler.diag.DiagnosticRenderer;
import dev.nomos.compiler.diag.Severity;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code nomos check FILE...}: every diagnostic of every file, then a summary line. Each file is
 * checked with its own world (declared in it or reached through {@code use}), so laws of several
 * worlds can be checked in one run; a world file used by several law files is reported once. A law
 * file without a world is checked with the world file given beside it when there is exactly one.
 * A directory stands for every .law file under it.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
    description = {"Check .law files: names, types, targets, ranges; report every problem.",
        "Exit code 0 when there are no errors (warnings allowed), 1 when there are errors, 2 on bad usage."})
public final class CheckCommand implements Callable<Integer> {

  enum Format { text, json }

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "The .law files (or directories of them) to check.")
  List<Path> files;

  @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Format format;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    List<Path> inputs = expand(files);
    Map<Path, Compilation> results = new LinkedHashMap<>();
    for (Path file : inputs) {
      results.put(file, NomosCompiler.compile(List.of(file)));
    }
    // A law file without `use` is checked with the one world file given next to it, if there is one.
    List<Path> worldFiles = results.entrySet().stream()
        .filter(e -> e.getValue().units().stream().anyMatch(u -> !u.worlds().isEmpty()
            && u.source().name().equals(e.getKey().toString())))
        .map(Map.Entry::getKey).toList();
    if (worldFiles.size() == 1) {
      for (Map.Entry<Path, Compilation> e : results.entrySet()) {
        if (e.getValue().schema() == null && !e.getValue().laws().isEmpty()) {
          e.setValue(NomosCompiler.compile(List.of(e.getKey(), worldFiles.get(0))));
        }
      }
    }
    List<Diagnostic> diagnostics = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    Set<String> checkedFiles = new LinkedHashSet<>();
    for (Map.Entry<Path, Compilation> e : results.entrySet()) {
      checkedFiles.add(e.getKey().toString());
      for (SourceUnit u : e.getValue().units()) {
        checkedFiles.add(u.source().name());
      }
      for (Diagnostic d : e.getValue().diagnostics()) {
        if (seen.add(d.file() + ":" + d.span().start() + ":" + d.span().end() + ":" + d.code() + ":" + d.message())) {
          diagnostics.add(d);
        }
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    long errors = diagnostics.stream().filter(Diagnostic::isError).count();
    if (format == Format.json) {
      out.println(DiagnosticJson.toJson(diagnostics));
    } else {
      out.print(DiagnosticRenderer.render(diagnostics));
      long warnings = diagnostics.stream().filter(d -> d.severity() == Severity.WARNING).count();
      out.println(plural(errors, "error") + ", " + plural(warnings, "warning") + " in "
          + plural(checkedFiles.size(), "file"));
    }
    out.flush();
    return errors > 0 ? ExitCodes.FAILURE : ExitCodes.OK;
  }

  /** Directories stand for the .law files under them, in name order. */
  private static List<Path> expand(List<Path> paths) {
    List<Path> out = new ArrayList<>();
    for (Path p : paths) {
      if (!Files.isDirectory(p)) {
        out.add(p);
        continue;
      }
      try (Stream<Path> walk = Files.walk(p)) {
        walk.filter(f -> f.toString().endsWith(".law") && Files.isRegularFile(f)).sorted().forEach(out::add);
      } catch (IOException e) {
        throw new UserFacingException("cannot list " + p + ": " + e.getMessage());
      }
    }
    return out;
  }

  private static String plural(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
