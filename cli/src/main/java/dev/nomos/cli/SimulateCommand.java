package dev.nomos.cli;

import dev.nomos.runtime.Frame;
import dev.nomos.runtime.WorldSchema;
import dev.nomos.runtime.model.LawException;
import dev.nomos.runtime.model.Simulator;
import dev.nomos.runtime.model.UnmetRequirement;
import dev.nomos.runtime.model.WorldModel;
import dev.nomos.runtime.trajectory.Episode;
import dev.nomos.runtime.trajectory.FrameCodec;
import dev.nomos.runtime.trajectory.TrajectoryData;
import dev.nomos.runtime.trajectory.TrajectoryWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code nomos simulate MODEL... --from DATA.jsonl:STEP --actions A,B,...}: rolls a model forward. */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    description = {
        "Rolls a model forward from a recorded frame with the given actions, and prints the predicted "
            + "frames as trajectory JSON Lines (one record per action; the record's action is the next one, its "
            + "reward the one that action is predicted to earn, and done the predicted end of the episode, which "
            + "stops the rollout).",
        "Each record's prediction field gives the reward of the step into the frame with its probability, the "
            + "probability that the episode ends there, and the log-probability of the frame itself.",
        "The start is FILE:T (step T of the file's first episode) or FILE:EPISODE:T; the frame keeps its "
            + "recorded history, and the first action replaces the one recorded at T.",
        "Data the world does not declare (an attribute, a type, an action, a value outside a declared range "
            + "or symbol set) is read with one warning line each on standard error and scored as something the "
            + "model did not foresee; --strict refuses it.",
        "Every frame meets the model's constraints; where the requirements on a value exclude each other, a "
            + "warning line on standard error names it, and that value is predicted as if no constraint spoke.",
        "Exit codes: 0 ok, 1 a model or data error, 2 bad usage."})
public final class SimulateCommand implements Callable<Integer> {
  @Mixin ModelRunOptions run;

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

  @Option(names = "--samples", paramLabel = "N",
      description = "Draw N rollouts (implies --sample); they are written as episodes 0 to N-1.")
  Integer samples;

  @Option(names = "--seed", paramLabel = "N", description = "Seed for --sample (default 0).")
  Long seed;

  @Option(names = {"-o", "--output"}, paramLabel = "OUT.jsonl",
      description = "Write the frames to this file (atomically; .gz compresses) instead of standard output (-).")
  Path output;

  /** Where a rollout starts. */
  record Start(Path file, Integer episode, int step) {}

  @Override
  public Integer call() {
    Start start = parseStart(from);
    if (samples != null && samples < 1) {
      throw new UserFacingException("--samples must be at least 1, got " + samples, ExitCodes.USAGE);
    }
    if (seed != null && !sample && samples == null) {
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
    ModelInput input = run.load(model, null, err);
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
    TrajectoryData data = run.read(List.of(start.file()), schema, err);
    List<Episode> episodes = data.episodes();
    Episode episode = findEpisode(episodes, start);
    int index = episode.indexOfStep(start.step());
    if (index < 0) {
      throw new UserFacingException(start.file() + ": episode " + episode.number() + " has steps "
          + episode.firstStep() + ".." + (episode.firstStep() + episode.frames().size() - 1) + ", not " + start.step());
    }
    int rollouts = samples != null ? samples : 1;
    boolean draw = sample || samples != null;
    FrameCodec codec = data.codec();
    try (TrajectoryWriter w = output == null ? TrajectoryWriter.to(out) : TrajectoryWriter.create(output)) {
      java.util.SplittableRandom random = new java.util.SplittableRandom(seed == null ? 0 : seed);
      for (int r = 0; r < rollouts; r++) {
        int number = samples == null ? episode.number() : r;
        List<PredictedStep> steps;
        try {
          steps = rollout(m, episode.frames().get(index), actionIndexes, draw ? random : null,
              unmet -> err.println("warning: " + unmet.message()));
          err.flush();
        } catch (LawException e) {
          throw new UserFacingException("rolling out from " + episode.location(index) + ": " + e.getMessage());
        }
        for (int k = 0; k < steps.size(); k++) {
          PredictedStep s = steps.get(k);
          boolean last = k + 1 == steps.size();
          // A record holds the reward its own action earns: the prediction of the next step.
          double reward = last ? 0.0 : steps.get(k + 1).reward();
          Frame frame = last ? s.frame().withAction(-1) : s.frame();
          w.write(codec.decode(frame, number, start.step() + k + 1, reward, s.end()), s.note());
        }
      }
      w.commit();
    } catch (IOException e) {
      throw output == null ? new UserFacingException("cannot write the frames: " + e.getMessage())
          : OutputFiles.cannotWrite(output, e);
    }
    out.flush();
    return ExitCodes.OK;
  }

  /** One simulated step: the frame reached, the reward of the step into it, and what the model gave each. */
  record PredictedStep(Frame frame, int reward, boolean end, Map<String, Double> note) {}

  /**
   * The steps from {@code start} under {@code actions} (the first replaces the recorded action); most
   * likely ones when {@code random} is null. A predicted end stops the rollout: the episode is over.
   */
  static List<PredictedStep> rollout(WorldModel model, Frame start, int[] actions, java.util.random.RandomGenerator random,
      java.util.function.Consumer<UnmetRequirement> unmet) {
    Simulator sim = new Simulator(model);
    List<PredictedStep> out = new ArrayList<>();
    Frame frame = start;
    for (int k = 0; k < actions.length; k++) {
      Simulator.Step s = random == null ? sim.mostLikely(frame, actions[k]) : sim.sample(frame, actions[k], random);
      sim.unmetRequirements(k).forEach(unmet);
      Map<String, Double> note = new LinkedHashMap<>();
      note.put("reward", (double) s.reward());
      note.put("reward_probability", s.rewardProbability());
      note.put("end_probability", s.endProbability());
      note.put("log_probability", s.frameLogProbability());
      Frame next = k + 1 < actions.length ? s.frame().withAction(actions[k + 1]) : s.frame();
      out.add(new PredictedStep(next, s.reward(), s.end(), note));
      if (s.end()) {
        break;
      }
      frame = next;
    }
    return out;
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

  static Episode findEpisode(List<Episode> episodes, Start start) {
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
    return parseStart(text, "--from");
  }

  /** As {@link #parseStart(String)}, for the option named {@code option}. */
  static Start parseStart(String text, String option) {
    Matcher last = NUMBER_SUFFIX.matcher(text);
    if (!last.matches()) {
      throw new UserFacingException(option + " needs FILE:STEP (or FILE:EPISODE:STEP), got '" + text + "'", ExitCodes.USAGE);
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
