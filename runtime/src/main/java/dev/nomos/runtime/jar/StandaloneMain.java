package dev.nomos.runtime.jar;

import dev.nomos.runtime.model.AttributeScore;
import dev.nomos.runtime.model.Evaluation;
import dev.nomos.runtime.model.LawException;
import dev.nomos.runtime.model.Metrics;
import dev.nomos.runtime.model.WorldModel;
import dev.nomos.runtime.trajectory.Episode;
import dev.nomos.runtime.trajectory.Episodes;
import dev.nomos.runtime.trajectory.ReadMode;
import dev.nomos.runtime.trajectory.ReadWarning;
import dev.nomos.runtime.trajectory.TrajectoryData;
import dev.nomos.runtime.trajectory.TrajectoryFormatException;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The entry point of standalone model jars: {@code java -jar model.jar eval --data D.jsonl
 * [--data E.jsonl.gz ...] [--format text|json] [--strict]} evaluates the jar's own model on recorded
 * trajectories with nothing but the jar. Data the world does not declare is read with one warning
 * per surprise on standard error ({@link ReadMode#OPEN}), or refused with {@code --strict}. Exit
 * codes as for {@code nomos}: 0 ok, 1 failure, 2 usage.
 */
public final class StandaloneMain {
  private static final String USAGE = "usage: java -jar MODEL.jar eval --data FILE.jsonl[.gz] [--data ...] "
      + "[--format text|json] [--strict]";

  private StandaloneMain() {}

  /** Runs the command line and exits with its code. */
  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs the command line; returns the exit code. */
  static int run(String[] args, PrintStream out, PrintStream err) {
    List<Path> data = new ArrayList<>();
    boolean json = false;
    ReadMode mode = ReadMode.OPEN;
    if (args.length == 0 || !args[0].equals("eval")) {
      boolean help = args.length > 0 && (args[0].equals("--help") || args[0].equals("-h"));
      err.println(help ? USAGE : "model: unknown command" + (args.length > 0 ? " '" + args[0] + "'" : "") + "\n" + USAGE);
      return help ? 0 : 2;
    }
    for (int i = 1; i < args.length; i++) {
      String a = args[i];
      if ((a.equals("--data") || a.equals("--format")) && i + 1 == args.length) {
        err.println("model: " + a + " needs a value\n" + USAGE);
        return 2;
      }
      switch (a) {
        case "--data" -> data.add(Path.of(args[++i]));
        case "--format" -> {
          String f = args[++i];
          if (!f.equals("text") && !f.equals("json")) {
            err.println("model: --format must be text or json, got '" + f + "'");
            return 2;
          }
          json = f.equals("json");
        }
        case "--strict" -> mode = ReadMode.STRICT;
        case "--help", "-h" -> {
          out.println(USAGE);
          return 0;
        }
        default -> {
          err.println("model: unknown option '" + a + "'\n" + USAGE);
          return 2;
        }
      }
    }
    if (data.isEmpty()) {
      err.println("model: --data is required\n" + USAGE);
      return 2;
    }
    try {
      WorldModel model = ModelJar.load(ownJar()).model();
      TrajectoryData read = Episodes.readAll(data, model.schema(), mode);
      for (ReadWarning w : read.warnings()) {
        err.println("model: " + w.message());
      }
      List<Episode> episodes = read.episodes();
      Evaluation e = Metrics.evaluate(model, episodes);
      out.println(json ? e.toJson() : text(e));
      return 0;
    } catch (ModelJarException | IOException | LawException | TrajectoryFormatException | IllegalArgumentException e) {
      err.println("model: " + e.getMessage());
      return 1;
    }
  }

  private static Path ownJar() throws ModelJarException {
    try {
      return Path.of(StandaloneMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException | NullPointerException | IllegalArgumentException e) {
      throw new ModelJarException("cannot locate the model jar this program runs from");
    }
  }

  private static String text(Evaluation e) {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "transitions            %d%n", e.transitions()));
    sb.append(String.format(Locale.ROOT, "NLL per transition     %.4f%n", e.nllPerTransition()));
    sb.append(String.format(Locale.ROOT, "exact frame accuracy   %.2f%%%n", 100 * e.exactFrameAccuracy()));
    sb.append("attribute accuracy on moving objects:");
    for (Map.Entry<String, AttributeScore> a : new TreeMap<>(e.attributes()).entrySet()) {
      sb.append(String.format(Locale.ROOT, "%n  %-20s %.2f%% (%d)", a.getKey(), 100 * a.getValue().accuracy(),
          a.getValue().total()));
    }
    return sb.toString();
  }
}
