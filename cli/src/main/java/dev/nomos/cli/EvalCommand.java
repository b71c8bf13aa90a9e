package dev.nomos.cli;

import dev.nomos.runtime.Parallelism;
import dev.nomos.runtime.cluster.ClusterSession;
import dev.nomos.runtime.cluster.ClusterTaskException;
import dev.nomos.runtime.model.AttributeScore;
import dev.nomos.runtime.model.Evaluation;
import dev.nomos.runtime.model.HorizonEvaluation;
import dev.nomos.runtime.model.LawException;
import dev.nomos.runtime.model.Metrics;
import dev.nomos.runtime.model.OutcomeEvaluation;
import dev.nomos.runtime.model.TransitionScore;
import dev.nomos.runtime.model.TypeEvaluation;
import dev.nomos.runtime.trajectory.Episode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code nomos eval MODEL... --data TEST}: the model's metrics on held-out trajectories. */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description = {
        "Evaluates a model on trajectories: mean negative log-likelihood per transition, exact next-frame "
            + "accuracy of the most likely prediction (every object's x, y and presence), and per-attribute "
            + "accuracy on moving objects; each also per entity type, with how often each law fired; and the "
            + "reward (accuracy and NLL, overall and on the steps whose reward is not 0) and the episode's end "
            + "(accuracy, precision and recall; a cut by a step budget is not an end).",
        "Data the world does not declare (an attribute, a type, an action, a value outside a declared range "
            + "or symbol set) is read with one warning line each on standard error and scored as something the "
            + "model did not foresee; --strict refuses it.",
        "The data is read one episode at a time and scored on --threads threads (without --horizon and --worst, "
            + "which keep it in memory), so memory does not grow with the recording; the report is the same for any thread count.",
        "Exit codes: 0 ok, 1 a model or data error, 2 bad usage."})
public final class EvalCommand implements Callable<Integer> {
  @Mixin ModelRunOptions run;

  @Mixin ThreadOptions threads;

  @Mixin ClusterOptions cluster;


  enum Format { text, json }

  @Spec
  CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "MODEL", description = "The model: .law files, or one model jar.")
  List<Path> model;

  @Option(names = "--data", required = true, paramLabel = "TEST",
      description = "Trajectories to evaluate on (.jsonl or .jsonl.gz); repeat the option for more files.")
  List<Path> data;

  @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Format format;

  @Option(names = "--horizon", paramLabel = "H",
      description = "Also roll the model out H steps from every recorded step under the recorded actions and "
          + "report, per horizon 1..H, exact-frame and attribute accuracy and the reward's accuracy and error.")
  Integer horizon;

  @Option(names = "--samples", paramLabel = "N",
      description = "With --horizon: N sampled rollouts per start instead of the most likely one.")
  Integer samples;

  @Option(names = "--seed", paramLabel = "SEED", description = "With --samples: the seed of the draws (default 0).")
  Long seed;

  @Option(names = "--worst", paramLabel = "N",
      description = "Also explain the N transitions the model explains worst (lowest log-likelihood), each with "
          + "its file:line and the targets it got wrong or found unlikely, as `nomos explain` does.")
  Integer worst;

  @Option(names = "--unlikely", paramLabel = "P",
      description = "With --worst: also list targets predicted right whose observed value has a probability below P (default 0.5).")
  Double unlikely;

  @Option(names = "--ablation",
      description = "Also report what each law is worth on this data: the NLL per transition without it (the "
          + "other laws at their weights) minus the model's, most harmful first; a negative worth is a law the "
          + "model is better off without here.")
  boolean ablation;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    checkRolloutOptions();
    if (cluster.enabled() && (horizon != null || worst != null || ablation)) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "--spark evaluates the metrics only; --horizon, --worst and --ablation run on this machine");
    }
    ModelInput input = run.load(model, null, err);
    // Rollouts and the worst transitions go back over the data; the metrics alone stream it.
    List<Episode> episodes = null;
    if (horizon != null || worst != null || ablation) {
      episodes = run.read(data, input.model.schema(), err).episodes();
      ModelInput.requireTransitions(episodes, data);
    }
    Evaluation e = cluster.enabled() ? evaluateOnCluster(input, err) : evaluateHere(input, episodes, err);
    HorizonEvaluation curve = null;
    if (horizon != null) {
      try (ProgressBar bar = ProgressBar.on(err, "rolling out")) {
        curve = HorizonEvaluation.evaluate(input.model, episodes, horizon, samples == null ? 0 : samples,
            seed == null ? 0 : seed, bar);
      } catch (LawException ex) {
        throw new UserFacingException(ex.getMessage());
      }
    }
    List<ExplanationReport.Explained> explained = worst == null ? null : worst(input, episodes);
    List<AblationReport.Worth> worths = null;
    if (ablation) {
      try (ProgressBar bar = ProgressBar.on(err, "weighing laws")) {
        worths = AblationReport.of(input.model, episodes, bar, threads.parallelism());
      } catch (LawException ex) {
        throw new UserFacingException(ex.getMessage());
      }
    }
    LawSources sources = LawSources.of(input);
    if (format == Format.json) {
      String json = curve == null ? e.toJson() : HorizonReport.withCurve(e.toJson(), curve);
      json = explained == null ? json : ExplanationReport.withWorst(json, explained, sources);
      out.println(worths == null ? json : AblationReport.withAblation(json, worths));
    } else {
      printText(out, e);
      if (curve != null) {
        out.println();
        HorizonReport.printText(out, curve);
      }
      if (explained != null) {
        out.println();
        out.println("worst " + explained.size() + (explained.size() == 1 ? " transition:" : " transitions:"));
        ExplanationReport.printText(out, explained, sources);
      }
      if (worths != null) {
        out.println();
        AblationReport.printText(out, worths);
      }
    }
    out.flush();
    return ExitCodes.OK;
  }

  /** The metrics computed here, over {@code episodes} when read already, else streaming the files. */
  private Evaluation evaluateHere(ModelInput input, List<Episode> episodes, PrintWriter err) {
    Parallelism parallelism = threads.parallelism();
    try (ProgressBar bar = ProgressBar.on(err, "evaluating")) {
      if (episodes != null) {
        return Metrics.evaluate(input.model, episodes, bar, parallelism);
      }
      StreamedData stream = new StreamedData(data, input.model.schema(), run.strict);
      Evaluation e = Metrics.evaluate(input.model, stream, -1, bar, parallelism);
      bar.close();
      stream.printWarnings(err);
      stream.requireTransitions();
      return e;
    } catch (LawException ex) {
      throw new UserFacingException(ex.getMessage());
    }
  }

  /** The metrics computed as a Spark job over the files. */
  private Evaluation evaluateOnCluster(ModelInput input, PrintWriter err) {
    Evaluation e;
    try (ClusterSession session = cluster.open()) {
      e = session.evaluate(ModelSources.of(input, model, run, null), input.model, ClusterOptions.dataAsWritten(spec),
          run.strict, err::println);
      err.flush();
    } catch (ClusterTaskException ex) {
      throw new UserFacingException(ex.getMessage());
    }
    if (e.transitions() == 0) {
      throw new UserFacingException("no transitions in " + String.join(", ", ClusterOptions.dataAsWritten(spec))
          + "; a transition needs two consecutive records of one episode");
    }
    return e;
  }

  /** The {@code --worst} transitions, lowest log-likelihood first (ties in data order). */
  private List<ExplanationReport.Explained> worst(ModelInput input, List<Episode> episodes) {
    List<TransitionScore> scores;
    try {
      scores = Metrics.scoreTransitions(input.model, episodes, dev.nomos.runtime.model.ProgressListener.NONE);
    } catch (LawException ex) {
      throw new UserFacingException(ex.getMessage());
    }
    List<TransitionScore> sorted = new java.util.ArrayList<>(scores);
    sorted.sort(java.util.Comparator.comparingDouble(TransitionScore::logLikelihood));
    dev.nomos.runtime.model.Inference inference = input.model.newInference();
    List<ExplanationReport.Explained> out = new java.util.ArrayList<>();
    for (TransitionScore s : sorted.subList(0, Math.min(worst, sorted.size()))) {
      out.add(ExplainCommand.explain(inference, s.episode(), s.step(), unlikely == null ? 0.5 : unlikely));
    }
    return out;
  }

  private void checkRolloutOptions() {
    if (worst != null && worst < 1) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--worst must be at least 1, got " + worst);
    }
    if (unlikely != null && worst == null) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--unlikely needs --worst (it sets which targets are explained)");
    }
    if (unlikely != null) {
      ExplainCommand.checkUnlikely(unlikely);
    }
    if (horizon != null && horizon < 1) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--horizon must be at least 1, got " + horizon);
    }
    if (samples != null && horizon == null) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--samples needs --horizon (it sets how rollouts are drawn)");
    }
    if (samples != null && samples < 1) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--samples must be at least 1, got " + samples);
    }
    if (seed != null && samples == null) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--seed needs --samples (nothing is drawn otherwise)");
    }
  }

  private static void printText(PrintWriter out, Evaluation e) {
    out.printf("transitions            %d%n", e.transitions());
    out.printf("NLL per transition     %s%n", number(e.nllPerTransition(), 4));
    out.printf("exact frame accuracy   %s%n", percent(e.exactFrameAccuracy()));
    out.println("attribute accuracy on moving objects:");
    attributes(out, e.attributes(), "  ");
    outcomes(out, e.outcomes());
    out.println();
    Map<String, TypeEvaluation> types = new TreeMap<>(e.perType());
    int width = Math.max(4, types.keySet().stream().mapToInt(String::length).max().orElse(4));
    out.printf("%-" + width + "s  %12s  %12s  %s%n", "type", "NLL share", "exact", "moving attributes");
    for (Map.Entry<String, TypeEvaluation> t : types.entrySet()) {
      TypeEvaluation v = t.getValue();
      StringBuilder attrs = new StringBuilder();
      for (Map.Entry<String, AttributeScore> a : new TreeMap<>(v.attributes()).entrySet()) {
        attrs.append(a.getKey()).append(' ').append(percent(a.getValue().accuracy()))
            .append(" (").append(a.getValue().total()).append(")  ");
      }
      out.printf("%-" + width + "s  %12s  %12s  %s%n", t.getKey(), number(v.nllPerTransition(), 4),
          percent(v.exactFrameAccuracy()), attrs.toString().strip());
    }
    out.println();
    out.println("law firings:");
    for (Map.Entry<String, Long> f : new TreeMap<>(e.lawFirings()).entrySet()) {
      out.printf("  %-30s %d%n", f.getKey(), f.getValue());
    }
  }

  private static void outcomes(PrintWriter out, OutcomeEvaluation o) {
    out.printf("reward accuracy        %s  (NLL %s)%n", percent(o.rewardAccuracy()), number(o.rewardNll(), 4));
    out.printf("  on non-zero rewards  %s  (%d of %d, NLL %s)%n", percent(o.nonZeroRewardAccuracy()),
        o.nonZeroCorrect(), o.nonZero(), number(o.nonZeroRewardNll(), 4));
    out.printf("episode end accuracy   %s  (NLL %s)%n", percent(o.endAccuracy()), number(o.endNll(), 4));
    out.printf("  precision            %s  (%d of %d predicted ends)%n", percent(o.endPrecision()),
        o.endTruePositive(), o.endsPredicted());
    out.printf("  recall               %s  (%d of %d recorded ends)%n", percent(o.endRecall()),
        o.endTruePositive(), o.endsRecorded());
  }

  private static void attributes(PrintWriter out, Map<String, AttributeScore> scores, String indent) {
    if (scores.isEmpty()) {
      out.println(indent + "(nothing moved)");
    }
    for (Map.Entry<String, AttributeScore> a : new TreeMap<>(scores).entrySet()) {
      out.printf("%s%-20s %s  (%d of %d)%n", indent, a.getKey(), percent(a.getValue().accuracy()),
          a.getValue().correct(), a.getValue().total());
    }
  }

  private static String number(double v, int decimals) {
    return Double.isNaN(v) ? "-" : String.format("%." + decimals + "f", v);
  }

  private static String percent(double v) {
    return Double.isNaN(v) ? "-" : String.format("%.1f%%", 100 * v);
  }
}
