package dev.nomos.bench;

import dev.nomos.compiler.Compilation;
import dev.nomos.runtime.Frame;
import dev.nomos.runtime.fit.FitData;
import dev.nomos.runtime.fit.FitScorer;
import dev.nomos.runtime.fit.Fitter;
import dev.nomos.runtime.model.Inference;
import dev.nomos.runtime.model.WorldModel;
import dev.nomos.runtime.trajectory.Episode;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;

/**
 * {@code nomos bench --scaling}: how the engine's cost grows with objects, laws and transitions,
 * measured side by side in one run and printed as the Markdown tables of bench/README.md.
 *
 * <ul>
 *   <li>objects (7, 58, 300: the Pong-scale, Montezuma-scale and crowd workloads) and laws (100 to
 *       2,000 crowd laws over 300 objects): predict-and-score steps per CPU second of the compiled
 *       engine, with the law and contact indexes and without them (every law on every frame,
 *       contact loops over every pair), and their ratio;
 *   <li>transitions (10^3 up to a limit): process CPU seconds of one inference pass (the
 *       log-likelihood of every transition) and of fitting the 400 Pong-scale laws' weights
 *       (the precompute, then the fit), over episodes made and scored one at a time, so that the
 *       heap does not grow with the transitions (the live heap is in the table);
 *   <li>learn time against transitions (10^3 up to a smaller limit): wall and CPU seconds of
 *       {@code nomos learn}'s loop with a budget of rounds ({@link LearnScaling}).
 * </ul>
 */
public final class ScalingBench {
  /** Law counts of the laws table. */
  public static final int[] LAW_COUNTS = {100, 250, 500, 1_000, 2_000};
  private static final int EPISODE_STEPS = 1_000;

  private final Bench bench;
  private final PrintStream progress;
  private final double warmup;
  private final double measure;

  public ScalingBench(boolean quick, PrintStream progress) {
    this.bench = new Bench(quick, progress);
    this.progress = progress;
    this.warmup = quick ? 0.5 : 1.0;
    this.measure = quick ? 1.0 : 2.0;
  }

  /**
   * Runs every measurement, up to {@code maxTransitions} transitions for the passes over the data and
   * {@code maxLearnTransitions} for learning, and returns the tables as Markdown.
   */
  public String run(long maxTransitions, long maxLearnTransitions) {
    StringBuilder md = new StringBuilder();
    md.append("| objects | workload | laws | steps / CPU s | before indexes | ratio |\n");
    md.append("|---:|---|---:|---:|---:|---:|\n");
    for (Workload w : List.of(Workloads.pong(), Workloads.montezuma(), Workloads.crowd())) {
      md.append(stepsRow(w, true));
    }
    md.append("\n| laws | objects | steps / CPU s | before indexes | ratio |\n");
    md.append("|---:|---:|---:|---:|---:|\n");
    for (int laws : LAW_COUNTS) {
      md.append(stepsRow(Workloads.crowd(laws), false));
    }
    md.append("\n| transitions | inference pass, CPU s | fit precompute, CPU s | fit, CPU s | fit iterations"
        + " | distinct targets | live heap, MB |\n");
    md.append("|---:|---:|---:|---:|---:|---:|---:|\n");
    Workload pong = Workloads.pong();
    Compilation c = BenchModels.compile(pong);
    WorldModel model = WorldModel.of(c.schema(), BenchModels.laws(pong, c, "compiled"));
    for (long n = 1_000; n <= maxTransitions; n *= 10) {
      md.append(transitionsRow(model, pong, n));
    }
    md.append("\n| transitions | learn, wall s | learn, CPU s | rounds | laws | stopped |\n");
    md.append("|---:|---:|---:|---:|---:|---|\n");
    for (long n = 1_000; n <= maxLearnTransitions; n *= 10) {
      md.append(learnRow((int) n));
    }
    return md.toString();
  }

  private String stepsRow(Workload w, boolean byObjects) {
    Compilation c = BenchModels.compile(w);
    List<Frame> frames = w.frames(c.schema(), 400, 42);
    WorldModel model = WorldModel.of(c.schema(), BenchModels.laws(w, c, "compiled"));
    // Both paths once to warm up, then both measured: on a loaded machine the JIT may still be
    // compiling the first path's code when its warm-up ends, which would favour whichever runs second.
    bench.measure(model, frames, warmup, warmup);
    bench.measureWithoutIndexes(model, frames, warmup, warmup);
    double indexed = bench.measure(model, frames, warmup, measure).perCpuSecond();
    double before = bench.measureWithoutIndexes(model, frames, warmup, measure).perCpuSecond();
    int objects = frames.get(0).size();
    int laws = c.plans().size();
    progress.printf(Locale.ROOT, "%s, %d laws, %d objects: %,.0f steps per CPU second, %,.0f before the indexes%n",
        w.name(), laws, objects, indexed, before);
    return byObjects
        ? String.format(Locale.ROOT, "| %d | %s | %d | %,.0f | %,.0f | %.1fx |%n", objects, w.name(), laws, indexed, before,
            indexed / before)
        : String.format(Locale.ROOT, "| %,d | %d | %,.0f | %,.0f | %.1fx |%n", laws, objects, indexed, before,
            indexed / before);
  }

  /**
   * One row of the transitions table. The episodes are made one at a time and dropped once scored:
   * the inference pass and the fit's precompute ({@link FitScorer}, the same one-pass scoring as
   * {@code nomos fit}'s streamed precompute) see each episode once, so the heap holds one episode and
   * the distinct targets, whatever the number of transitions. Making the episodes is not timed.
   */
  private String transitionsRow(WorldModel model, Workload w, long transitions) {
    Inference inference = model.newInference();
    FitScorer scorer = new FitScorer(model);
    long inferenceNanos = 0;
    long precomputeNanos = 0;
    double sum = 0;
    int episodes = 0;
    for (long made = 0; made < transitions; made += EPISODE_STEPS) {
      int frames = (int) Math.min(EPISODE_STEPS, transitions - made) + 1;
      List<Frame> episode = w.frames(model.schema(), frames, 1_000 + episodes);
      int[] lines = new int[episode.size()];
      for (int k = 0; k < lines.length; k++) {
        lines[k] = k + 1;
      }
      Episode e = new Episode(null, episodes++, episode, lines);
      long start = processCpuNanos();
      for (int k = 0; k < e.transitions(); k++) {
        sum += inference.logLikelihood(episode.get(k), episode.get(k + 1));
      }
      long passed = processCpuNanos();
      scorer.add(e, 0, e.transitions());
      precomputeNanos += processCpuNanos() - passed;
      inferenceNanos += passed - start;
    }
    long merging = processCpuNanos();
    FitData data = FitData.of(model, List.of(scorer.part()));
    long precomputed = processCpuNanos();
    precomputeNanos += precomputed - merging;
    var result = new Fitter().fit(model, data);
    long fitted = processCpuNanos();
    long liveHeap = liveHeapBytes();
    progress.printf(Locale.ROOT, "%,d transitions: inference pass %.2f s, precompute %.2f s, fit %.2f s (%d iterations;"
        + " %,d distinct targets; heap in use after a full GC %.0f MB of %.0f MB; log-likelihood %.1f)%n",
        data.transitions(), inferenceNanos / 1e9, precomputeNanos / 1e9, (fitted - precomputed) / 1e9,
        result.iterations(), data.targets(), liveHeap / 1e6, Runtime.getRuntime().maxMemory() / 1e6, sum);
    String row = String.format(Locale.ROOT, "| %,d | %.2f | %.2f | %.2f | %d | %,d | %.0f |%n", data.transitions(),
        inferenceNanos / 1e9, precomputeNanos / 1e9, (fitted - precomputed) / 1e9, result.iterations(),
        data.targets(), liveHeap / 1e6);
    return row;
  }

  private String learnRow(int transitions) {
    LearnScaling.Figures f = LearnScaling.measure(transitions, EPISODE_STEPS);
    progress.printf(Locale.ROOT, "learning from %,d transitions: %.1f s wall, %.1f s CPU, %d rounds, %d laws (stopped: %s)%n",
        f.transitions(), f.wallSeconds(), f.cpuSeconds(), f.rounds(), f.laws(), f.stop());
    return String.format(Locale.ROOT, "| %,d | %.1f | %.1f | %d | %d | %s |%n", f.transitions(), f.wallSeconds(),
        f.cpuSeconds(), f.rounds(), f.laws(), f.stop());
  }

  /**
   * The heap the live data takes: used heap right after a full collection (the scaling run is a
   * benchmark, where asking for one is the point).
   */
  private static long liveHeapBytes() {
    System.gc();
    Runtime rt = Runtime.getRuntime();
    return rt.totalMemory() - rt.freeMemory();
  }

  /** CPU time of the whole process (every thread, JIT and GC included), in nanoseconds. */
  static long processCpuNanos() {
    return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime() : System.nanoTime();
  }
}
