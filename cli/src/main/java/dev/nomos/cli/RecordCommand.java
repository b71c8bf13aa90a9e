package dev.nomos.cli;

import dev.nomos.runtime.trajectory.TrajectoryWriter;
import dev.nomos.worlds.Policies;
import dev.nomos.worlds.Policy;
import dev.nomos.worlds.Recorder;
import dev.nomos.worlds.World;
import dev.nomos.worlds.Worlds;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code nomos record}: runs a built-in world under a policy and writes its trajectory. */
@Command(
    name = "record",
    mixinStandardHelpOptions = true,
    description = {
      "Run a built-in world under a policy and write the trajectory as JSON Lines v1 (gzip if the name ends in .gz).",
      "Worlds: pong, breakout, sokoban, platformer, keydoor, crossing, invaders. The same arguments always give the same file."
    })
final class RecordCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "WORLD", description = "The world to run: ${COMPLETION-CANDIDATES}.",
      completionCandidates = WorldNames.class)
  String worldName;

  @Option(names = "--level", paramLabel = "N",
      description = "Play level N (from 0) in every episode; by default each episode draws a level at random.")
  Integer level;

  @Option(names = "--levels", paramLabel = "FILE",
      description = "sokoban only: play the levels of FILE (standard text format, such as a Boxoban file).")
  Path levelsFile;

  @Option(names = "--policy", paramLabel = "random|goal|FILE", defaultValue = "random",
      description = "random (uniform), goal (the world's goal-seeking play) or a script FILE of one action per line"
          + " (cycled). Default: ${DEFAULT-VALUE}.")
  String policy;

  @Option(names = "--epsilon", paramLabel = "P", defaultValue = "0",
      description = "With --policy goal: take a uniform random action with probability P instead. Default: ${DEFAULT-VALUE}.")
  double epsilon;

  @Option(names = "--once", description = "With a script: stop recording when the script ends instead of cycling it.")
  boolean once;

  @Option(names = "--steps", paramLabel = "N", required = true,
      description = "Transitions to record; episodes restart until there are N.")
  int steps;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "0", description = "Random seed. Default: ${DEFAULT-VALUE}.")
  long seed;

  @Option(names = {"-o", "--output"}, paramLabel = "D.jsonl[.gz]", required = true,
      description = "The file to write (atomically; .gz compresses); - writes JSON Lines to standard output.")
  Path output;

  @Override
  public Integer call() {
    World world = world();
    if (level != null && (level < 0 || level >= world.levelCount())) {
      throw new UserFacingException("--level " + level + ": " + world.name() + " has levels 0 to "
          + (world.levelCount() - 1), ExitCodes.USAGE);
    }
    if (steps < 1) {
      throw new UserFacingException("--steps must be at least 1, got " + steps, ExitCodes.USAGE);
    }
    boolean scripted = !policy.equals("random") && !policy.equals("goal");
    if (epsilon != 0 && !policy.equals("goal")) {
      throw new UserFacingException("--epsilon mixes random actions into --policy goal; it does nothing with --policy "
          + policy, ExitCodes.USAGE);
    }
    if (once && !scripted) {
      throw new UserFacingException("--once stops at the end of a script; --policy " + policy + " has none",
          ExitCodes.USAGE);
    }
    Policy chosen = policy(world);
    boolean toStandardOutput = output.toString().equals("-");
    if (!toStandardOutput) {
      OutputFiles.checkWritable(output);
    }
    Recorder.Summary summary;
    PrintWriter stdout = spec.commandLine().getOut();
    try (TrajectoryWriter out = toStandardOutput ? TrajectoryWriter.to(stdout) : TrajectoryWriter.create(output)) {
      summary = Recorder.record(world, chosen, steps, seed, level == null ? Recorder.ANY_LEVEL : level, out::write);
      out.commit();
    } catch (IOException e) {
      throw toStandardOutput ? new UserFacingException("cannot write the records: " + e.getMessage())
          : OutputFiles.cannotWrite(output, e);
    }
    // With the records on standard output, the summary goes to standard error to keep the stream clean.
    (toStandardOutput ? spec.commandLine().getErr() : stdout).printf("recorded %d transition%s in %d episode%s (%d records) to %s%n",
        summary.transitions(), summary.transitions() == 1 ? "" : "s", summary.episodes(),
        summary.episodes() == 1 ? "" : "s", summary.records(), toStandardOutput ? "standard output" : output);
    return ExitCodes.OK;
  }

  private World world() {
    return BuiltInWorld.open(worldName, levelsFile);
  }

  private Policy policy(World world) {
    // The policy draws from its own stream so that changing it does not change the episodes' seeds.
    long policySeed = new SplittableRandom(seed).split().nextLong();
    switch (policy) {
      case "random":
        return Policies.random(policySeed);
      case "goal":
        if (!(epsilon >= 0 && epsilon <= 1)) {
          throw new UserFacingException("--epsilon must be between 0 and 1, got " + epsilon, ExitCodes.USAGE);
        }
        return Policies.goal(world, policySeed, epsilon);
      default:
        Path script = Path.of(policy);
        if (!Files.isRegularFile(script)) {
          throw new UserFacingException("--policy " + policy + ": expected random, goal or an existing script file",
              ExitCodes.USAGE);
        }
        try {
          return Policies.scripted(Policies.readScript(script, world), !once);
        } catch (Policies.ScriptFormatException e) {
          throw new UserFacingException(e.getMessage());
        } catch (IOException e) {
          throw new UserFacingException("cannot read " + script + ": " + ModelInput.reason(e, script));
        }
    }
  }

  /** The world names for picocli's completion and help. */
  static final class WorldNames implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return Worlds.names().iterator();
    }
  }
}
