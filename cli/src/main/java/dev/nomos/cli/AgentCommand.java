package dev.nomos.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code nomos agent WORLD --world W.law}: the learn-act loop. Round 0 records random steps; each
 * round learns a model from everything recorded so far, plays with it (recording what it does),
 * and the next round relearns with that added. Reports success per round and the environment
 * steps used, WorldCoder's measure. Each stage is the command of the same name, run in-process.
 */
@Command(
    name = "agent",
    mixinStandardHelpOptions = true,
    description = {
        "The learn-act loop in a built-in world: record --random-steps random steps, then for each of --rounds "
            + "rounds learn a model from all steps recorded so far (nomos learn --max-time --learn-seconds), "
            + "play --episodes episodes with it (nomos play --explore --seen with the data so far, recorded: where the "
            + "planner finds no plan the agent goes where it has not been and tries what it never tried there, or "
            + "takes the action the model is least sure of), and add those steps to the data.",
        "Prints, per round, the share of episodes solved and the environment steps used so far (random and "
            + "played), and the steps used when the first episode was solved. Every file (recordings, each round's model) is kept in --work DIR.",
        "Exit codes: 0 ok, 1 a stage failed (its message is printed), 2 bad usage."})
public final class AgentCommand implements Callable<Integer> {
  enum Format { text, json }

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "WORLD", completionCandidates = RecordCommand.WorldNames.class,
      description = "The built-in world: ${COMPLETION-CANDIDATES}.")
  String worldName;

  @Option(names = "--world", required = true, paramLabel = "WORLD.law",
      description = "The world declaration the learner starts from (types, attributes, actions).")
  Path worldFile;

  @Option(names = "--work", required = true, paramLabel = "DIR", description = "Where recordings and models are written.")
  Path work;

  @Option(names = "--rounds", defaultValue = "3", paramLabel = "K", description = "Learn-act rounds (default ${DEFAULT-VALUE}).")
  int rounds;

  @Option(names = "--random-steps", defaultValue = "200", paramLabel = "N",
      description = "Random steps recorded before the first round (default ${DEFAULT-VALUE}).")
  int randomSteps;

  @Option(names = "--learn-seconds", defaultValue = "120", paramLabel = "S",
      description = "nomos learn --max-time per round (default ${DEFAULT-VALUE}).")
  int learnSeconds;

  @Option(names = "--episodes", defaultValue = "4", paramLabel = "N", description = "Episodes played per round (default ${DEFAULT-VALUE}).")
  int episodes;

  @Option(names = "--max-steps", defaultValue = "100", paramLabel = "N",
      description = "nomos play --max-steps: actions per episode at most (default ${DEFAULT-VALUE}; shorter episodes "
          + "relearn sooner from what exploring found).")
  int maxSteps;

  @Option(names = "--levels", paramLabel = "FILE", description = "sokoban only: the levels to record and play.")
  Path levelsFile;

  @Option(names = "--max-seconds", defaultValue = "60", paramLabel = "S",
      description = "nomos play --max-seconds: per episode (default ${DEFAULT-VALUE}).")
  double maxSeconds;

  @Option(names = "--weight", defaultValue = "1", paramLabel = "W", description = Planning.WEIGHT_HELP)
  int weight;

  @Option(names = "--planner", defaultValue = "astar", paramLabel = "NAME", description = Planning.PLANNER_HELP)
  String planner;

  @Option(names = "--seed", defaultValue = "1", paramLabel = "N", description = "Seed of the recordings and episodes (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT", description = "text or json (default ${DEFAULT-VALUE}).")
  Format format;

  @Override
  public Integer call() throws IOException {
    if (rounds < 1 || randomSteps < 1 || episodes < 1 || learnSeconds < 1 || maxSteps < 1) {
      throw new UserFacingException("--rounds, --random-steps, --episodes, --learn-seconds and --max-steps must be at least 1",
          ExitCodes.USAGE);
    }
    if (!Files.isRegularFile(worldFile)) {
      throw new UserFacingException("world declaration not found: " + worldFile);
    }
    BuiltInWorld.open(worldName, levelsFile); // an unknown world or a bad level file fails before any work
    Files.createDirectories(work);
    PrintWriter out = spec.commandLine().getOut();
    Path world = work.resolve("world.law");
    Files.copy(worldFile, world, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    List<String> data = new ArrayList<>();
    Path random = work.resolve("random.jsonl");
    List<String> record = new ArrayList<>(List.of("record", worldName, "--policy", "random", "--steps",
        String.valueOf(randomSteps), "--seed", String.valueOf(seed), "-o", random.toString()));
    levels(record);
    stage(record);
    data.add(random.toString());
    long steps = randomSteps;
    long firstSolvedAfter = -1;
    List<Map<String, Object>> report = new ArrayList<>();
    for (int k = 1; k <= rounds; k++) {
      Path model = work.resolve("round" + k + ".law");
      List<String> learn = new ArrayList<>(List.of("learn", world.toString(), "--max-time", String.valueOf(learnSeconds),
          "-q", "-o", model.toString()));
      for (String d : data) {
        learn.add("--data");
        learn.add(d);
      }
      stage(learn);
      Path played = work.resolve("round" + k + ".jsonl");
      List<String> play = new ArrayList<>(List.of("play", worldName, "--model", model.toString(), "--planner", planner,
          "--weight", String.valueOf(weight), "--max-seconds", String.valueOf(maxSeconds), "--max-steps", String.valueOf(maxSteps), "--seed",
          String.valueOf(seed + k), "--format", "json", "--record", played.toString(), "--explore"));
      for (String d : data) {
        play.add("--seen");
        play.add(d);
      }
      if (levelsFile != null) {
        play.addAll(List.of("--levels", levelsFile.toString(), "--first", String.valueOf(episodes)));
      } else {
        play.addAll(List.of("--episodes", String.valueOf(episodes)));
      }
      JsonNode result = new ObjectMapper().readTree(stage(play));
      if (firstSolvedAfter < 0) {
        firstSolvedAfter = stepsToFirstSolved(steps, result.get("per_episode"));
      }
      steps += result.get("steps").asLong();
      data.add(played.toString());
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("round", k);
      row.put("solved", result.get("solved").asInt());
      row.put("episodes", episodes);
      row.put("plans_valid", result.get("plans_valid").asBoolean());
      row.put("environment_steps", steps);
      row.put("exploratory_steps", result.get("exploratory_steps").asLong());
      report.add(row);
      if (format == Format.text) {
        out.printf("round %d: solved %d of %d, plans %s, %d environment steps so far, %d of this round's exploring "
            + "(model %s)%n", k, result.get("solved").asInt(), episodes,
            result.get("plans_valid").asBoolean() ? "valid" : "NOT all valid", steps,
            result.get("exploratory_steps").asLong(), model);
        out.flush();
      }
    }
    if (format == Format.json) {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("world", worldName);
      json.put("random_steps", randomSteps);
      json.put("rounds", report);
      json.put("steps_to_first_solved", firstSolvedAfter < 0 ? null : firstSolvedAfter);
      out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json));
    }
    if (format == Format.text) {
      out.println(firstSolvedAfter < 0 ? "no episode solved"
          : "first episode solved after " + firstSolvedAfter + " environment steps");
    }
    out.flush();
    return ExitCodes.OK;
  }

  /**
   * The environment steps used when the round's first solved episode ended (episodes counted in
   * their order, each whole), or -1 when the round solved none.
   *
   * @param before the steps used before the round
   */
  static long stepsToFirstSolved(long before, JsonNode perEpisode) {
    long steps = before;
    for (JsonNode e : perEpisode) {
      steps += e.get("steps").asLong();
      if (e.get("solved").asBoolean()) {
        return steps;
      }
    }
    return -1;
  }

  private void levels(List<String> args) {
    if (levelsFile != null) {
      args.addAll(List.of("--levels", levelsFile.toString()));
    }
  }

  /** Runs one command in-process; returns what it printed; its failure is this command's. */
  private String stage(List<String> args) {
    CommandLine cl = Main.newCommandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int exit = cl.execute(args.toArray(String[]::new));
    if (exit != ExitCodes.OK) {
      throw new UserFacingException("nomos " + String.join(" ", args) + " failed:\n" + err.toString().strip());
    }
    return out.toString();
  }
}
