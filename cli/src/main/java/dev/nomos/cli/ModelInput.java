package dev.nomos.cli;

import dev.nomos.compiler.Compilation;
import dev.nomos.compiler.CheckedLaw;
import dev.nomos.compiler.NomosCompiler;
import dev.nomos.compiler.ast.SourceUnit;
import dev.nomos.compiler.codegen.CompiledLaws;
import dev.nomos.compiler.codegen.Engine;
import dev.nomos.compiler.diag.Diagnostic;
import dev.nomos.compiler.diag.DiagnosticRenderer;
import dev.nomos.compiler.interp.Interpreter;
import dev.nomos.compiler.plan.LawPlan;
import dev.nomos.runtime.Law;
import dev.nomos.runtime.WorldSchema;
import dev.nomos.runtime.jar.LoadedModel;
import dev.nomos.runtime.jar.ModelJar;
import dev.nomos.runtime.jar.ModelJarException;
import dev.nomos.runtime.model.Floor;
import dev.nomos.runtime.model.ModelOptions;
import dev.nomos.runtime.model.WorldModel;
import dev.nomos.runtime.trajectory.Episode;
import dev.nomos.runtime.trajectory.Episodes;
import dev.nomos.runtime.trajectory.FrameCodec;
import dev.nomos.runtime.trajectory.ReadMode;
import dev.nomos.runtime.trajectory.ReadWarning;
import dev.nomos.runtime.trajectory.TrajectoryData;
import dev.nomos.runtime.trajectory.TrajectoryFormatException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A model named on the command line, ready to run: either {@code .law} files (compiled, with the
 * weights written on the laws, 1 where none is written) or one model jar. Also reads the trajectory
 * files a command is given, turning every problem into a one-line {@link UserFacingException}.
 */
final class ModelInput {
  final WorldModel model;
  /** The compilation of the {@code .law} files, or null for a model jar. */
  final Compilation compilation;

  private ModelInput(WorldModel model, Compilation compilation) {
    this.model = model;
    this.compilation = compilation;
  }

  /**
   * Loads a model; {@code nu} and {@code lambda} override the defaults (for a jar: its model.json)
   * when non-null. Warnings are printed to {@code err}; errors end the command.
   */
  static ModelInput load(List<Path> files, Engine engine, Double nu, Double lambda, PrintWriter err) {
    return load(files, engine, nu, lambda, false, err);
  }

  /** As {@link #load(List, Engine, Double, Double, PrintWriter)}; {@code noFloor} drops the model's floor. */
  static ModelInput load(List<Path> files, Engine engine, Double nu, Double lambda, boolean noFloor, PrintWriter err) {
    ModelInput input = loadAsWritten(files, engine, nu, lambda, err);
    return noFloor ? new ModelInput(input.model.withFloor(Floor.none()), input.compilation) : input;
  }

  private static ModelInput loadAsWritten(List<Path> files, Engine engine, Double nu, Double lambda, PrintWriter err) {
    for (Path f : files) {
      String name = f.getFileName() == null ? "" : f.getFileName().toString();
      if (name.endsWith(".jsonl") || name.endsWith(".jsonl.gz") || name.endsWith(".json")) {
        throw new UserFacingException(f + " looks like trajectory data, not a model (.law files or a model jar);"
            + " give data with --data", ExitCodes.USAGE);
      }
    }
    List<Path> jars = files.stream().filter(p -> p.getFileName().toString().endsWith(".jar")).toList();
    if (!jars.isEmpty()) {
      if (files.size() != 1) {
        throw new UserFacingException("a model is one model jar or a set of .law files, not both", ExitCodes.USAGE);
      }
      return fromJar(jars.get(0), nu, lambda);
    }
    Compilation c = NomosCompiler.compile(files);
    List<Diagnostic> warnings = c.diagnostics().stream().filter(d -> !d.isError()).toList();
    if (c.hasErrors()) {
      err.print(DiagnosticRenderer.render(c.diagnostics()));
      err.flush();
      long errors = c.errors().size();
      throw new UserFacingException("the model has " + errors + (errors == 1 ? " error" : " errors")
          + "; see `nomos check`");
    }
    if (!warnings.isEmpty()) {
      err.print(DiagnosticRenderer.render(warnings));
      err.flush();
    }
    return fromCompilation(c, files, engine, nu, lambda);
  }

  /** The model of a compilation without errors of {@code files}; see {@link #load}. */
  static ModelInput fromCompilation(Compilation c, List<Path> files, Engine engine, Double nu, Double lambda) {
    WorldSchema schema = c.schema();
    if (schema == null) {
      throw new UserFacingException("no world: " + String.join(", ", files.stream().map(Path::toString).toList())
          + " declare none (add a world, or `use \"world.law\"`)");
    }
    List<LawPlan> plans = new ArrayList<>();
    List<Double> weights = new ArrayList<>();
    for (CheckedLaw law : c.laws()) {
      plans.add(law.plan());
      weights.add(law.weight() == null ? 1.0 : law.weight());
    }
    List<Law> laws = engine == Engine.INTERPRETED ? Interpreter.interpretAll(plans) : CompiledLaws.compile(plans);
    ModelOptions options = options(ModelOptions.defaults(), nu, lambda);
    WorldModel model = newModel(schema, laws, weights.stream().mapToDouble(Double::doubleValue).toArray(), options);
    List<LawPlan> constraintPlans = c.constraintPlans();
    List<Law> constraints = engine == Engine.INTERPRETED
        ? Interpreter.interpretAll(constraintPlans) : CompiledLaws.compile(constraintPlans);
    return new ModelInput(model.withFloor(c.floor()).withConstraints(constraints), c);
  }

  private static ModelInput fromJar(Path jar, Double nu, Double lambda) {
    LoadedModel loaded;
    try {
      loaded = ModelJar.load(jar);
    } catch (ModelJarException e) {
      // The jar loader names the jar in its messages already.
      String message = e.getMessage();
      throw new UserFacingException(message.startsWith(jar.toString()) ? message : jar + ": " + message);
    }
    ModelOptions base = ModelOptions.defaults().withNu(loaded.manifest().nu()).withLambda(loaded.manifest().lambda());
    WorldModel model = newModel(loaded.schema(), loaded.laws(), loaded.weights(), options(base, nu, lambda));
    return new ModelInput(model.withFloor(loaded.floor()), null);
  }

  private static ModelOptions options(ModelOptions base, Double nu, Double lambda) {
    try {
      ModelOptions o = base;
      if (nu != null) {
        o = o.withNu(nu);
      }
      if (lambda != null) {
        o = o.withLambda(lambda);
      }
      return o;
    } catch (IllegalArgumentException e) {
      throw new UserFacingException(e.getMessage(), ExitCodes.USAGE);
    }
  }

  private static WorldModel newModel(WorldSchema schema, List<Law> laws, double[] weights, ModelOptions options) {
    try {
      return new WorldModel(schema, laws, weights, options);
    } catch (IllegalArgumentException e) {
      throw new UserFacingException("cannot build the model: " + e.getMessage());
    }
  }

  /** The engine named by {@code --engine}. */
  static Engine engine(String name) {
    try {
      return Engine.parse(name);
    } catch (IllegalArgumentException e) {
      throw new UserFacingException(e.getMessage(), ExitCodes.USAGE);
    }
  }

  /**
   * The episodes of the trajectory files, read against the model's world: with {@code strict},
   * anything the world does not declare is an error; otherwise it is read, and each warning is
   * printed to {@code err} in one line.
   */
  static TrajectoryData readData(List<Path> files, WorldSchema schema, boolean strict, PrintWriter err) {
    FrameCodec codec = new FrameCodec(schema, strict ? ReadMode.STRICT : ReadMode.OPEN);
    List<Episode> all = new ArrayList<>();
    for (Path file : files) {
      try {
        all.addAll(Episodes.read(file, codec));
      } catch (TrajectoryFormatException e) {
        throw new UserFacingException(e.getMessage());
      } catch (IOException e) {
        throw new UserFacingException("cannot read " + file + ": " + reason(e, file));
      }
    }
    List<ReadWarning> warnings = codec.warnings();
    for (ReadWarning w : warnings) {
      err.println(w.message());
    }
    err.flush();
    return new TrajectoryData(all, warnings, codec);
  }

  /** The help text of {@code --strict}, the same for every command that reads data against a world. */
  static final String STRICT_HELP = "Refuse data the world does not declare (an attribute, type or action it does not "
      + "declare, a value outside a declared range or symbol set) instead of reading it with a warning.";

  /**
   * Refuses data without a single transition (two consecutive records of one episode): fitting to it
   * would prune every law, and its metrics are undefined.
   */
  static void requireTransitions(List<Episode> episodes, List<Path> files) {
    if (Episodes.transitions(episodes) > 0) {
      return;
    }
    int records = episodes.stream().mapToInt(e -> e.frames().size()).sum();
    throw new UserFacingException("no transitions in " + String.join(", ", files.stream().map(Path::toString).toList())
        + ": " + records + (records == 1 ? " record" : " records") + " in " + episodes.size()
        + (episodes.size() == 1 ? " episode" : " episodes")
        + "; a transition needs two consecutive records of one episode");
  }

  /** Why an I/O operation on {@code file} failed, in words, without repeating the file's name. */
  static String reason(IOException e, Path file) {
    if (e instanceof NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof FileSystemException f && f.getReason() != null) {
      return f.getReason();
    }
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    String prefix = file + ": ";
    return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
  }

  /**
   * Refuses an output that would overwrite one of the model's files that holds no laws (the world
   * declaration, say): the laws written there would lose the world they use. Writing over a file that
   * holds laws, to fit in place, is fine.
   */
  void checkOutputSpares(Path out) {
    if (compilation == null) {
      return;
    }
    if (compilation.floorDecl() != null && lawUnits().stream().noneMatch(u -> u.decls().contains(compilation.floorDecl()))) {
      String home = compilation.units().stream().filter(u -> u.decls().contains(compilation.floorDecl()))
          .map(u -> u.source().name()).findFirst().orElse("another file");
      throw new UserFacingException("the floor is declared in " + home + ", which holds no laws, but -o writes the fitted"
          + " floor with the laws; move the `floor { ... }` into a file with laws", ExitCodes.USAGE);
    }
    for (SourceUnit unit : compilation.units()) {
      Path source = Path.of(unit.source().name());
      if (unit.laws().isEmpty() && sameFile(source, out)) {
        throw new UserFacingException("-o " + out + " would overwrite " + source
            + ", which the model reads (it holds no laws); write the fitted laws to another file", ExitCodes.USAGE);
      }
    }
  }

  /** The files that hold the laws, in the order the compilation read them. */
  List<SourceUnit> lawUnits() {
    return compilation.units().stream().filter(u -> !u.laws().isEmpty()).toList();
  }

  /** Whether {@code a} and {@code b} name the same existing file (or, when that cannot be told, the same path). */
  static boolean sameFile(Path a, Path b) {
    try {
      return java.nio.file.Files.exists(b) && java.nio.file.Files.isSameFile(a, b);
    } catch (IOException e) {
      return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }
  }

  /**
   * The {@code .law} text of the model's laws with new weights, fitted probabilities and floor, to be written at
   * {@code out}, without the laws in {@code omitted}; the floor declaration holds {@code floor}'s
   * values (added when there is none; left as it is when {@code floor} is disabled). See
   * {@link LawFileWriter}.
   */
  String lawSourceWithWeights(Map<String, Double> weights, Set<String> omitted, Floor floor,
      Map<String, double[]> chances, Path out) {
    if (compilation == null) {
      throw new UserFacingException("a model jar has no .law file to write weights into; fit the .law files");
    }
    return LawFileWriter.combine(lawUnits(), weights, omitted, floor.enabled() ? floor.values() : null, chances, out);
  }
}
