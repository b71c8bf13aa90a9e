package dev.nomos.bench;

import dev.nomos.compiler.Compilation;
import dev.nomos.plan.GraphSearch;
import dev.nomos.plan.ModelTransitions;
import dev.nomos.plan.Plan;
import dev.nomos.plan.SearchLimits;
import dev.nomos.plan.TimeMeasure;
import dev.nomos.runtime.Frame;
import dev.nomos.runtime.model.WorldModel;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.List;

/**
 * Planner speed on the compiled engine: breadth-first search over the Pong-scale model's most
 * likely frames (400 laws, six actions per node) towards a goal that never holds, so that it
 * expands for the whole measurement. Nodes expanded per CPU second of the searching thread, after a
 * warm-up search.
 */
public final class PlannerBench {
  /** What one measurement gives: nodes expanded and frames predicted per CPU second, and per wall second. */
  public record PlannerSpeed(String workload, int laws, double nodesPerCpuSecond, double predictionsPerCpuSecond,
      double nodesPerWallSecond) {}

  private PlannerBench() {}

  public static PlannerSpeed measure(boolean quick, PrintStream progress) {
    Workload w = Workloads.pong();
    Compilation c = BenchModels.compile(w);
    List<Frame> frames = w.frames(c.schema(), 200, 42);
    WorldModel model = WorldModel.of(c.schema(), BenchModels.laws(w, c, "compiled"));
    Frame start = frames.get(100);
    search(model, start, quick ? 1.0 : 3.0);
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long cpu = threads.getCurrentThreadCpuTime();
    Plan plan = search(model, start, quick ? 2.0 : 8.0);
    double cpuSeconds = cpu < 0 ? plan.stats().seconds() : (threads.getCurrentThreadCpuTime() - cpu) / 1e9;
    PlannerSpeed speed = new PlannerSpeed(w.name(), c.plans().size(), plan.stats().expanded() / cpuSeconds,
        plan.stats().predicted() / cpuSeconds, plan.stats().nodesPerSecond());
    progress.printf("planner (bfs, %s, compiled): %,.0f nodes expanded per CPU second (%,.0f predictions), %,.0f per wall second%n",
        w.name(), speed.nodesPerCpuSecond(), speed.predictionsPerCpuSecond(), speed.nodesPerWallSecond());
    return speed;
  }

  private static Plan search(WorldModel model, Frame start, double seconds) {
    GraphSearch bfs = GraphSearch.bfs(new ModelTransitions(model), frame -> false);
    return bfs.plan(start, new SearchLimits(Long.MAX_VALUE, Duration.ofNanos((long) (seconds * 1e9)), TimeMeasure.WALL));
  }
}
