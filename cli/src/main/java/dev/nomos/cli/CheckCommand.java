package dev.nomos.cli;

import dev.nomos.compiler.Compilation;
import dev.nomos.compiler.NomosCompiler;
import dev.nomos.compiler.ast.SourceUnit;
import dev.nomos.compiler.diag.Diagnostic;
import dev.nomos.compiler.diag.DiagnosticJson;
import dev.nomos.compiler.diag.DiagnosticRenderer;
import dev.nomos.compiler.diag.Severity;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code nomos check FILE...}: every diagnostic of every file, then a summary line. Each file is
 * checked with its own world (declared in it or reached through {@code use}), so laws of several
 * worlds can be checked in one run; a world file used by several law files is reported once.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
    description = {"Check .law files: names, types, targets, ranges; report every problem.",
        "Exit code 0 when there are no errors (warnings allowed), 1 when there are errors, 2 on bad usage."})
public final class CheckCommand implements Callable<Integer> {

  enum Format { text, json }

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "The .law files to check.")
  List<Path> files;

  @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Format format;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    List<Diagnostic> diagnostics = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    Set<String> checkedFiles = new LinkedHashSet<>();
    for (Path file : files) {
      checkedFiles.add(file.toString());
      Compilation c = NomosCompiler.compile(List.of(file));
      for (SourceUnit u : c.units()) {
        checkedFiles.add(u.source().name());
      }
      for (Diagnostic d : c.diagnostics()) {
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

  private static String plural(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
