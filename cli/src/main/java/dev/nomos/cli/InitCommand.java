package dev.nomos.cli;

import dev.nomos.learn.WorldInference;
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
    description = {"Infer a world declaration from trajectory files: entity types and their",
        "attributes, actions, screen, velocity range (with a margin), and contact_gap 0",
        "for grids of 1x1 cells. Prints it, or writes it with -o."})
public final class InitCommand implements Callable<Integer> {

  @Option(names = "--data", required = true, paramLabel = "FILE",
      description = "Trajectory file (.jsonl or .jsonl.gz); repeat for several.")
  List<Path> data;

  @Option(names = "--name", paramLabel = "NAME", description = "The world's name (default: from the first file's name).")
  String name;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the declaration here instead of printing it.")
  Path output;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    List<StepRecord> records = new ArrayList<>();
    for (Path file : data) {
      try {
        records.addAll(TrajectoryReader.readAll(file));
      } catch (TrajectoryFormatException e) {
        throw new UserFacingException(e.getMessage());
      } catch (IOException e) {
        throw new UserFacingException("cannot read " + file + ": " + e.getMessage());
      }
    }
    if (records.isEmpty()) {
      throw new UserFacingException(data.get(0) + ": no records");
    }
    String worldName = name != null ? name : WorldInference.nameFromFile(data.get(0).getFileName().toString());
    String origin = String.join(", ", data.stream().map(p -> p.getFileName().toString()).toList());
    String text;
    try {
      text = WorldInference.infer(records, worldName, origin);
    } catch (IllegalArgumentException e) {
      throw new UserFacingException(data.get(0) + ": " + e.getMessage());
    }
    if (output == null) {
      PrintWriter out = spec.commandLine().getOut();
      out.print(text);
      out.flush();
    } else {
      writeAtomically(output, text);
    }
    return ExitCodes.OK;
  }

  static void writeAtomically(Path file, String text) {
    try {
      OutputFiles.writeString(file, text);
    } catch (IOException e) {
      throw new UserFacingException("cannot write " + file + ": " + e.getMessage());
    }
  }
}
