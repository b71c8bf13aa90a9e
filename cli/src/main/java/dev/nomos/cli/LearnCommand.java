package dev.nomos.cli;

import dev.nomos.compiler.Compilation;
import dev.nomos.compiler.CheckedLaw;
import dev.nomos.compiler.NomosCompiler;
import dev.nomos.compiler.codegen.Engine;
import dev.nomos.compiler.diag.DiagnosticRenderer;
import dev.nomos.learn.ActionDependence;
import dev.nomos.learn.ActionDirections;
import dev.nomos.learn.CandidateChecker;
import dev.nomos.learn.EnumerativeProposer;
import dev.nomos.learn.Heading;
import dev.nomos.learn.IterationReport;
import dev.nomos.learn.LearnListener;
import dev.nomos.learn.LearnOptions;
import dev.nomos.learn.LearnReport;
import dev.nomos.learn.LearnResult;
import dev.nomos.learn.LearnedLaw;
import dev.nomos.learn.Learner;
import dev.nomos.learn.LlmProposer;
import dev.nomos.learn.LlmSettings;
import dev.nomos.learn.ModelSelection;
import dev.nomos.learn.NomosLawCompiler;
import dev.nomos.learn.Proposer;
import dev.nomos.learn.RetryPolicy;
import dev.nomos.learn.Timing;
import dev.nomos.runtime.Deadline;
import dev.nomos.runtime.WorldSchema;
import dev.nomos.runtime.cluster.ClusterSession;
import dev.nomos.runtime.cluster.ClusterTaskException;
import dev.nomos.runtime.model.ModelOptions;
import dev.nomos.runtime.trajectory.Episode;
import dev.nomos.runtime.trajectory.Episodes;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code nomos learn WORLD.law [LAWS.law...] --data TRAIN [--test TEST] -o OUT.law}, or
 * {@code nomos learn DIR [LAWS.law...]} for a directory holding {@code world.law},
 * {@code train.jsonl[.gz]} and {@code test.jsonl[.gz]}. Laws in the given files are the starting
 * model: kept, refitted and prunable like learned ones, and written back with their comments.
 */
@Command(name = "learn", mixinStandardHelpOptions = true,
    header = "Learn a model's laws and weights from trajectories (offline search or an LLM).",
    description = {"Learn laws from trajectories: fit, find the transitions explained worst,",
        "propose laws, check, compile, refit, prune; repeat until the data is explained",
        "or the budget is spent. Laws in the given .law files are the starting model:",
        "kept (with their comments), refitted, prunable, and extended. Writes the laws",
        "with their weights (-o; for a directory, DIR/learned.law). The runs of model",
        "selection, the candidates' checks and the scoring of the training data share the",
        "--threads; the laws and weights are those of one thread unless --max-time is reached."})
public final class LearnCommand implements Callable<Integer> {

  enum ProposerKind { enumerative, openai, ollama }

  @Parameters(arity = "1..*", paramLabel = "MODEL",
      description = {"The .law files of the world and of laws to start from, or a directory with world.law,",
          "train.jsonl and test.jsonl (then followed by any .law files of laws to start from)."})
  List<Path> targets = new ArrayList<>();

  @Option(names = "--data", paramLabel = "FILE", description = "Training trajectories (.jsonl[.gz]); repeat for several.")
  List<Path> data = new ArrayList<>();

  @Option(names = "--test", paramLabel = "FILE", description = "Held-out trajectories for the metrics; repeat for several.")
  List<Path> test = new ArrayList<>();

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "The learned .law file.")
  Path output;

  @Option(names = "--report", paramLabel = "FILE", description = "Write the per-iteration report as JSON.")
  Path report;

  @Option(names = "--plot", paramLabel = "FILE",
      description = "Also plot the run's curves (NLL, accuracy and law count per round; .png or .svg), as `nomos report` does.")
  Path plot;

  @Option(names = "--html", paramLabel = "FILE",
      description = "Also write one self-contained HTML page about the run: its figures, curves, per-type accuracy, "
          + "a rollout of the learned model beside the first test episode (else the first training one) and the learned laws.")
  Path html;

  @Option(names = "--jar", paramLabel = "JAR", description = "Also compile the learned model into this model jar.")
  Path jar;

  @Option(names = "--inline-world", description = "Copy the world declaration into the output instead of a `use` line.")
  boolean inlineWorld;

  @Option(names = "--proposer", defaultValue = "enumerative", paramLabel = "KIND",
      description = "Who proposes laws: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  ProposerKind proposerKind;

  @Option(names = "--model", paramLabel = "NAME", description = "LLM model name (openai: gpt-4o-mini; ollama: qwen2.5-coder:7b by default).")
  String model;

  @Option(names = "--base-url", paramLabel = "URL", description = "LLM endpoint (OpenAI-compatible or Ollama).")
  String baseUrl;

  @Option(names = "--llm-cache", paramLabel = "DIR", description = "Cache LLM answers here; a cached run replays offline exactly.")
  Path llmCache;

  @Option(names = "--llm-timeout", defaultValue = "120", paramLabel = "SECONDS", description = "Timeout of one LLM call (default: ${DEFAULT-VALUE}).")
  int llmTimeout;

  @Option(names = "--iterations", paramLabel = "N", description = "Propose-fit rounds at most (default: 20 enumerative, 10 LLM).")
  Integer iterations;

  @Option(names = "--max-llm-calls", paramLabel = "N", description = "LLM calls at most (default: 40).")
  Long maxLlmCalls;

  @Option(names = "--max-tokens", paramLabel = "N", description = "LLM tokens at most (default: 400000).")
  Long maxTokens;

  @Option(names = "--max-time", paramLabel = "SECONDS", description = "Wall-clock budget in seconds, reading the data and the final refit included (default: 240 enumerative, 1200 LLM).")
  Integer maxTime;

  @Option(names = "--candidates", paramLabel = "N", description = "Candidates asked for per round (default: 120 enumerative, 8 LLM).")
  Integer candidates;

  @Option(names = "--max-train", paramLabel = "N", description = "Use whole training episodes up to about N transitions (default: all).")
  Integer maxTrain;

  @Option(names = "--engine", defaultValue = "compiled", paramLabel = "ENGINE",
      description = "How laws run while learning: compiled or interpreted (default: ${DEFAULT-VALUE}).")
  String engine;

  @Option(names = "--lambda", paramLabel = "L",
      description = "L1 penalty on the weights when fitting (default: chosen from 0.0005, 0.001, 0.003 on held-out training data; 0.001 without selection).")
  Double lambda;

  @Option(names = "--validation", paramLabel = "FRACTION",
      description = "Share of the training data held out, spread over the recording, to choose the round and lambda and prune the chosen laws (default: 0.2 enumerative, 0 for LLMs; 0 turns selection off).")
  Double validation;

  @Option(names = "--no-select", description = "No model selection: the last round on all training data is the model.")
  boolean noSelect;

  @Option(names = "--nu", paramLabel = "NU", description = "Score of a value a law excludes is -NU (default 10).")
  Double nu;

  @Option(names = "--strict", description = ModelInput.STRICT_HELP)
  boolean strict;

  @Option(names = "--merge-identical",
      description = "Merge laws whose opinions are identical on the training data into the one stating fewest "
          + "conditions (a smaller model; off by default: laws that agree on the training data may disagree on a "
          + "new level).")
  boolean mergeIdentical;

  /** The runs of model selection, the candidates' checks and the scoring of the training data share them. */
  @Mixin ThreadOptions threads;

  @Option(names = "--spark", paramLabel = "MASTER",
      description = "Score every training transition and the candidate laws on every round as Apache Spark jobs on "
          + "MASTER (local[N], yarn, spark://HOST:PORT, ...), with the same result; the workers read the --data "
          + "files at their paths on this machine, so a cluster needs them on a shared mount (docs/scale.md).")
  String spark;

  @Option(names = {"-q", "--quiet"}, description = "No progress and no table.")
  boolean quiet;

  @Option(names = {"-v", "--verbose"}, description = "Also print every rejected candidate and why, every merge, and when each phase starts.")
  boolean verbose;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    // The budget covers everything from here: reading the data included.
    long started = System.nanoTime();
    List<Path> lawFiles = new ArrayList<>(targets);
    List<Path> trainFiles = new ArrayList<>(data);
    List<Path> testFiles = new ArrayList<>(test);
    Path out = output;
    Path target = targets.get(0);
    if (Files.isDirectory(target)) {
      lawFiles.set(0, target.resolve("world.law"));
      if (trainFiles.isEmpty()) {
        trainFiles.add(firstExisting(target, "train.jsonl", "train.jsonl.gz"));
      }
      if (testFiles.isEmpty()) {
        Path t = existingOrNull(target, "test.jsonl", "test.jsonl.gz");
        if (t != null) {
          testFiles.add(t);
        }
      }
      if (out == null) {
        out = target.resolve("learned.law");
      }
    }
    for (Path f : lawFiles) {
      String name = f.getFileName() == null ? "" : f.getFileName().toString();
      if (name.endsWith(".jsonl") || name.endsWith(".jsonl.gz") || name.endsWith(".json")) {
        throw new UserFacingException(f + " looks like trajectory data, not a .law file; give data with --data",
            ExitCodes.USAGE);
      }
      if (!Files.isRegularFile(f)) {
        throw new UserFacingException(f + ": no such file", ExitCodes.USAGE);
      }
    }
    if (trainFiles.isEmpty()) {
      throw new UserFacingException("no training data: give --data FILE", ExitCodes.USAGE);
    }
    if (out == null) {
      throw new UserFacingException("no output: give -o FILE", ExitCodes.USAGE);
    }
    if (plot != null) {
      CurvePlot.isSvg(plot);
      OutputFiles.checkWritable(plot);
    }
    if (html != null) {
      OutputFiles.checkWritable(html);
    }
    Compilation world = NomosCompiler.compile(lawFiles);
    if (world.hasErrors() || world.schema() == null) {
      throw new UserFacingException(world.schema() == null
          ? String.join(", ", lawFiles.stream().map(Path::toString).toList()) + ": declare no world"
          : DiagnosticRenderer.render(world.errors().get(0)).strip());
    }
    if (!world.constraints().isEmpty()) {
      // The loop's models and its output are laws only; dropping the constraints silently would
      // learn (and write) a different model from the one given.
      throw new UserFacingException("nomos learn does not take constraints; the files declare "
          + world.constraints().stream().map(CheckedLaw::name).toList()
          + " (learn from the laws alone, then add the constraints to the output and `nomos fit` it)", ExitCodes.USAGE);
    }
    WorldSchema schema = world.schema();
    StartingModel starting = StartingModel.of(world);
    Path worldFile = starting.worldFile();
    if (!inlineWorld && sameFile(out, worldFile)) {
      throw new UserFacingException("-o " + out + " would overwrite the world declaration the output uses;"
          + " name another file (or add --inline-world)", ExitCodes.USAGE);
    }
    String worldSource = starting.worldSource();
    PrintWriter readErr = spec.commandLine().getErr();
    List<Episode> train = limit(ModelInput.readData(trainFiles, schema, strict, readErr).episodes(), maxTrain);
    List<Episode> testEpisodes = ModelInput.readData(testFiles, schema, strict, readErr).episodes();
    NomosLawCompiler compiler = new NomosLawCompiler(schema, ModelInput.engine(engine));
    Proposer proposer = proposer(compiler);
    LearnOptions options = options(proposer);
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter stdout = spec.commandLine().getOut();
    Progress progress = new Progress(err, !quiet && System.console() != null);
    if (!quiet) {
      stdout.println("learning " + schema.name() + " from " + Episodes.transitions(train) + " transitions"
          + (testEpisodes.isEmpty() ? "" : ", testing on " + Episodes.transitions(testEpisodes)) + "; proposer "
          + proposer.name() + (starting.laws().isEmpty() ? "" : "; starting from " + starting.laws().size()
          + (starting.laws().size() == 1 ? " law" : " laws")));
      List<Heading> headings = Heading.infer(schema, train);
      if (!headings.isEmpty()) {
        stdout.println("headings read off the data: "
            + String.join("; ", headings.stream().map(Heading::describe).toList()));
      }
      ActionDirections directions = ActionDirections.infer(schema, train);
      if (!directions.isEmpty()) {
        stdout.println("actions read off the data as directions: " + directions.describe());
      }
      Timing timing = Timing.infer(schema, train);
      if (!timing.isEmpty()) {
        stdout.println("clocks read off the data: " + timing.describe(schema));
      }
      ActionDependence dependence = ActionDependence.infer(schema, train);
      if (!dependence.independent().isEmpty()) {
        stdout.println("changes independent of the action, read off the data: "
            + String.join(", ", new java.util.TreeSet<>(dependence.independent())));
      }
      stdout.println(LearnReport.tableHeader());
      stdout.flush();
    }
    LearnListener listener = new LearnListener() {
      @Override
      public void phase(int iteration, String phase) {
        progress.status("iteration " + iteration + ": " + phase);
        if (verbose && !quiet) {
          progress.clear();
          err.printf("iteration %d: %s (at %.1f s)%n", iteration, phase, (System.nanoTime() - started) / 1e9);
          err.flush();
        }
      }

      @Override
      public void proposed(int iteration, dev.nomos.learn.Proposal proposal) {
        // A proposal with nothing in it always says why; otherwise only when asked.
        if ((verbose || proposal.candidates().isEmpty()) && !quiet) {
          progress.clear();
          for (String note : proposal.notes()) {
            err.println("iteration " + iteration + ": " + proposer.name() + ": " + note);
          }

          err.flush();
        }
      }

      @Override
      public void rejected(int iteration, String candidate, String reason) {
        if (verbose) {
          progress.clear();
          err.println("iteration " + iteration + ": rejected " + candidate.strip().replace("\n", "\n  ") + "\n  "
              + reason.strip().replace("\n", "\n  "));
          err.flush();
        }
      }

      @Override
      public void merged(int iteration, Map<String, String> merged) {
        if (verbose && !merged.isEmpty() && !quiet) {
          progress.clear();
          for (Map.Entry<String, String> m : merged.entrySet()) {
            err.println("iteration " + iteration + ": merged " + m.getKey() + " into " + m.getValue()
                + " (identical opinions on the training data)");
          }
          err.flush();
        }
      }

      @Override
      public void iterationDone(IterationReport r) {
        progress.clear();
        if (!quiet) {
          stdout.println(LearnReport.tableRow(r));
          stdout.flush();
        }
      }
    };
    ModelOptions modelOptions = ModelOptions.defaults();
    try {
      if (lambda != null) {
        modelOptions = modelOptions.withLambda(lambda);
      }
      if (nu != null) {
        modelOptions = modelOptions.withNu(nu);
      }
    } catch (IllegalArgumentException e) {
      throw new UserFacingException(e.getMessage(), ExitCodes.USAGE);
    }
    // A twentieth of the budget is left for writing the outputs and for the JVM around the learner.
    Deadline deadline = Deadline.in(options.maxTime().multipliedBy(19).dividedBy(20)
        .minusNanos(System.nanoTime() - started));
    Learner learner = new Learner(schema, worldSource, compiler, proposer, options, modelOptions, listener);
    LearnResult result;
    try (ClusterSession session = spark == null ? null : ClusterOptions.open(spark)) {
      if (session != null) {
        learner.scoringOn(session, ModelInput.engine(engine), strict);
      }
      result = learner.learn(train, testEpisodes, starting.laws(), deadline);
    } catch (ClusterTaskException e) {
      throw new UserFacingException(e.getMessage());
    }
    progress.clear();
    if (proposer instanceof dev.nomos.learn.LlmProposer llm && llm.failureWithoutAnswers().isPresent()) {
      // A model learned without one answer is the starting model refitted, not what was asked for.
      throw new UserFacingException("every call to " + proposer.name() + " failed; nothing written to " + out
          + ": " + llm.failureWithoutAnswers().get());
    }
    String header = inlineWorld ? worldSource : "use \"" + relativeUse(out, worldFile) + "\"";
    InitCommand.writeAtomically(out, result.lawFile(header));
    if (report != null) {
      InitCommand.writeAtomically(report, result.report().toJson());
    }
    if (plot != null) {
      ReportCommand.write(LearningCurves.parse(result.report().toJson(), "the run's report"), plot);
    }
    if (html != null) {
      Episode shown = (testEpisodes.isEmpty() ? train : testEpisodes).stream()
          .filter(e -> e.frames().size() > 1).findFirst().orElse(train.get(0));
      try {
        OutputFiles.writeString(html, HtmlReport.page(schema.name(), result.report().toJson(), result.lawFile(header),
            result.model(), shown));
      } catch (IOException e) {
        throw OutputFiles.cannotWrite(html, e);
      }
    }
    if (jar != null) {
      CommandLine compile = Main.newCommandLine();
      compile.setOut(stdout);
      compile.setErr(err);
      int code = compile.execute("compile", out.toString(), "-o", jar.toString());
      if (code != ExitCodes.OK) {
        return code;
      }
    }
    if (!quiet) {
      LearnReport r = result.report();
      if (r.selection() != null) {
        stdout.println(r.selectionLine());
      }
      if (!r.merged().isEmpty()) {
        stdout.println("merged " + r.merged().size() + " laws into laws with identical opinions on the training data"
            + (verbose ? "" : " (-v names them; the --report JSON lists them)"));
      }
      if (!starting.laws().isEmpty()) {
        List<String> kept = result.laws().stream().map(LearnedLaw::name).toList();
        List<String> dropped = starting.lawNames().stream().filter(n -> !kept.contains(n)).toList();
        stdout.println("your laws: " + (starting.laws().size() - dropped.size()) + " of " + starting.laws().size()
            + " kept" + (dropped.isEmpty() ? "" : "; pruned or merged by the fit: " + String.join(", ", dropped)));
      }
      stdout.printf("stopped: %s after %.1f s; %d laws written to %s%n", r.stopReason(),
          (System.nanoTime() - started) / 1e9, result.laws().size(), out);
      stdout.flush();
    }
    return ExitCodes.OK;
  }

  private Proposer proposer(CandidateChecker checker) {
    // LangChain4j logs through SLF4J; without a provider SLF4J would print three lines of warnings.
    System.setProperty("slf4j.internal.verbosity", "ERROR");
    switch (proposerKind) {
      case openai: {
        String key = System.getenv("OPENAI_API_KEY");
        LlmSettings s = llmSettings(model != null ? model : "gpt-4o-mini").withApiKey(key);
        if (key == null && baseUrl == null) {
          throw new UserFacingException("--proposer openai needs OPENAI_API_KEY (or --base-url of a local endpoint)",
              ExitCodes.USAGE);
        }
        return LlmProposer.openAi(s, checker);
      }
      case ollama:
        return LlmProposer.ollama(llmSettings(model != null ? model : "qwen2.5-coder:7b"), checker);
      default:
        return new EnumerativeProposer();
    }
  }

  private LlmSettings llmSettings(String modelName) {
    LlmSettings s = LlmSettings.of(modelName).withTimeout(Duration.ofSeconds(llmTimeout)).withRetry(RetryPolicy.DEFAULT);
    if (baseUrl != null) {
      s = s.withBaseUrl(baseUrl);
    }
    if (llmCache != null) {
      s = s.withCacheDir(llmCache);
    }
    return s;
  }

  private LearnOptions options(Proposer proposer) {
    LearnOptions o = proposer.callsModels() ? LearnOptions.llmDefaults() : LearnOptions.enumerativeDefaults();
    if (iterations != null) {
      o = o.withMaxIterations(iterations);
    }
    if (maxTime != null) {
      o = o.withMaxTime(Duration.ofSeconds(maxTime));
    }
    if (maxLlmCalls != null || maxTokens != null) {
      o = o.withLlmBudget(maxLlmCalls != null ? maxLlmCalls : o.maxLlmCalls(), maxTokens != null ? maxTokens : o.maxTokens());
    }
    if (candidates != null) {
      o = o.withCandidatesPerIteration(candidates);
    }
    o = o.withThreads(threads.count());
    return o.withSelection(selection(o.selection())).withMergeIdentical(mergeIdentical);
  }

  private ModelSelection selection(ModelSelection defaults) {
    if (noSelect) {
      return ModelSelection.OFF;
    }
    double fraction = validation != null ? validation
        : defaults.enabled() ? defaults.validationFraction() : 0;
    try {
      // A penalty given on the command line is kept; only the round is then chosen.
      return new ModelSelection(fraction, lambda != null ? List.of() : defaults.lambdas());
    } catch (IllegalArgumentException e) {
      throw new UserFacingException("--validation: " + e.getMessage(), ExitCodes.USAGE);
    }
  }

  /** Whole episodes, in order, until about {@code max} transitions (the last one may be cut). */
  static List<Episode> limit(List<Episode> episodes, Integer max) {
    if (max == null) {
      return episodes;
    }
    List<Episode> out = new ArrayList<>();
    int n = 0;
    for (Episode e : episodes) {
      if (n >= max) {
        break;
      }
      int keep = Math.min(e.transitions(), max - n);
      if (keep == e.transitions()) {
        out.add(e);
      } else {
        out.add(new Episode(e.file(), e.number(), e.frames().subList(0, keep + 1),
            java.util.Arrays.copyOf(e.lines(), keep + 1)));
      }
      n += keep;
    }
    return out;
  }

  private static boolean sameFile(Path a, Path b) {
    return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
  }

  private static Path firstExisting(Path dir, String... names) {
    Path p = existingOrNull(dir, names);
    if (p == null) {
      throw new UserFacingException(dir + ": has no " + names[0] + " (or .gz)", ExitCodes.USAGE);
    }
    return p;
  }

  private static Path existingOrNull(Path dir, String... names) {
    for (String n : names) {
      if (Files.isRegularFile(dir.resolve(n))) {
        return dir.resolve(n);
      }
    }
    return null;
  }

  /** The world file as a {@code use} path relative to the output file's directory. */
  static String relativeUse(Path out, Path worldFile) {
    Path from = out.toAbsolutePath().normalize().getParent();
    return from.relativize(worldFile.toAbsolutePath().normalize()).toString().replace('\\', '/');
  }

  /** A one-line status on a terminal, overwritten in place. */
  private static final class Progress {
    private final PrintWriter err;
    private final boolean enabled;
    private int width;

    Progress(PrintWriter err, boolean enabled) {
      this.err = err;
      this.enabled = enabled;
    }

    void status(String text) {
      if (enabled) {
        err.print("\r" + text + " ".repeat(Math.max(0, width - text.length())));
        width = text.length();
        err.flush();
      }
    }

    void clear() {
      if (enabled && width > 0) {
        err.print("\r" + " ".repeat(width) + "\r");
        width = 0;
        err.flush();
      }
    }
  }
}
