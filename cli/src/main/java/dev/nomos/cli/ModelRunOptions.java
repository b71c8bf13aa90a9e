package dev.nomos.cli;

import dev.nomos.runtime.WorldSchema;
import dev.nomos.runtime.trajectory.TrajectoryData;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The options of every command that runs a model on recorded data (a picocli mixin): how laws run,
 * the score of an excluded value, the floor, and how strictly data is read. One declaration, so
 * the commands cannot drift apart in names, defaults or help.
 */
final class ModelRunOptions {
  @Option(names = "--engine", defaultValue = "compiled", paramLabel = "ENGINE",
      description = "How laws run: compiled (bytecode) or interpreted (default ${DEFAULT-VALUE}).")
  String engine;

  @Option(names = "--nu", paramLabel = "NU", description = "Score of a value a law excludes is -NU (default 10).")
  Double nu;

  @Option(names = "--no-floor",
      description = "Use the pure product of experts: no background mixed into the targets (the model's floor is "
          + "ignored; fit neither fits nor writes one).")
  boolean noFloor;

  @Option(names = "--strict", description = ModelInput.STRICT_HELP)
  boolean strict;

  /** The model of {@code files} with these options ({@code lambda} for fitting, or null). */
  ModelInput load(List<Path> files, Double lambda, PrintWriter err) {
    return ModelInput.load(files, ModelInput.engine(engine), nu, lambda, noFloor, err);
  }

  /** The trajectories of {@code files}, read as strictly as asked. */
  TrajectoryData read(List<Path> files, WorldSchema schema, PrintWriter err) {
    return ModelInput.readData(files, schema, strict, err);
  }
}
