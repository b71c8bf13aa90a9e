package dev.nomos.cli;

import dev.nomos.runtime.Frame;
import dev.nomos.runtime.WorldSchema;
import dev.nomos.runtime.model.LawException;
import dev.nomos.runtime.model.WorldModel;
import dev.nomos.runtime.trajectory.Episode;
import dev.nomos.runtime.trajectory.FrameCodec;
import dev.nomos.runtime.trajectory.TrajectoryData;
import dev.nomos.runtime.trajectory.TrajectoryWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code nomos simulate MODEL... --from DATA.jsonl:STEP --actions A,B,...}: rolls a model forward. */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    description = {
        "Rolls a model forward from a recorded frame with the given actions, and prints the predicted "
            + "frames as trajectory JSON Lines (one record per action; the record's action is the next one).",
        "The start is FILE:T (step T of the file's first episode) or FILE:EPISODE:T; the frame keeps its "
            + "recorded history, and the first action replaces the one recorded at T.",
        "Data the world does not declare (an attribute, a type, an action, a value outside a declared range "
            + "or symbol set) is read with one warning line each on standard error and scored as something the "
            + "model did not foresee; --strict refuses it.",
        "Exit codes: 0 ok, 1 a model or data error, 2 bad usage."})
public final class SimulateCommand implements Callable<Integer> {
  private static final Pattern NUMBER_SUFFIX = Pattern.compile("^(.*):(\\d+)$");

  @Spec
  CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "MODEL", description = "The model: .law files, or one model jar.")
  List<Path> model;

  @Option(names = "--from", required = true, paramLabel = "DATA.jsonl:STEP",
      description = "The start frame: FILE:T or FILE:EPISODE:T.")
  String from;

  @Option(names = "--actions", required = true, split = ",", paramLabel = "A,B,...",
      description = "The actions to take, one per predicted frame.")
  List<String> actions;

  @Option(names = "--sample", description = "Draw every frame from the model instead of taking the most likely one.")
  boolean sample;

  @Option(names = "--seed", paramLabel = "N", description = "Seed for --sample (default 0).")
  Long seed;

  @Option(names = {"-o", "--output"}, paramLabel = "OUT.jsonl",
      description = "Write the frames to this file (atomically; .gz compresses) instead of standard output (-).")
  Path output;

  @Option(names = "--nu", paramLabel = "NU", description = "Score of a value a law excludes is -NU (default 10).")
  Double nu;

  @Option(names = "--strict", description = ModelInput.STRICT_HELP)
  boolean strict;

  @Option(names = "--no-floor",
      description = "Use the pure product of experts: no background mixed into the targets (the model's floor is ignored).")
  boolean noFloor;

  @Option(names = "--engine", defaultValue = "compiled", paramLabel = "ENGINE",
      description = "How laws run: compiled (bytecode) or interpreted (default ${DEFAULT-VALUE}).")
  String engine;

  /** Where a rollout starts. */
  record Start(Path file, Integer episode, int step) {}

  @Override
  public Integer call() {
    Start start = parseStart(from);
    if (seed != null && !sample) {
      throw new UserFacingException("--seed only matters with --sample (the most likely frames involve no chance)",
          ExitCodes.USAGE);
    }
    if (output != null && output.toString().equals("-")) {
      output = null; // "-" is standard output, as for `nomos record -o -`.
    }
    if (output != null) {
      OutputFiles.checkWritable(output);
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ModelInput input = ModelInput.load(model, ModelInput.engine(engine), nu, null, noFloor, err);
    WorldModel m = input.model;
    WorldSchema schema = m.schema();
    int[] actionIndexes = new int[actions.size()];
    for (int k = 0; k < actionIndexes.length; k++) {
      if (actions.get(k).isBlank()) {
        throw new UserFacingException("--actions: action " + (k + 1) + " is empty; give names separated by commas, such as "
            + String.join(",", schema.actions().subList(0, Math.min(2, schema.actions().size()))), ExitCodes.USAGE);
      }
      actionIndexes[k] = schema.actionIndex(actions.get(k).strip());
      if (actionIndexes[k] < 0) {
        String given = actions.get(k).strip();
        String hint = schema.actions().stream().filter(a -> a.equalsIgnoreCase(given)).findFirst()
            .map(a -> " (names are case-sensitive: did you mean " + a + "?)").orElse("");
        throw new UserFacingException("unknown action '" + given + "'; world " + schema.name()
            + " declares " + String.join(", ", schema.actions()) + hint, ExitCodes.USAGE);
      }
    }
    TrajectoryData data = ModelInput.readData(List.of(start.file()), schema, strict, err);
    List<Episode> episodes = data.episodes();
    Episode episode = findEpisode(episodes, start);
    int index = episode.indexOfStep(start.step());
    if (index < 0) {
      throw new UserFacingException(start.file() + ": episode " + episode.number() + " has steps "
          + episode.firstStep() + ".." + (episode.firstStep() + episode.frames().size() - 1) + ", not " + start.step());
    }
    List<Frame> frames;
    try {
      frames = m.rollout(episode.frames().get(index), actionIndexes, sample, seed == null ? 0 : seed);
    } catch (LawException e) {
      throw new UserFacingException("rolling out from " + episode.location(index) + ": " + e.getMessage());
    }
    FrameCodec codec = data.codec();
    try (TrajectoryWriter w = output == null ? TrajectoryWriter.to(out) : TrajectoryWriter.create(output)) {
      for (int k = 0; k < frames.size(); k++) {
        w.write(codec.decode(frames.get(k), episode.number(), start.step() + k + 1, 0.0, false));
      }
      w.commit();
    } catch (IOException e) {
      throw output == null ? new UserFacingException("cannot write the frames: " + e.getMessage())
          : OutputFiles.cannotWrite(output, e);
    }
    out.flush();
    return ExitCodes.OK;
  }

  /** The recorded frame {@code start} names (with its history); a step or episode the file lacks is an error. */
  static Frame startFrame(List<Episode> episodes, Start start) {
    Episode episode = findEpisode(episodes, start);
    int index = episode.indexOfStep(start.step());
    if (index < 0) {
      throw new UserFacingException(start.file() + ": episode " + episode.number() + " has steps "
          + episode.firstStep() + ".." + (episode.firstStep() + episode.frames().size() - 1) + ", not " + start.step());
    }
    return episode.frames().get(index);
  }

  private static Episode findEpisode(List<Episode> episodes, Start start) {
    if (episodes.isEmpty()) {
      throw new UserFacingException(start.file() + ": no records");
    }
    if (start.episode() == null) {
      return episodes.get(0);
    }
    for (Episode e : episodes) {
      if (e.number() == start.episode()) {
        return e;
      }
    }
    throw new UserFacingException(start.file() + ": no episode " + start.episode() + " (it has "
        + String.join(", ", episodes.stream().map(e -> String.valueOf(e.number())).toList()) + ")");
  }

  /** FILE:T or FILE:EPISODE:T; a file whose own name ends in ":N" wins when it exists. */
  static Start parseStart(String text) {
    Matcher last = NUMBER_SUFFIX.matcher(text);
    if (!last.matches()) {
      throw new UserFacingException("--from needs FILE:STEP (or FILE:EPISODE:STEP), got '" + text + "'", ExitCodes.USAGE);
    }
    int step = parse(last.group(2), text);
    String rest = last.group(1);
    Matcher episode = NUMBER_SUFFIX.matcher(rest);
    if (episode.matches() && !Files.exists(Path.of(rest))) {
      return new Start(Path.of(episode.group(1)), parse(episode.group(2), text), step);
    }
    return new Start(Path.of(rest), null, step);
  }

  private static int parse(String digits, String text) {
    try {
      return Integer.parseInt(digits);
    } catch (NumberFormatException e) {
      throw new UserFacingException("--from: number too large in '" + text + "'", ExitCodes.USAGE);
    }
  }
}
