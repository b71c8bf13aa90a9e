package dev.nomos.cli;

import dev.nomos.compiler.Compilation;
import dev.nomos.compiler.CheckedLaw;
import dev.nomos.compiler.NomosCompiler;
import dev.nomos.compiler.ParseResult;
import dev.nomos.compiler.Parser;
import dev.nomos.compiler.SourceResolver;
import dev.nomos.compiler.ast.FloorDecl;
import dev.nomos.compiler.ast.LawDecl;
import dev.nomos.compiler.ast.SourceUnit;
import dev.nomos.compiler.ast.TopDecl;
import dev.nomos.compiler.check.FloorChecker;
import dev.nomos.compiler.diag.Diagnostic;
import dev.nomos.compiler.diag.DiagnosticRenderer;
import dev.nomos.compiler.jar.ModelJarWriter;
import dev.nomos.compiler.source.SourceFile;
import dev.nomos.runtime.WorldSchema;
import dev.nomos.runtime.jar.ModelManifest;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code nomos compile FILE... [--weights FROM.law] -o model.jar [--standalone]}: checks the files
 * as one model, generates a class per law shape, and writes a model jar with the world, the laws,
 * their weights, the options and the sources.
 */
@Command(name = "compile", mixinStandardHelpOptions = true,
    description = {"Compile .law files into a model jar that any JVM program can load with the Nomos runtime.",
        "Weights come from `weight w` in the sources (1 when absent), or from --weights; the floor from the "
            + "sources' `floor { ... }` (the default where none is), or from the --weights file's floor.",
        "Laws at weight 0 (pruned by `nomos fit`) are left out of the jar; --keep-pruned keeps them.",
        "Exit code 0 on success, 1 when the files have errors or the jar cannot be written, 2 on bad usage."})
public final class CompileCommand implements Callable<Integer> {

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "The .law files of the model (one world among them or `use`d).")
  List<Path> files;

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "JAR", description = "The model jar to write.")
  Path output;

  @Option(names = "--weights", paramLabel = "FROM.law",
      description = "Take each law's weight from the law of the same name in this file (e.g. one `nomos fit` wrote),"
          + " and its floor when it declares one.")
  Path weightsFrom;

  @Option(names = "--standalone",
      description = "Bundle the runtime, so that `java -jar JAR eval --data D.jsonl` runs without Nomos installed.")
  boolean standalone;

  @Option(names = "--keep-pruned", description = "Keep laws at weight 0 in the jar (default: leave them out).")
  boolean keepPruned;

  @Option(names = "--nu", defaultValue = "10", paramLabel = "NU",
      description = "Penalty of a value a law does not allow (default: ${DEFAULT-VALUE}).")
  double nu;

  @Option(names = "--lambda", defaultValue = "0.001", paramLabel = "LAMBDA",
      description = "L1 penalty used when the weights are fitted (default: ${DEFAULT-VALUE}).")
  double lambda;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    if (!(nu > 0) || Double.isInfinite(nu)) {
      throw new UserFacingException("--nu must be a positive number, got " + nu, ExitCodes.USAGE);
    }
    if (!(lambda >= 0) || Double.isInfinite(lambda)) {
      throw new UserFacingException("--lambda must be a non-negative number, got " + lambda, ExitCodes.USAGE);
    }
    Compilation c = NomosCompiler.compile(files);
    if (c.hasErrors()) {
      err.print(DiagnosticRenderer.render(c.diagnostics()));
      err.flush();
      throw new UserFacingException(c.errors().size() + (c.errors().size() == 1 ? " error" : " errors")
          + "; no jar written");
    }
    if (c.schema() == null) {
      throw new UserFacingException("no world declared in " + files + "; declare one or `use` the file that does");
    }
    if (!c.constraints().isEmpty()) {
      // A jar without them would predict frames the model forbids; refuse rather than drop them.
      throw new UserFacingException("model jars do not carry constraints; " + files + " declare "
          + c.constraints().stream().map(CheckedLaw::name).toList()
          + " (run the .law files with fit, eval and simulate instead)");
    }
    for (SourceUnit unit : c.units()) {
      if (ModelInput.sameFile(Path.of(unit.source().name()), output)) {
        throw new UserFacingException("-o " + output + " would overwrite " + unit.source().name()
            + ", a source of the model, with a jar; name the jar something else (model.jar)", ExitCodes.USAGE);
      }
    }
    Fitted fitted = weightsFrom == null ? new Fitted(Map.of(), null) : readFitted(weightsFrom, c.schema(), err);
    Map<String, Double> fromFile = fitted.weights();
    Map<String, Double> floor = fitted.floor() != null ? fitted.floor() : c.floor().values();
    ModelJarWriter writer = ModelJarWriter.forWorld(c.schema()).options(nu, lambda).floor(floor).standalone(standalone);
    int pruned = 0;
    for (CheckedLaw law : c.laws()) {
      // Source weights were range-checked by the checker, FROM weights by readWeights.
      double weight = fromFile.getOrDefault(law.name(), law.weight() == null ? 1.0 : law.weight());
      if (weight == 0 && !keepPruned) {
        pruned++;
        continue;
      }
      writer.law(law.plan(), weight);
    }
    for (String name : fromFile.keySet()) {
      if (c.law(name).isEmpty()) {
        err.println("nomos: note: " + weightsFrom + " has a weight for law " + name + ", which the model does not have");
      }
    }
    for (Map.Entry<String, String> source : jarPaths(c.units()).entrySet()) {
      writer.source(source.getKey(), source.getValue());
    }
    ModelManifest manifest;
    try {
      manifest = writer.write(output);
    } catch (IOException e) {
      throw new UserFacingException("cannot write " + output + ": " + e.getMessage(), e);
    } catch (ModelJarWriter.UncompilableLawException e) {
      String where = c.law(e.lawName()).map(l -> l.source().name() + ":" + l.decl().span().line() + ": ").orElse("");
      throw new UserFacingException(where + e.getMessage());
    } catch (IllegalArgumentException e) {
      throw new UserFacingException(e.getMessage());
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println("wrote " + output + ": world " + c.schema().name() + ", " + manifest.laws().size() + " laws in "
        + manifest.classes().size() + (manifest.classes().size() == 1 ? " class" : " classes")
        + (standalone ? ", standalone" : "")
        + (pruned == 0 ? "" : "; left out " + pruned + (pruned == 1 ? " law" : " laws")
            + " at weight 0 (--keep-pruned keeps them)"));
    out.flush();
    return ExitCodes.OK;
  }

  /** What a --weights file gives: its laws' weights (laws without one left out) and its floor (null if none). */
  private record Fitted(Map<String, Double> weights, Map<String, Double> floor) {}

  private static Fitted readFitted(Path from, WorldSchema schema, PrintWriter err) {
    SourceFile source;
    try {
      source = SourceResolver.fileSystem().read(from.toString());
    } catch (IOException e) {
      throw new UserFacingException("cannot read " + from + ": " + e.getMessage());
    }
    ParseResult parsed = Parser.parse(source);
    List<Diagnostic> errors = parsed.diagnostics().stream().filter(Diagnostic::isError).toList();
    if (!errors.isEmpty()) {
      err.print(DiagnosticRenderer.render(errors));
      err.flush();
      throw new UserFacingException(from + " does not parse; no weights taken from it");
    }
    Map<String, Double> weights = new LinkedHashMap<>();
    for (LawDecl law : parsed.unit().laws()) {
      if (law.weight() != null) {
        double max = dev.nomos.runtime.model.ModelOptions.MAX_WEIGHT;
        if (!(Math.abs(law.weight()) <= max)) {
          throw new UserFacingException(from + ":" + law.span().line() + ": law " + law.name().text() + " has weight "
              + law.weightText() + "; weights must lie in [" + -(int) max + ", " + (int) max + "]");
        }
        weights.put(law.name().text(), law.weight());
      }
    }
    Map<String, Double> floor = null;
    for (TopDecl d : parsed.unit().decls()) {
      if (d instanceof FloorDecl f) {
        List<Diagnostic> problems = new ArrayList<>();
        floor = new FloorChecker(source, problems).check(f, schema);
        if (!problems.isEmpty()) {
          err.print(DiagnosticRenderer.render(problems));
          err.flush();
          throw new UserFacingException(from + ": its floor does not fit the model's world; no weights taken from it");
        }
      }
    }
    return new Fitted(weights, floor);
  }

  /**
   * Each source's path inside the jar: relative to the deepest directory holding all of them, so
   * that {@code use "..."} paths between them still resolve.
   */
  static Map<String, String> jarPaths(List<SourceUnit> units) {
    List<Path> paths = new ArrayList<>();
    for (SourceUnit u : units) {
      paths.add(Path.of(u.source().name()).toAbsolutePath().normalize());
    }
    Path root = paths.get(0).getParent();
    for (Path p : paths) {
      while (root != null && !p.startsWith(root)) {
        root = root.getParent();
      }
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < units.size(); i++) {
      Path relative = root == null ? paths.get(i).getFileName() : root.relativize(paths.get(i));
      out.putIfAbsent(relative.toString().replace(java.io.File.separatorChar, '/'), units.get(i).source().text());
    }
    return out;
  }
}
