package dev.nomos.bench;

import dev.nomos.compiler.Compilation;
import dev.nomos.compiler.codegen.CompiledLaws;
import dev.nomos.runtime.Frame;
import dev.nomos.runtime.Law;
import dev.nomos.runtime.WorldSchema;
import dev.nomos.runtime.ContactIndex;
import dev.nomos.runtime.model.Inference;
import dev.nomos.runtime.model.Simulator;
import dev.nomos.runtime.model.WorldModel;
import dev.nomos.runtime.model.LawApplication;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongUnaryOperator;

/**
 * The measurement behind {@code nomos bench}: a plain timed loop, without JMH, so it fits in about a
 * minute (15 s quick). A step is "predict and score": run every law of the model on frame t into the
 * runtime's opinion collector ({@link Inference}) and score the observed frame t+1 under the product
 * of experts. The JMH benchmarks in {@code dev.nomos.bench.jmh} measure the same steps more carefully.
 */
public final class Bench {
  private static final int EPISODE_STEPS = 2_000;
  private static final int COMPILE_LAWS = 1_000;

  private final boolean quick;
  private final PrintStream progress;
  private double sink; // results flow here so the JIT cannot drop the work

  /** A run of about a minute, or 15 s when {@code quick}; each result line is printed to {@code progress}. */
  public Bench(boolean quick, PrintStream progress) {
    this.quick = quick;
    this.progress = progress;
  }

  /**
   * Times compilation, then every workload under every engine. The compiled engine, with and without
   * the indexes, is warmed up with each workload and measured at the end, every workload's windows
   * taken in turns ({@link #bestInTurns}); the other engines are measured workload by workload.
   */
  public BenchReport run() {
    double warmup = quick ? 1.0 : 3.0;
    double measure = quick ? 1.0 : 5.0;
    // Compile time first, while the process is cold, as a user's first `nomos` run is.
    double[] cold = timeCompile();
    double warm = Double.MAX_VALUE;
    for (int i = 0; i < (quick ? 1 : 3); i++) {
      warm = Math.min(warm, timeCompile()[0]);
    }
    progress.printf("compile %d laws: %.2f s cold (%.2f s wall), %.2f s warm%n", COMPILE_LAWS, cold[0], cold[1], warm);

    Map<String, Map<String, Double>> throughput = new LinkedHashMap<>();
    Map<String, Map<String, Double>> wallThroughput = new LinkedHashMap<>();
    Map<String, Map<String, Double>> lawsOnly = new LinkedHashMap<>();
    Map<String, Integer> laws = new LinkedHashMap<>();
    Map<String, Integer> objects = new LinkedHashMap<>();
    Map<String, Double> simulatorSteps = new LinkedHashMap<>();
    Map<String, Double> before = new LinkedHashMap<>();
    // The compiled engine with and without the indexes, every workload: warmed up in turn below,
    // measured at the end in windows taken in turns (bestInTurns).
    List<String> inTurns = new ArrayList<>();
    List<LongUnaryOperator> turnWork = new ArrayList<>();
    for (Workload w : List.of(Workloads.pong(), Workloads.montezuma(), Workloads.crowd())) {
      Compilation c = BenchModels.compile(w);
      WorldSchema schema = c.schema();
      List<Frame> frames = w.frames(schema, EPISODE_STEPS, 42);
      laws.put(w.name(), c.plans().size());
      objects.put(w.name(), frames.get(0).size());
      Map<String, List<Law>> engines = new LinkedHashMap<>();
      for (String engine : BenchModels.engines(w)) {
        engines.put(engine, BenchModels.laws(w, c, engine));
      }
      Map<String, Double> perEngine = new LinkedHashMap<>();
      Map<String, Double> perEngineWall = new LinkedHashMap<>();
      Map<String, Double> perEngineLaws = new LinkedHashMap<>();
      for (Map.Entry<String, List<Law>> e : engines.entrySet()) {
        WorldModel model = WorldModel.of(schema, e.getValue());
        double lawRate = lawsOnly(model, frames, quick ? 0.5 : 1.5);
        perEngineLaws.put(e.getKey(), lawRate);
        if (e.getKey().equals("compiled")) {
          progress.printf("%s compiled: laws alone %,.0f steps per CPU second%n", w.name(), lawRate);
          continue;
        }
        Rate rate = measure(model, frames, warmup, measure);
        perEngine.put(e.getKey(), rate.perCpuSecond());
        perEngineWall.put(e.getKey(), rate.perWallSecond());
        progress.printf("%s %s: %,.0f steps per CPU second (%,.0f per wall second); laws alone %,.0f%n", w.name(),
            e.getKey(), rate.perCpuSecond(), rate.perWallSecond(), lawRate);
      }
      WorldModel compiled = WorldModel.of(schema, engines.get("compiled"));
      LongUnaryOperator indexed = stepsOf(compiled.newInference(), frames);
      // The compiled engine as it was before the law index and the contact index, in the same run.
      LongUnaryOperator withoutIndexes = withoutContactIndex(stepsOf(compiled.newInferenceWithoutLawIndex(), frames));
      warmUp(warmup, indexed);
      warmUp(warmup, withoutIndexes);
      inTurns.add(w.name());
      turnWork.add(indexed);
      turnWork.add(withoutIndexes);
      if (w.name().equals("pong")) {
        WorldModel model = compiled;
        double rate = simulator(model, frames, warmup, measure).perCpuSecond();
        simulatorSteps.put(w.name(), rate);
        progress.printf("%s step API (Simulator, compiled): %,.0f steps per CPU second%n", w.name(), rate);
      }
      lawsOnly.put(w.name(), perEngineLaws);
      throughput.put(w.name(), perEngine);
      wallThroughput.put(w.name(), perEngineWall);
    }
    Rate[] rates = bestInTurns(measure, turnWork);
    for (int k = 0; k < inTurns.size(); k++) {
      String name = inTurns.get(k);
      Rate rate = rates[2 * k];
      Rate old = rates[2 * k + 1];
      throughput.get(name).put("compiled", rate.perCpuSecond());
      wallThroughput.get(name).put("compiled", rate.perWallSecond());
      before.put(name, old.perCpuSecond());
      progress.printf("%s compiled: %,.0f steps per CPU second (%,.0f per wall second); laws alone %,.0f%n", name,
          rate.perCpuSecond(), rate.perWallSecond(), lawsOnly.get(name).get("compiled"));
      progress.printf("%s compiled without the law and contact indexes: %,.0f steps per CPU second (%.1fx faster with them)%n",
          name, old.perCpuSecond(), rate.perCpuSecond() / old.perCpuSecond());
    }
    if (sink == 42.4242) {
      progress.println();
    }
    return new BenchReport(quick, throughput, wallThroughput, lawsOnly, laws, objects, cold[0], cold[1], warm,
        simulatorSteps, before);
  }

  /** Steps per second of the measuring thread's CPU time and of wall-clock time. */
  public record Rate(double perCpuSecond, double perWallSecond) {}

  /**
   * Predict-and-score steps per second over the episode, cycling, after a warm-up. The measurement
   * is split into half-second windows and the best window counts: the steady state, after the JIT
   * has settled, and the least disturbed by other load. CPU time is the measuring thread's own, so
   * the figure is "on one core" even when other processes share the machine; the wall-clock rate of
   * the same window is reported beside it.
   */
  public Rate measure(WorldModel model, List<Frame> frames, double warmupSeconds, double measureSeconds) {
    return measure(stepsOf(model.newInference(), frames), warmupSeconds, measureSeconds);
  }

  /**
   * {@link #measure} with every law run on every frame and every contact loop scanning its whole
   * type: the engine before the law index and the contact index, whose results are the same.
   */
  public Rate measureWithoutIndexes(WorldModel model, List<Frame> frames, double warmupSeconds, double measureSeconds) {
    return measure(withoutContactIndex(stepsOf(model.newInferenceWithoutLawIndex(), frames)), warmupSeconds,
        measureSeconds);
  }

  private static Rate measure(LongUnaryOperator work, double warmupSeconds, double measureSeconds) {
    warmUp(warmupSeconds, work);
    return bestWindow(measureSeconds, work);
  }

  /** Predict-and-score steps over the episode, cycling, for the nanoseconds given; returns the step count. */
  private LongUnaryOperator stepsOf(Inference inference, List<Frame> frames) {
    return nanos -> run(inference, frames, nanos);
  }

  /** {@code work} with every contact loop scanning its whole type, as before the contact index. */
  private static LongUnaryOperator withoutContactIndex(LongUnaryOperator work) {
    return nanos -> {
      ContactIndex.setEnabled(false);
      try {
        return work.applyAsLong(nanos);
      } finally {
        ContactIndex.setEnabled(true);
      }
    };
  }

  /**
   * Runs {@code work} until the measuring thread has spent {@code seconds} of CPU time on it. A
   * warm-up in wall-clock time would give the thread only its share of a loaded machine's cores, and
   * the JIT too little of the code's running to settle before the windows that count.
   */
  private static void warmUp(double seconds, LongUnaryOperator work) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long start = threads.getCurrentThreadCpuTime();
    long target = (long) (seconds * 1e9);
    if (start < 0) {
      work.applyAsLong(target);
      return;
    }
    while (threads.getCurrentThreadCpuTime() - start < target) {
      work.applyAsLong(50_000_000L);
    }
  }

  /**
   * Steps per second of the Java step API a planner calls ({@link Simulator#mostLikely}: the laws run
   * on the frame, the most likely next frame, the step's reward and end and the probabilities of all
   * three), from every frame of the episode under its recorded action, cycling.
   */
  Rate simulator(WorldModel model, List<Frame> frames, double warmupSeconds, double measureSeconds) {
    Simulator sim = new Simulator(model);
    int n = frames.size();
    long[] done = {0};
    LongUnaryOperator work = nanos -> {
      long end = System.nanoTime() + nanos;
      long steps = 0;
      double total = 0;
      while (System.nanoTime() < end) {
        for (int i = 0; i < 64; i++) {
          Frame f = frames.get((int) (done[0]++ % n));
          Simulator.Step s = sim.mostLikely(f, f.action());
          total += s.frameLogProbability() + s.reward() + s.frame().size();
          steps++;
        }
      }
      sink += total;
      return steps;
    };
    warmUp(warmupSeconds, work);
    return bestWindow(measureSeconds, work);
  }

  /**
   * The best half-second window of each of {@code works}, {@code seconds} of windows each, the windows
   * taken in turns (one of each, then one of each again): every measurement's windows then spread over
   * the same stretch of time, so a slow spell of a shared host takes some windows of each rather than
   * all of one, and the figures side by side were measured under the same conditions.
   */
  private static Rate[] bestInTurns(double seconds, List<LongUnaryOperator> works) {
    Rate[] best = new Rate[works.size()];
    Arrays.fill(best, new Rate(0, 0));
    int windows = Math.max(1, (int) Math.round(seconds / 0.5));
    for (int w = 0; w < windows; w++) {
      for (int k = 0; k < works.size(); k++) {
        Rate rate = window(works.get(k));
        if (rate.perCpuSecond() > best[k].perCpuSecond()) {
          best[k] = rate;
        }
      }
    }
    return best;
  }

  /** The best of half-second windows of {@code work}, which runs for the nanoseconds given and returns its step count. */
  private static Rate bestWindow(double seconds, LongUnaryOperator work) {
    return bestInTurns(seconds, List.of(work))[0];
  }

  /** Steps per second of one half-second window of {@code work}. */
  private static Rate window(LongUnaryOperator work) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long cpu = threads.getCurrentThreadCpuTime();
    long start = System.nanoTime();
    long steps = work.applyAsLong(500_000_000L);
    double wall = (System.nanoTime() - start) / 1e9;
    double cpuSeconds = cpu < 0 ? wall : (threads.getCurrentThreadCpuTime() - cpu) / 1e9;
    return new Rate(steps / cpuSeconds, steps / wall);
  }

  /**
   * Frames per CPU second when only the laws run: every law applied to the frame into the runtime's
   * opinion collector (the "predict" half of a step), nothing scored. This is the part of a step
   * in which the engines differ.
   */
  double lawsOnly(WorldModel model, List<Frame> frames, double seconds) {
    LawApplication application = new LawApplication(model);
    int n = frames.size();
    long[] targets = {0};
    long[] done = {0};
    Rate best = bestWindow(seconds, nanos -> {
      long end = System.nanoTime() + nanos;
      long steps = 0;
      while (System.nanoTime() < end) {
        for (int i = 0; i < 64; i++) {
          targets[0] += application.apply(frames.get((int) (done[0]++ % n)));
          steps++;
        }
      }
      return steps;
    });
    sink += targets[0];
    return best.perCpuSecond();
  }

  private long run(Inference inference, List<Frame> frames, long nanos) {
    long end = System.nanoTime() + nanos;
    long steps = 0;
    double total = 0;
    int n = frames.size() - 1;
    while (System.nanoTime() < end) {
      for (int i = 0; i < 64; i++) {
        int k = (int) (steps % n);
        total += inference.logLikelihood(frames.get(k), frames.get(k + 1));
        steps++;
      }
    }
    sink += total;
    return steps;
  }

  /**
   * Seconds to parse, check, generate and load 1,000 laws: CPU seconds of the whole process (so
   * including the JIT and garbage-collector threads that a cold start keeps busy) and wall-clock
   * seconds, which other load on the machine stretches.
   */
  static double[] timeCompile() {
    String source = Workloads.manyLaws(COMPILE_LAWS);
    long cpu = processCpuNanos();
    long start = System.nanoTime();
    Compilation c = BenchModels.compileSource("many.law", source);
    List<Law> laws = CompiledLaws.compile(c.plans());
    double wall = (System.nanoTime() - start) / 1e9;
    long cpuAfter = processCpuNanos();
    double cpuSeconds = cpu < 0 || cpuAfter < 0 ? wall : (cpuAfter - cpu) / 1e9;
    if (laws.size() != COMPILE_LAWS) {
      throw new IllegalStateException("compiled " + laws.size() + " of " + COMPILE_LAWS + " laws");
    }
    return new double[] {cpuSeconds, wall};
  }

  /** CPU time of this process in nanoseconds, or -1 where the JVM does not report it. */
  private static long processCpuNanos() {
    return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime() : -1;
  }
}
