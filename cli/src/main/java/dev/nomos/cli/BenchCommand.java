package dev.nomos.cli;

import dev.nomos.bench.Bench;
import dev.nomos.bench.BenchReport;
import dev.nomos.bench.PlannerBench;
import dev.nomos.bench.ScalingBench;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code nomos bench [--quick] [--format json]}: about a minute (15 s with --quick) of measurement
 * without JMH: predict-and-score steps per second on the Pong-scale and Montezuma-scale workloads
 * for each engine, the ratios the project targets, and the time to compile 1,000 laws. The JMH
 * benchmarks in the bench module measure the same more carefully.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = {"Measure how fast laws run: predict-and-score steps per second for the interpreted, compiled and "
        + "hand-written engines on a Pong-scale (400 laws, 7 objects), a Montezuma-scale (450 laws, 58 objects) "
        + "and a crowd (400 laws, 300 objects) model, the compiled engine without the law and contact indexes "
        + "beside it, the time to compile 1,000 laws, and the planner's speed (nodes expanded per second by "
        + "breadth-first search over the Pong-scale model on the compiled engine).",
        "With --scaling, instead: steps per second against objects (7, 58, 300) and laws (100 to 2,000), with and "
        + "without the indexes, inference and fitting time against transitions (10^3 up to --max-transitions, "
        + "episodes streamed so that the heap stays bounded) and learn time against transitions (10^3 up to "
        + "--max-learn-transitions; the enumerative loop with a budget of 3 rounds), as Markdown tables.",
        "Progress goes to stderr, the figures to stdout. Takes about a minute; --quick about 15 seconds; --scaling "
        + "several minutes."})
public final class BenchCommand implements Callable<Integer> {

  enum Format { text, json }

  @Option(names = "--quick", description = "A shorter, noisier run (about 15 s).")
  boolean quick;

  @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Format format;

  @Option(names = "--scaling", description = "Measure how cost grows with objects, laws and transitions instead.")
  boolean scaling;

  @Option(names = "--max-transitions", defaultValue = "100000", paramLabel = "N",
      description = "With --scaling: the largest recording, in transitions (powers of ten from 1,000; default: "
          + "${DEFAULT-VALUE}).")
  long maxTransitions;

  @Option(names = "--max-learn-transitions", defaultValue = "10000", paramLabel = "N",
      description = "With --scaling: the largest recording learned from, in transitions (powers of ten from 1,000;"
          + " 0 for none; default: ${DEFAULT-VALUE}).")
  long maxLearnTransitions;

  @Spec
  CommandSpec spec;

  /** The report's JSON with a {@code planner} object: nodes expanded per second on the compiled engine. */
  private static String withPlanner(String reportJson, PlannerBench.PlannerSpeed planner) {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    try {
      ObjectNode root = (ObjectNode) mapper.readTree(reportJson);
      ObjectNode p = root.putObject("planner");
      p.put("workload", planner.workload());
      p.put("search", "bfs");
      p.put("engine", "compiled");
      p.put("nodesPerCpuSecond", Math.round(planner.nodesPerCpuSecond()));
      p.put("predictionsPerCpuSecond", Math.round(planner.predictionsPerCpuSecond()));
      p.put("nodesPerWallSecond", Math.round(planner.nodesPerWallSecond()));
      return mapper.writeValueAsString(root);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    PrintStream progress = new PrintStream(new java.io.OutputStream() {
      @Override public void write(int b) {
        err.write(b);
        if (b == '\n') {
          err.flush();
        }
      }
    }, true, java.nio.charset.StandardCharsets.UTF_8);
    if (scaling) {
      if (maxTransitions < 1_000) {
        throw new ParameterException(spec.commandLine(), "--max-transitions must be at least 1000, got " + maxTransitions);
      }
      PrintWriter out = spec.commandLine().getOut();
      if (maxLearnTransitions < 0 || maxLearnTransitions > Integer.MAX_VALUE) {
        throw new ParameterException(spec.commandLine(), "--max-learn-transitions must be from 0 to "
            + Integer.MAX_VALUE + ", got " + maxLearnTransitions);
      }
      out.print(new ScalingBench(quick, progress).run(maxTransitions, maxLearnTransitions));
      out.flush();
      return ExitCodes.OK;
    }
    BenchReport report = new Bench(quick, progress).run();
    PlannerBench.PlannerSpeed planner = PlannerBench.measure(quick, progress);
    PrintWriter out = spec.commandLine().getOut();
    if (format == Format.json) {
      out.println(withPlanner(report.toJson(), planner));
    } else {
      out.print(report.toText());
      out.printf(java.util.Locale.ROOT, "planner: %,.0f nodes expanded per CPU second (bfs on the %s model, %d laws, "
          + "compiled; %,.0f predictions/s)%n", planner.nodesPerCpuSecond(), planner.workload(), planner.laws(),
          planner.predictionsPerCpuSecond());
    }
    out.flush();
    return ExitCodes.OK;
  }
}
