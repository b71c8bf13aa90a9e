package dev.nomos.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The figures of one {@code nomos bench} run: predict-and-score steps per second by workload and
 * engine, the ratios the project targets, and the time to compile 1,000 laws.
 *
 * @param quick whether this was the short run
 * @param throughput steps per CPU second of the measuring thread (that is, on one core) by
 *     workload, then engine ({@code interpreted}, {@code compiled}, {@code handwritten})
 * @param wallThroughput the same per wall-clock second, which other load on the machine lowers
 * @param lawsOnly frames per CPU second when only the laws run (no scoring), by workload and engine
 * @param laws number of laws by workload
 * @param objects objects per frame by workload
 * @param compileColdSeconds parse, check, generate and load 1,000 laws, first time in this process,
 *     in CPU seconds of the process (JIT and GC threads included)
 * @param compileColdWallSeconds the same in wall-clock seconds
 * @param compileWarmSeconds the same in CPU seconds, best of the repeats after the first
 * @param simulatorSteps steps per CPU second of the Java step API for planners
 *     ({@code dev.nomos.runtime.model.Simulator#mostLikely}: next frame, reward, end and their
 *     probabilities) with compiled laws, by workload
 * @param beforeIndexes steps per CPU second of the compiled engine with every law run on every frame
 *     and contact loops scanning whole types (the engine before issue 19's indexes), by workload,
 *     measured in the same run
 */
public record BenchReport(boolean quick, Map<String, Map<String, Double>> throughput,
    Map<String, Map<String, Double>> wallThroughput, Map<String, Map<String, Double>> lawsOnly,
    Map<String, Integer> laws,
    Map<String, Integer> objects, double compileColdSeconds, double compileColdWallSeconds,
    double compileWarmSeconds, Map<String, Double> simulatorSteps, Map<String, Double> beforeIndexes) {

  /** Targets of the project (issue 4). */
  public static final double MIN_COMPILED_OVER_INTERPRETED = 20;
  public static final double MAX_HANDWRITTEN_OVER_COMPILED = 1.5;
  public static final double MIN_PONG_STEPS = 50_000;
  public static final double MIN_MONTEZUMA_STEPS = 3_000;
  public static final double MAX_COMPILE_SECONDS = 3;
  /** Targets of issue 19 (less work per step), steps per CPU second of the compiled engine. */
  public static final double MIN_PONG_STEPS_INDEXED = 250_000;
  public static final double MIN_MONTEZUMA_STEPS_INDEXED = 150_000;
  public static final double MIN_CROWD_STEPS = 20_000;

  /** How many times faster the compiled engine stepped than before the indexes; NaN if either did not run. */
  public double speedupOverBeforeIndexes(String workload) {
    Double old = beforeIndexes.get(workload);
    return old == null ? Double.NaN : stepsPerSecond(workload, "compiled") / old;
  }

  /** Steps per CPU second of {@code engine} on {@code workload}; NaN if it did not run. */
  public double stepsPerSecond(String workload, String engine) {
    return rate(throughput, workload, engine);
  }

  /** How many times faster {@code numerator} stepped than {@code denominator}; NaN if either did not run. */
  public double ratio(String workload, String numerator, String denominator) {
    return stepsPerSecond(workload, numerator) / stepsPerSecond(workload, denominator);
  }

  /** {@link #ratio} for the laws alone (no scoring). */
  public double lawsOnlyRatio(String workload, String numerator, String denominator) {
    return rate(lawsOnly, workload, numerator) / rate(lawsOnly, workload, denominator);
  }

  private static double rate(Map<String, Map<String, Double>> byWorkload, String workload, String engine) {
    Double v = byWorkload.getOrDefault(workload, Map.of()).get(engine);
    return v == null ? Double.NaN : v;
  }

  /** The report as indented JSON: figures by workload, ratios, compile times and targets met. */
  public String toJson() {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode();
    root.put("quick", quick);
    ObjectNode workloads = root.putObject("workloads");
    for (String w : throughput.keySet()) {
      ObjectNode n = workloads.putObject(w);
      n.put("laws", laws.get(w));
      n.put("objects", objects.get(w));
      ObjectNode steps = n.putObject("stepsPerCpuSecond");
      throughput.get(w).forEach((engine, v) -> steps.put(engine, Math.round(v)));
      ObjectNode wall = n.putObject("stepsPerWallSecond");
      wallThroughput.getOrDefault(w, Map.of()).forEach((engine, v) -> wall.put(engine, Math.round(v)));
      ObjectNode alone = n.putObject("lawsOnlyFramesPerCpuSecond");
      lawsOnly.getOrDefault(w, Map.of()).forEach((engine, v) -> alone.put(engine, Math.round(v)));
      Double old = beforeIndexes.get(w);
      if (old != null) {
        n.put("compiledBeforeIndexesStepsPerCpuSecond", Math.round(old));
      }
      Double sim = simulatorSteps.get(w);
      if (sim != null) {
        n.put("simulatorStepsPerCpuSecond", Math.round(sim));
      }
    }
    ObjectNode ratios = root.putObject("ratios");
    for (String w : throughput.keySet()) {
      ObjectNode n = ratios.putObject(w);
      n.put("compiledOverInterpreted", round(ratio(w, "compiled", "interpreted")));
      n.put("lawsOnlyCompiledOverInterpreted", round(lawsOnlyRatio(w, "compiled", "interpreted")));
      if (beforeIndexes.containsKey(w)) {
        n.put("compiledOverBeforeIndexes", round(speedupOverBeforeIndexes(w)));
      }
      if (throughput.get(w).containsKey("handwritten")) {
        n.put("handwrittenOverCompiled", round(ratio(w, "handwritten", "compiled")));
        n.put("lawsOnlyHandwrittenOverCompiled", round(lawsOnlyRatio(w, "handwritten", "compiled")));
      }
    }
    ObjectNode compile = root.putObject("compile1000Laws");
    compile.put("coldSeconds", round(compileColdSeconds));
    compile.put("coldWallSeconds", round(compileColdWallSeconds));
    compile.put("warmSeconds", round(compileWarmSeconds));
    ObjectNode targets = root.putObject("targetsMet");
    targetChecks().forEach(targets::put);
    try {
      return mapper.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Each target and whether this run met it. */
  public Map<String, Boolean> targetChecks() {
    Map<String, Boolean> t = new LinkedHashMap<>();
    t.put("compiledAtLeast20xInterpreted", List.of("pong", "montezuma").stream()
        .allMatch(w -> ratio(w, "compiled", "interpreted") >= MIN_COMPILED_OVER_INTERPRETED));
    t.put("compiledWithin1.5xOfHandwritten", ratio("pong", "handwritten", "compiled") <= MAX_HANDWRITTEN_OVER_COMPILED);
    t.put("pongAtLeast50000StepsPerSecond", stepsPerSecond("pong", "compiled") >= MIN_PONG_STEPS);
    t.put("montezumaAtLeast3000StepsPerSecond", stepsPerSecond("montezuma", "compiled") >= MIN_MONTEZUMA_STEPS);
    t.put("compile1000LawsUnder3Seconds", compileColdSeconds < MAX_COMPILE_SECONDS);
    t.put("pongAtLeast250000StepsPerSecond", stepsPerSecond("pong", "compiled") >= MIN_PONG_STEPS_INDEXED);
    t.put("montezumaAtLeast150000StepsPerSecond", stepsPerSecond("montezuma", "compiled") >= MIN_MONTEZUMA_STEPS_INDEXED);
    t.put("crowdAtLeast20000StepsPerSecond", stepsPerSecond("crowd", "compiled") >= MIN_CROWD_STEPS);
    return t;
  }

  /** A short table for terminals. */
  public String toText() {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "%-10s %5s %7s %14s %14s %14s %16s%n", "workload", "laws", "objects",
        "interpreted", "compiled", "hand-written", "before indexes"));
    for (String w : throughput.keySet()) {
      Double old = beforeIndexes.get(w);
      sb.append(String.format(Locale.ROOT, "%-10s %5d %7d %14s %14s %14s %16s%n", w, laws.get(w), objects.get(w),
          steps(w, "interpreted"), steps(w, "compiled"), steps(w, "handwritten"),
          old == null ? "-" : String.format(Locale.ROOT, "%,.0f", old)));
    }
    sb.append("(predict-and-score steps per CPU second of one thread; \"before indexes\": compiled, every law on every\n"
        + " frame and contact loops over whole types, measured in this run; wall-clock figures in --format json)\n");
    simulatorSteps.forEach((w, v) -> sb.append(String.format(Locale.ROOT,
        "%s: step API (Simulator.mostLikely: next frame, reward, end, probabilities; compiled) %,.0f steps per CPU second%n",
        w, v)));
    for (String w : throughput.keySet()) {
      sb.append(String.format(Locale.ROOT, "%s: compiled/interpreted %.1fx (laws alone %.1fx)", w,
          ratio(w, "compiled", "interpreted"), lawsOnlyRatio(w, "compiled", "interpreted")));
      if (beforeIndexes.containsKey(w)) {
        sb.append(String.format(Locale.ROOT, ", compiled/before indexes %.2fx", speedupOverBeforeIndexes(w)));
      }
      if (throughput.get(w).containsKey("handwritten")) {
        sb.append(String.format(Locale.ROOT, ", hand-written/compiled %.2fx (laws alone %.2fx)",
            ratio(w, "handwritten", "compiled"), lawsOnlyRatio(w, "handwritten", "compiled")));
      }
      sb.append('\n');
    }
    sb.append(String.format(Locale.ROOT,
        "compile 1000 laws (parse, check, generate, load): %.2f s cold (%.2f s wall), %.2f s warm%n",
        compileColdSeconds, compileColdWallSeconds, compileWarmSeconds));
    targetChecks().forEach((k, v) -> sb.append(v ? "  met     " : "  MISSED  ").append(k).append('\n'));
    return sb.toString();
  }

  private String steps(String w, String engine) {
    double v = stepsPerSecond(w, engine);
    return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%,.0f", v);
  }

  private static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }
}
