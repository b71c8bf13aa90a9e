package dev.nomos.bench;

import dev.nomos.compiler.Compilation;
import dev.nomos.runtime.Frame;
import dev.nomos.runtime.fit.FitData;
import dev.nomos.runtime.fit.Fitter;
import dev.nomos.runtime.model.Inference;
import dev.nomos.runtime.model.ProgressListener;
import dev.nomos.runtime.model.WorldModel;
import dev.nomos.runtime.trajectory.Episode;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
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
 *       (the precompute, then the fit), the data-dependent part of {@code nomos learn}. A size
 *       whose episodes would not fit in the heap is reported as not measured, with the reason.
 * </ul>
 */
public final class ScalingBench {
  /** Law counts of the laws table. */
  public static final int[] LAW_COUNTS = {100, 250, 500, 1_000, 2_000};
  private static final int EPISODE_STEPS = 1_000;
  /** Heap a Pong-scale transition takes in an episode and in the fit's precompute, measured roughly, with margin. */
  private static final long BYTES_PER_TRANSITION = 6_000;

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

  /** Runs every measurement, up to {@code maxTransitions} transitions, and returns the tables as Markdown. */
  public String run(long maxTransitions) {
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
    md.append("\n| transitions | inference pass, CPU s | fit precompute, CPU s | fit, CPU s | fit iterations |\n");
    md.append("|---:|---:|---:|---:|---:|\n");
    Workload pong = Workloads.pong();
    Compilation c = BenchModels.compile(pong);
    WorldModel model = WorldModel.of(c.schema(), BenchModels.laws(pong, c, "compiled"));
    for (long n = 1_000; n <= maxTransitions; n *= 10) {
      md.append(transitionsRow(model, pong, n));
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

  private String transitionsRow(WorldModel model, Workload w, long transitions) {
    long heap = Runtime.getRuntime().maxMemory();
    if (transitions * BYTES_PER_TRANSITION > heap) {
      String why = String.format(Locale.ROOT, "not measured: needs about %.1f GB of heap, this JVM has %.1f GB",
          transitions * BYTES_PER_TRANSITION / 1e9, heap / 1e9);
      progress.printf(Locale.ROOT, "%,d transitions: %s%n", transitions, why);
      return String.format(Locale.ROOT, "| %,d | %s | | | |%n", transitions, why);
    }
    List<Episode> episodes = new ArrayList<>();
    for (long made = 0; made < transitions; made += EPISODE_STEPS) {
      int frames = (int) Math.min(EPISODE_STEPS, transitions - made) + 1;
      List<Frame> episode = w.frames(model.schema(), frames, 1_000 + episodes.size());
      int[] lines = new int[episode.size()];
      for (int k = 0; k < lines.length; k++) {
        lines[k] = k + 1;
      }
      episodes.add(new Episode(null, episodes.size(), episode, lines));
    }
    long start = processCpuNanos();
    Inference inference = model.newInference();
    double sum = 0;
    for (Episode e : episodes) {
      for (int k = 0; k + 1 < e.frames().size(); k++) {
        sum += inference.logLikelihood(e.frames().get(k), e.frames().get(k + 1));
      }
    }
    long passed = processCpuNanos();
    FitData data = FitData.precompute(model, episodes, ProgressListener.NONE);
    long precomputed = processCpuNanos();
    var result = new Fitter().fit(model, data);
    long fitted = processCpuNanos();
    progress.printf(Locale.ROOT, "%,d transitions: inference pass %.2f s, precompute %.2f s, fit %.2f s (%d iterations; log-likelihood %.1f)%n",
        data.transitions(), (passed - start) / 1e9, (precomputed - passed) / 1e9, (fitted - precomputed) / 1e9,
        result.iterations(), sum);
    return String.format(Locale.ROOT, "| %,d | %.2f | %.2f | %.2f | %d |%n", data.transitions(), (passed - start) / 1e9,
        (precomputed - passed) / 1e9, (fitted - precomputed) / 1e9, result.iterations());
  }

  /** CPU time of the whole process (every thread, JIT and GC included), in nanoseconds. */
  private static long processCpuNanos() {
    return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime() : System.nanoTime();
  }
}
