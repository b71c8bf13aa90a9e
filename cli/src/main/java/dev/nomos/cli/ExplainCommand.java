package dev.nomos.cli;

import dev.nomos.runtime.Frame;
import dev.nomos.runtime.WorldSchema;
import dev.nomos.runtime.model.Inference;
import dev.nomos.runtime.model.LawException;
import dev.nomos.runtime.model.TransitionExplanation;
import dev.nomos.runtime.trajectory.Episode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code nomos explain MODEL... --data D.jsonl:STEP}: why the model predicted one recorded transition as it did. */
@Command(
    name = "explain",
    mixinStandardHelpOptions = true,
    description = {
        "Explains one recorded transition, from step STEP to the next: every object and target whose most "
            + "likely prediction is wrong, or whose observed value the model gave a probability below --unlikely, "
            + "with the observed and predicted values and their probabilities, and every law that spoke to it: "
            + "what it said (a value, a set or a distribution), its weight, its term of the log-odds of the observed "
            + "value against the predicted one (or, for a right but unlikely value, its likeliest rival) and that "
            + "term's share of the total, and where the law is written.",
        "Exit codes: 0 ok, 1 a model or data error (a step the file lacks), 2 bad usage."})
public final class ExplainCommand implements Callable<Integer> {
  @Mixin ModelRunOptions run;


  enum Format { text, json }

  @Spec
  CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "MODEL", description = "The model: .law files, or one model jar.")
  List<Path> model;

  @Option(names = "--data", required = true, paramLabel = "DATA.jsonl:STEP",
      description = "The transition: FILE:STEP or FILE:EPISODE:STEP (the first episode when none is given).")
  String data;

  @Option(names = "--unlikely", defaultValue = "0.5", paramLabel = "P",
      description = "Also list targets predicted right whose observed value has a probability below P "
          + "(default ${DEFAULT-VALUE}; 0 lists only the wrong ones).")
  double unlikely;

  @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Format format;

  @Override
  public Integer call() {
    SimulateCommand.Start start = SimulateCommand.parseStart(data, "--data");
    checkUnlikely(unlikely);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ModelInput input = run.load(model, null, err);
    List<Episode> episodes = run.read(List.of(start.file()), input.model.schema(), err).episodes();
    Episode episode = SimulateCommand.findEpisode(episodes, start);
    int index = episode.indexOfStep(start.step());
    int last = episode.firstStep() + episode.frames().size() - 2;
    if (index < 0 || index + 1 >= episode.frames().size()) {
      throw new UserFacingException(start.file() + ": episode " + episode.number() + " has transitions from steps "
          + episode.firstStep() + ".." + last + ", not from " + start.step()
          + (last < episode.firstStep() ? " (it has a single record)" : ""));
    }
    List<ExplanationReport.Explained> one = List.of(explain(input.model.newInference(), episode, index, unlikely));
    LawSources sources = LawSources.of(input);
    if (format == Format.json) {
      out.println(ExplanationReport.toJson(one, sources));
    } else {
      ExplanationReport.printText(out, one, sources);
    }
    out.flush();
    return ExitCodes.OK;
  }

  static void checkUnlikely(double p) {
    if (!(p >= 0 && p <= 1)) {
      throw new UserFacingException("--unlikely must be a probability between 0 and 1, got " + p, ExitCodes.USAGE);
    }
  }

  /** The explanation of transition {@code index} of {@code episode}; a failing law is reported at the record. */
  static ExplanationReport.Explained explain(Inference inference, Episode episode, int index, double unlikely) {
    Frame t = episode.frames().get(index);
    TransitionExplanation e;
    try {
      e = inference.explain(t, episode.frames().get(index + 1), unlikely);
    } catch (LawException ex) {
      throw new UserFacingException(ex.at(episode.location(index)).getMessage());
    }
    return new ExplanationReport.Explained(episode, index, actionName(t.schema(), t.action()), e);
  }

  static String actionName(WorldSchema schema, int action) {
    return action < 0 ? "-" : action < schema.actions().size() ? schema.actions().get(action) : "#" + action;
  }
}
