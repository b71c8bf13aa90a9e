package dev.nomos.cli;

import dev.nomos.learn.WorldInference;
import dev.nomos.learn.WorldInference.InferredWorld;
import dev.nomos.learn.WorldInference.Recording;
import dev.nomos.runtime.trajectory.StepRecord;
import dev.nomos.runtime.trajectory.TrajectoryFormatException;
import dev.nomos.runtime.trajectory.TrajectoryReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code nomos init --data D.jsonl}: a world declaration inferred from recorded trajectories. */
@Command(name = "init", mixinStandardHelpOptions = true,
    header = "Infer a world declaration (types, attributes, actions, screen, velocities) from trajectories.",
    description = {"Infer a world declaration from trajectory files, merged when there are several: entity types and "
        + "their attributes (int ranges with room to grow: from 0 or lower, half their width again above the highest "
        + "value seen; cyclic ones exact), the actions in the order the data first takes them, the screen, the "
        + "velocity range (with a margin), and contact_gap 0 when the objects sit on a grid (walls drawn as "
        + "rectangles of whole cells included).",
        "The world is named after the environment in the files' names, without seeds, levels and split words "
            + "(zelda_lvl1_train.jsonl.gz: Zelda). Comments in the declaration say what was assumed; doubts are also "
            + "printed as warnings. Prints the declaration, or writes it with -o."})
public final class InitCommand implements Callable<Integer> {

  @Option(names = "--data", required = true, paramLabel = "FILE",
      description = "Trajectory file (.jsonl or .jsonl.gz); repeat for several.")
  List<Path> data;

  @Option(names = "--name", paramLabel = "NAME",
      description = "The world's name (default: the environment's part of the files' names).")
  String name;

  @Option(names = "--actions", split = ",", splitSynopsisLabel = ",", paramLabel = "ACTION",
      description = "Declare these actions in this order (a Gymnasium Discrete space's, say) instead of the "
          + "order the data first takes them; every action the data takes must be listed.")
  List<String> actions;

  @Option(names = "--no-shared-types", description = "Give every symbol attribute a set of its own, as seen, instead "
      + "of declaring one `enum` for attributes that take their values from one set (same name, a name ending in "
      + "another's, or two symbols in common).")
  boolean noSharedTypes;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the declaration here instead of printing it.")
  Path output;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    if (output != null) {
      OutputFiles.checkWritable(output);
    }
    List<Recording> recordings = new ArrayList<>();
    int records = 0;
    for (Path file : data) {
      List<StepRecord> read;
      try {
        read = TrajectoryReader.readAll(file);
      } catch (TrajectoryFormatException e) {
        throw new UserFacingException(e.getMessage());
      } catch (IOException e) {
        throw new UserFacingException("cannot read " + file + ": " + ModelInput.reason(e, file));
      }
      records += read.size();
      recordings.add(new Recording(file.toString(), read));
    }
    if (records == 0) {
      throw new UserFacingException(String.join(", ", data.stream().map(Path::toString).toList()) + ": no records");
    }
    String worldName = name != null ? name : WorldInference.nameFor(data);
    InferredWorld world;
    try {
      world = WorldInference.infer(recordings, worldName, actions, !noSharedTypes);
    } catch (IllegalArgumentException e) {
      throw new UserFacingException(e.getMessage());
    }
    PrintWriter err = spec.commandLine().getErr();
    for (String warning : world.warnings()) {
      err.println("nomos: warning: " + warning);
    }
    err.flush();
    if (output == null) {
      PrintWriter out = spec.commandLine().getOut();
      out.print(world.text());
      out.flush();
    } else {
      writeAtomically(output, world.text());
    }
    return ExitCodes.OK;
  }

  static void writeAtomically(Path file, String text) {
    try {
      OutputFiles.writeString(file, text);
    } catch (IOException e) {
      throw OutputFiles.cannotWrite(file, e);
    }
  }
}
