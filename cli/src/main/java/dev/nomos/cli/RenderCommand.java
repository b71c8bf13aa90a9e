package dev.nomos.cli;

import dev.nomos.runtime.Frame;
import dev.nomos.runtime.WorldSchema;
import dev.nomos.runtime.model.LawException;
import dev.nomos.runtime.model.WorldModel;
import dev.nomos.runtime.trajectory.Episode;
import dev.nomos.runtime.trajectory.ObjectState;
import dev.nomos.runtime.trajectory.StepRecord;
import dev.nomos.runtime.trajectory.TrajectoryFormatException;
import dev.nomos.runtime.trajectory.TrajectoryReader;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code nomos render [MODEL...] --data D.jsonl -o out.gif|out.png}: pictures of a recording and of a model's rollout. */
@Command(
    name = "render",
    mixinStandardHelpOptions = true,
    description = {
        "Draws a recording and, given a model, the model's rollout beside it: from step --from, the recorded "
            + "frames on the left and the model's frames on the right, predicted step after step under the recorded "
            + "actions (the most likely frames, or --samples N drawn rollouts overlaid). Objects are their boxes, "
            + "one colour per type (legend at the bottom); the step and action are written under each frame; the "
            + "model's mistakes are outlined in red (solid: a box the recording does not show; dashed: a recorded "
            + "box the model does not show).",
        "A .gif shows one step per frame of the animation; a .png stacks the steps top to bottom. Without a "
            + "model, the recording alone is drawn (its size is the largest extent its objects reach).",
        "Exit codes: 0 ok, 1 a model or data error (a step the episode lacks, an unwritable output), 2 bad usage."})
public final class RenderCommand implements Callable<Integer> {
  @Mixin ModelRunOptions run;

  private static final int DEFAULT_STEPS = 10;
  private static final int PANEL_SIDE = 360;

  @Spec
  CommandSpec spec;

  @Parameters(arity = "0..*", paramLabel = "MODEL", description = "The model: .law files, or one model jar (none: the recording alone).")
  List<Path> model = new ArrayList<>();

  @Option(names = "--data", required = true, paramLabel = "D.jsonl", description = "The recording (.jsonl or .jsonl.gz).")
  Path data;

  @Option(names = "--episode", paramLabel = "E", description = "The episode to draw (default: the first).")
  Integer episodeNumber;

  @Option(names = "--from", paramLabel = "STEP", description = "The first step drawn (default: the episode's first).")
  Integer from;

  @Option(names = "--steps", paramLabel = "K",
      description = "Steps after --from to draw (default: 10, or fewer when the episode ends sooner).")
  Integer steps;

  @Option(names = "--samples", paramLabel = "N", description = "Draw N sampled rollouts overlaid instead of the most likely one.")
  Integer samples;

  @Option(names = "--seed", paramLabel = "SEED", description = "With --samples: the seed of the first rollout (default 0).")
  Long seed;

  @Option(names = "--scale", paramLabel = "PX",
      description = "Pixels per unit of the world (default: about " + PANEL_SIDE + " pixels on the longer side).")
  Integer scale;

  @Option(names = "--delay", defaultValue = "400", paramLabel = "MS",
      description = "A GIF's time per step in milliseconds (default ${DEFAULT-VALUE}).")
  int delay;

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT.gif|OUT.png", description = "The image to write.")
  Path output;

  @Override
  public Integer call() {
    boolean gif = ImageFiles.isGif(output);
    checkOptions();
    OutputFiles.checkWritable(output);
    PrintWriter err = spec.commandLine().getErr();
    Film film = model.isEmpty() ? recordingAlone() : withModel(err);
    try {
      if (gif) {
        ImageFiles.writeGif(output, film.gifFrames(scale), delay);
      } else {
        ImageFiles.writePng(output, film.renderer(scale).draw(film.recorded, film.predicted));
      }
    } catch (IOException e) {
      throw OutputFiles.cannotWrite(output, e);
    }
    return ExitCodes.OK;
  }

  private void checkOptions() {
    if (steps != null && steps < 0) {
      throw new UserFacingException("--steps must be 0 or more, got " + steps, ExitCodes.USAGE);
    }
    if (samples != null && samples < 1) {
      throw new UserFacingException("--samples must be at least 1, got " + samples, ExitCodes.USAGE);
    }
    if (samples != null && model.isEmpty()) {
      throw new UserFacingException("--samples needs a model (a recording alone has nothing to draw)", ExitCodes.USAGE);
    }
    if (seed != null && samples == null) {
      throw new UserFacingException("--seed needs --samples (the most likely rollout involves no chance)", ExitCodes.USAGE);
    }
    if (scale != null && (scale < 1 || scale > 64)) {
      throw new UserFacingException("--scale must be between 1 and 64 pixels per unit, got " + scale, ExitCodes.USAGE);
    }
    if (delay < 10) {
      throw new UserFacingException("--delay must be at least 10 milliseconds, got " + delay, ExitCodes.USAGE);
    }
  }

  /** What is drawn: per step the recorded scene and the model's scenes (none without a model). */
  record Film(int width, int height, TypePalette palette, List<String> titles, List<Scene> recorded,
      List<List<Scene>> predicted) {

    /** The renderer at {@code scale} pixels per unit, or about 360 pixels on the longer side when null. */
    SceneRenderer renderer(Integer scale) {
      return new SceneRenderer(width, height,
          scale != null ? scale : Math.max(1, (int) Math.round((double) PANEL_SIDE / Math.max(width, height))), palette, titles);
    }

    /** One image per step, for an animation. */
    List<BufferedImage> gifFrames(Integer scale) {
      SceneRenderer renderer = renderer(scale);
      List<BufferedImage> frames = new ArrayList<>();
      for (int r = 0; r < recorded.size(); r++) {
        frames.add(renderer.draw(List.of(recorded.get(r)), predicted.isEmpty() ? List.of() : List.of(predicted.get(r))));
      }
      return frames;
    }
  }

  private Film withModel(PrintWriter err) {
    ModelInput input = run.load(model, null, err);
    WorldModel m = input.model;
    WorldSchema schema = m.schema();
    List<Episode> episodes = run.read(List.of(data), schema, err).episodes();
    Episode episode = SimulateCommand.findEpisode(episodes, new SimulateCommand.Start(data, episodeNumber, 0));
    int first = from == null ? 0 : episode.indexOfStep(from);
    int count = span(first, episode.frames().size(), episode.number(), episode.firstStep());
    return film(m, episode, first, count, samples, seed == null ? 0 : seed);
  }

  /**
   * The recorded frames {@code first..first+count} of {@code episode} beside the model's rollout from
   * frame {@code first} under the recorded actions: most likely, or {@code samples} draws from {@code seed}.
   */
  static Film film(WorldModel m, Episode episode, int first, int count, Integer samples, long seed) {
    WorldSchema schema = m.schema();
    List<Frame> frames = episode.frames();
    int[] actions = new int[count];
    for (int k = 0; k < count; k++) {
      actions[k] = frames.get(first + k).action();
    }
    List<Scene> recorded = new ArrayList<>();
    for (int k = 0; k <= count; k++) {
      Frame f = frames.get(first + k);
      recorded.add(Scene.of(f, episode.firstStep() + first + k, ExplainCommand.actionName(schema, f.action())));
    }
    int rollouts = samples == null ? 1 : samples;
    List<List<Scene>> predicted = new ArrayList<>();
    for (int k = 0; k <= count; k++) {
      predicted.add(new ArrayList<>());
    }
    for (int r = 0; r < rollouts; r++) {
      List<Frame> rollout;
      try {
        rollout = m.rollout(frames.get(first), actions, samples != null, seed + r);
      } catch (LawException e) {
        throw new UserFacingException("rolling out from " + episode.location(first) + ": " + e.getMessage());
      }
      predicted.get(0).add(recorded.get(0));
      for (int k = 0; k < count; k++) {
        predicted.get(k + 1).add(Scene.of(rollout.get(k), recorded.get(k + 1).step(), recorded.get(k + 1).action()));
      }
    }
    List<String> types = schema.types().stream().map(t -> t.name()).toList();
    String title = samples == null ? "model (most likely)" : "model (" + samples + " samples)";
    return new Film(schema.screenWidth(), schema.screenHeight(), new TypePalette(types), List.of("recorded", title),
        recorded, predicted);
  }

  private Film recordingAlone() {
    List<StepRecord> records;
    try {
      records = TrajectoryReader.readAll(data);
    } catch (TrajectoryFormatException e) {
      throw new UserFacingException(e.getMessage());
    } catch (IOException e) {
      throw new UserFacingException("cannot read " + data + ": " + ModelInput.reason(e, data));
    }
    if (records.isEmpty()) {
      throw new UserFacingException(data + ": no records");
    }
    int wanted = episodeNumber == null ? records.get(0).episode() : episodeNumber;
    List<StepRecord> episode = records.stream().filter(r -> r.episode() == wanted).toList();
    if (episode.isEmpty()) {
      throw new UserFacingException(data + ": no episode " + wanted + " (it has "
          + String.join(", ", records.stream().map(r -> String.valueOf(r.episode())).distinct().toList()) + ")");
    }
    int firstStep = episode.get(0).t();
    int first = from == null ? 0 : (from >= firstStep && from - firstStep < episode.size() ? from - firstStep : -1);
    int count = span(first, episode.size(), wanted, firstStep);
    List<Scene> recorded = new ArrayList<>();
    LinkedHashSet<String> types = new LinkedHashSet<>();
    int width = 1;
    int height = 1;
    for (StepRecord r : episode) {
      for (ObjectState o : r.objects()) {
        types.add(o.type());
        width = Math.max(width, o.x() + o.w());
        height = Math.max(height, o.y() + o.h());
      }
    }
    for (int k = 0; k <= count; k++) {
      recorded.add(Scene.of(episode.get(first + k)));
    }
    return new Film(width, height, new TypePalette(new ArrayList<>(types)), List.of("recorded"), recorded, List.of());
  }

  /** The steps drawn after the first; {@code first} is -1 when --from is not a step of the episode. */
  private int span(int first, int frames, int episode, int firstStep) {
    int lastStep = firstStep + frames - 1;
    if (first < 0) {
      throw new UserFacingException(data + ": episode " + episode + " has steps " + firstStep + ".." + lastStep
          + ", not " + from);
    }
    int left = frames - 1 - first;
    if (steps == null) {
      return Math.min(DEFAULT_STEPS, left);
    }
    if (steps > left) {
      throw new UserFacingException(data + ": episode " + episode + " ends at step " + lastStep + "; --from "
          + (firstStep + first) + " --steps " + steps + " would need step " + (firstStep + first + steps));
    }
    return steps;
  }
}
