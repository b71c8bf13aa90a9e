package dev.nomos.cli;

import dev.nomos.runtime.Parallelism;
import dev.nomos.runtime.cluster.ClusterSession;
import dev.nomos.runtime.cluster.ClusterTaskException;
import dev.nomos.runtime.fit.FitData;
import dev.nomos.runtime.fit.FitResult;
import dev.nomos.runtime.fit.Fitter;
import dev.nomos.runtime.model.Floor;
import dev.nomos.runtime.model.LawException;
import dev.nomos.runtime.model.WorldModel;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code nomos fit MODEL... --data TRAIN -o OUT.law}: fits the laws' weights to recorded trajectories. */
@Command(
    name = "fit",
    mixinStandardHelpOptions = true,
    description = {
        "Fits the weights of a model's laws to trajectories: weights in [0, 10] maximising the mean "
            + "log-likelihood per transition minus lambda * sum(weights) (bounded L-BFGS), starting from the "
            + "weights written on the laws (1 where none is). Laws whose weight ends at or below 0.01 are pruned.",
        "Creation probabilities written `with probability fitted [p]` are fitted too (from p, else from the rate "
            + "the data shows), and written back; a law whose only opinions are such creations keeps its weight.",
        "With the floor (the default), each target mixes the laws' product of experts with a uniform background "
            + "of weight eps per channel (alive, x, y, spawn, each extra attribute); eps is fitted with the weights, "
            + "at least 1/(n+2) for a channel seen n times, at most 0.5.",
        "Prints a table of laws and weights and the fitted floor, and with -o writes the laws again (atomically) "
            + "with `weight w` on every law and the floor in `floor { ... }`, in one file even when they came from "
            + "several (a world among them comes along; a world in a file of its own is `use`d); pruned laws are left "
            + "out, or kept with weight 0.0 (which silences them) with --keep-pruned.",
        "Data the world does not declare (an attribute, a type, an action, a value outside a declared range "
            + "or symbol set) is read with one warning line each on standard error and scored as something the "
            + "model did not foresee; --strict refuses it.",
        "The data is read one episode at a time and scored on --threads threads into distinct targets with counts, so memory "
            + "grows with the distinct situations, not the transitions; the weights are the same for any thread count. "
            + "--spark MASTER runs the scoring and the objective's sums as Apache Spark jobs instead (docs/scale.md).",
        "Exit codes: 0 ok, 1 a model or data error, 2 bad usage."})
public final class FitCommand implements Callable<Integer> {
  @Mixin ModelRunOptions run;

  @Mixin ThreadOptions threads;

  @Mixin ClusterOptions cluster;


  @Spec
  CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "MODEL", description = "The model: .law files (world and laws).")
  List<Path> model;

  @Option(names = "--data", required = true, paramLabel = "TRAIN",
      description = "Training trajectories (.jsonl or .jsonl.gz); repeat the option for more files.")
  List<Path> data;

  @Option(names = {"-o", "--output"}, paramLabel = "OUT.law", description = "Write the fitted model here.")
  Path output;

  @Option(names = "--keep-pruned",
      description = "With -o, keep the pruned laws in the output, with weight 0.0 (default: leave them out).")
  boolean keepPruned;

  @Option(names = "--lambda", paramLabel = "L", description = "L1 penalty on the weights (default 0.001).")
  Double lambda;

  @Option(names = "--max-iterations", defaultValue = "2000", paramLabel = "N",
      description = "Optimiser iteration limit (default ${DEFAULT-VALUE}).")
  int maxIterations;

  @Override
  public Integer call() {
    if (output != null && !output.getFileName().toString().endsWith(".law")) {
      throw new UserFacingException("-o must name a .law file; make a jar from it with `nomos compile MODEL... --weights OUT.law -o model.jar`", ExitCodes.USAGE);
    }
    if (maxIterations < 0) {
      throw new UserFacingException("--max-iterations must be >= 0", ExitCodes.USAGE);
    }
    if (output != null) {
      OutputFiles.checkWritable(output);
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ModelInput input = run.load(model, lambda, err);
    if (output != null && input.compilation == null) {
      throw new UserFacingException("-o writes the fitted weights into the laws' .law file, and a model jar has none;"
          + " fit the .law files the jar was compiled from", ExitCodes.USAGE);
    }
    if (input.model.laws().isEmpty()) {
      throw new UserFacingException("nothing to fit: " + String.join(", ", model.stream().map(Path::toString).toList())
          + (model.size() == 1 ? " declares" : " declare") + " no laws");
    }
    if (output != null) {
      input.checkOutputSpares(output);
    }
    WorldModel m = input.model;
    FitData precomputed;
    FitResult result;
    if (cluster.enabled()) {
      ModelSources recipe = ModelSources.of(input, model, run, lambda);
      try (ClusterSession session = cluster.open()) {
        precomputed = session.precompute(recipe, m, ClusterOptions.dataAsWritten(spec), run.strict, err::println);
        err.flush();
        requireTransitions(precomputed);
        result = new Fitter(maxIterations).summingWith(session.sums()).fit(m, precomputed);
      } catch (ClusterTaskException e) {
        throw new UserFacingException(e.getMessage());
      }
    } else {
      Parallelism parallelism = threads.parallelism();
      StreamedData stream = new StreamedData(data, m.schema(), run.strict);
      try (ProgressBar bar = ProgressBar.on(err, "scoring")) {
        precomputed = FitData.precompute(m, stream, -1, bar, parallelism);
      } catch (LawException e) {
        throw new UserFacingException(e.getMessage());
      }
      stream.printWarnings(err);
      stream.requireTransitions();
      result = new Fitter(maxIterations).parallel(parallelism).fit(m, precomputed);
    }
    printTable(out, m, result, precomputed.transitions());
    printChances(out, result);
    printFloor(out, result.floor(), precomputed);
    if (output != null) {
      Map<String, Double> weights = new LinkedHashMap<>();
      double[] w = result.weights();
      for (int i = 0; i < w.length; i++) {
        String name = result.lawNames().get(i);
        weights.put(name, result.pruned().contains(name) ? 0.0 : w[i]);
      }
      Set<String> omitted = keepPruned ? Set.of() : Set.copyOf(result.pruned());
      String text = input.lawSourceWithWeights(weights, omitted, result.floor(), result.chances(), output);
      try {
        OutputFiles.writeString(output, text);
      } catch (IOException e) {
        out.flush();
        throw OutputFiles.cannotWrite(output, e);
      }
      int files = input.lawUnits().size();
      out.println("wrote " + output + (files == 1 ? "" : ": the laws of " + files + " files")
          + (omitted.isEmpty() ? "" : (files == 1 ? ": " : ", ") + "without the " + omitted.size() + " pruned"
              + (omitted.size() == 1 ? " law" : " laws") + " (--keep-pruned keeps them)"));
      if (files > 1 && input.lawUnits().stream().anyMatch(u -> ModelInput.sameFile(Path.of(u.source().name()), output))) {
        err.println("nomos: note: " + output + " now holds the laws of all " + files
            + " files; give it without the others from now on, or their laws are declared twice");
      }
    }
    out.flush();
    return ExitCodes.OK;
  }

  private void requireTransitions(FitData precomputed) {
    if (precomputed.transitions() == 0) {
      throw new UserFacingException("no transitions in " + String.join(", ", ClusterOptions.dataAsWritten(spec))
          + "; a transition needs two consecutive records of one episode");
    }
  }

  /** One line per law with fitted creation probabilities, in the order its creations state them. */
  private static void printChances(PrintWriter out, FitResult result) {
    result.chances().forEach((law, values) -> {
      StringBuilder line = new StringBuilder("probability fitted: ").append(law);
      for (double v : values) {
        line.append(Double.isNaN(v) ? "  (not fitted: no creation in the data)" : String.format("  %.4g", v));
      }
      out.println(line);
    });
  }

  private static void printFloor(PrintWriter out, Floor floor, FitData data) {
    if (!floor.enabled()) {
      out.println("no floor (--no-floor)");
      return;
    }
    StringBuilder line = new StringBuilder("floor:");
    long[] seen = data.channelTargets();
    for (int c = 0; c < seen.length; c++) {
      String channel = data.channels().get(c);
      line.append(String.format("  %s %.3g%s", channel, floor.epsilon(channel), seen[c] == 0 ? " (not fitted)" : ""));
    }
    out.println(line);
  }

  private static void printTable(PrintWriter out, WorldModel m, FitResult r, int transitions) {
    int width = Math.max(3, r.lawNames().stream().mapToInt(String::length).max().orElse(3));
    out.printf("%-" + width + "s  %8s  %8s  %s%n", "law", "before", "after", "");
    double[] after = r.weights();
    for (int i = 0; i < after.length; i++) {
      String name = r.lawNames().get(i);
      out.printf("%-" + width + "s  %8.4f  %8.4f  %s%n", name, m.weight(i), after[i],
          r.pruned().contains(name) ? "pruned" : "");
    }
    out.printf("%d transitions; NLL per transition %.4f -> %.4f; %d iterations%s; %d of %d laws pruned%n",
        transitions, r.startNll(), r.trainNll(), r.iterations(),
        r.converged() ? "" : " (iteration limit reached)", r.pruned().size(), after.length);
  }
}
