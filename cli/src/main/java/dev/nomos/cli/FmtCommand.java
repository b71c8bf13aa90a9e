package dev.nomos.cli;

import dev.nomos.runtime.io.AtomicFiles;
import dev.nomos.compiler.ParseResult;
import dev.nomos.compiler.Parser;
import dev.nomos.runtime.io.BoundedFiles;
import dev.nomos.compiler.diag.DiagnosticRenderer;
import dev.nomos.compiler.format.Formatter;
import dev.nomos.compiler.source.SourceFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code nomos fmt}: prints, rewrites or checks the canonical formatting of .law files. */
@Command(
    name = "fmt",
    mixinStandardHelpOptions = true,
    description = {
        "Formats .law files canonically: one item per line, aligned effects, minimal parentheses, "
            + "comments kept.",
        "Without options the formatted text goes to standard output.",
        "Exit codes: 0 ok, 1 a file has syntax errors, cannot be read, or (with --check) is not formatted; "
            + "2 bad usage."})
public final class FmtCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE",
      description = "The .law files to format; a directory stands for every .law file under it, `-` for standard input.")
  List<String> files = new ArrayList<>();

  @Option(names = "--write", description = "Rewrite the files in place (atomically) and list those that changed.")
  boolean write;

  @Option(names = "--check", description = "Change nothing; list the files that are not formatted and exit 1 if any.")
  boolean check;

  @Override
  public Integer call() {
    if (write && check) {
      throw new UserFacingException("--write and --check cannot be used together", ExitCodes.USAGE);
    }
    if (write && files.contains("-")) {
      throw new UserFacingException("--write cannot rewrite standard input", ExitCodes.USAGE);
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    boolean failed = false;
    List<String> unformatted = new ArrayList<>();
    for (String name : expand(err)) {
      if (name == null) {
        failed = true;
        continue;
      }
      boolean stdin = name.equals("-");
      Path file = stdin ? null : Path.of(name);
      String text;
      try {
        text = stdin ? readStdin() : read(file);
      } catch (IOException e) {
        err.println("nomos: " + name + ": cannot read: " + describe(e));
        failed = true;
        continue;
      }
      String shown = stdin ? "<stdin>" : name;
      ParseResult parsed = Parser.parse(new SourceFile(shown, text));
      if (parsed.hasErrors()) {
        err.print(DiagnosticRenderer.render(parsed.diagnostics()));
        failed = true;
        continue;
      }
      String formatted = Formatter.format(parsed.unit());
      boolean changed = !formatted.equals(text);
      if (check) {
        if (changed) {
          unformatted.add(shown);
        }
      } else if (write) {
        if (changed) {
          try {
            AtomicFiles.writeString(file, formatted);
          } catch (IOException e) {
            err.println("nomos: " + name + ": cannot write: " + describe(e));
            failed = true;
            continue;
          }
          out.println(name);
        }
      } else {
        out.print(formatted);
      }
    }
    if (check && !unformatted.isEmpty()) {
      unformatted.forEach(out::println);
      err.println("nomos: " + unformatted.size() + " file" + (unformatted.size() == 1 ? " is" : "s are")
          + " not formatted; run `nomos fmt --write` on " + (unformatted.size() == 1 ? "it" : "them"));
      failed = true;
    }
    out.flush();
    err.flush();
    return failed ? ExitCodes.FAILURE : ExitCodes.OK;
  }

  /**
   * The files named on the command line, directories replaced by the .law files under them in
   * name order; null stands for a directory that could not be listed (already reported).
   */
  private List<String> expand(PrintWriter err) {
    List<String> out = new ArrayList<>();
    for (String name : files) {
      Path p = Path.of(name);
      if (name.equals("-") || !Files.isDirectory(p)) {
        out.add(name);
        continue;
      }
      try (Stream<Path> walk = Files.walk(p)) {
        walk.filter(f -> f.getFileName().toString().endsWith(".law") && Files.isRegularFile(f))
            .map(Path::toString).sorted().forEach(out::add);
      } catch (IOException | UncheckedIOException e) {
        err.println("nomos: " + name + ": cannot list the directory: " + e.getMessage());
        out.add(null);
      }
    }
    return out;
  }

  /** UTF-8 takes at most 3 bytes per UTF-16 char: more bytes than this are over the parser's limit. */
  private static final long MAX_SOURCE_BYTES = 3L * Parser.MAX_SOURCE_CHARS;

  private static String read(Path file) throws IOException {
    return decode(BoundedFiles.read(file, MAX_SOURCE_BYTES));
  }

  private static String readStdin() throws IOException {
    byte[] bytes = System.in.readNBytes((int) MAX_SOURCE_BYTES + 1);
    if (bytes.length > MAX_SOURCE_BYTES) {
      throw new IOException("the input is over " + MAX_SOURCE_BYTES + " bytes, the limit");
    }
    return decode(bytes);
  }

  private static String decode(byte[] bytes) throws IOException {
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new IOException("not valid UTF-8", e);
    }
  }

  private static String describe(IOException e) {
    String m = e.getMessage();
    if (e instanceof java.nio.file.NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    return m == null ? e.getClass().getSimpleName() : m;
  }
}
