package dev.nomos.spark;

import dev.nomos.runtime.cluster.ClusterSession;
import dev.nomos.runtime.cluster.ModelRecipe;
import dev.nomos.runtime.cluster.TransitionSlice;
import dev.nomos.runtime.fit.FitData;
import dev.nomos.runtime.fit.FitPart;
import dev.nomos.runtime.fit.FitScorer;
import dev.nomos.runtime.fit.PartialSums;
import dev.nomos.runtime.model.Evaluation;
import dev.nomos.runtime.model.EvaluationTally;
import dev.nomos.runtime.model.WorldModel;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * A Spark session running fit's precompute and eval as one job each over the trajectory files (one
 * task per file), fitting's sums as one job per objective evaluation ({@link SparkSums}), and the
 * learner's scoring of transitions and candidate laws as one job per pass over the slices of its
 * data (one task per file, {@link SliceReader}). The parts come back to the driver and are merged in
 * file order, so the results equal a local run's.
 */
final class SparkCluster implements ClusterSession {
  /** The context the open sessions of this JVM share, stopped when the last one closes. */
  private static JavaSparkContext shared;
  private static int open;

  private final JavaSparkContext spark;
  private final SparkSums sums;

  private SparkCluster(JavaSparkContext spark) {
    this.spark = spark;
    this.sums = new SparkSums(spark);
  }

  /**
   * A session on {@code master}; sessions open at the same time share one context (the first
   * one's master), and under spark-submit the job's own context is used.
   */
  static synchronized SparkCluster start(String master) {
    if (shared == null) {
      shared = newContext(master);
    }
    open++;
    return new SparkCluster(shared);
  }

  private static JavaSparkContext newContext(String master) {
    SparkConf conf = new SparkConf().setAppName("nomos").setMaster(master)
        .set("spark.ui.showConsoleProgress", "false");
    if (master.startsWith("local")) {
      // A local run is one command: no web UI to serve, and no network name to look up.
      conf.set("spark.ui.enabled", "false").set("spark.driver.host", "127.0.0.1")
          .set("spark.driver.bindAddress", "127.0.0.1");
    }
    JavaSparkContext context = JavaSparkContext.fromSparkContext(org.apache.spark.SparkContext.getOrCreate(conf));
    context.setLogLevel("WARN");
    return context;
  }

  @Override
  public FitData precompute(ModelRecipe recipe, WorldModel model, List<String> files, boolean strict,
      Consumer<String> warnings) {
    return fitData(model, shardJob(files, warnings, file -> ShardReader.score(recipe, file, strict)));
  }

  @Override
  public PartialSums sums() {
    return sums;
  }

  @Override
  public Evaluation evaluate(ModelRecipe recipe, WorldModel model, List<String> files, boolean strict,
      Consumer<String> warnings) {
    EvaluationTally all = new EvaluationTally(model);
    for (EvaluationTally tally : shardJob(files, warnings, file -> ShardReader.evaluate(recipe, file, strict))) {
      all.absorb(tally);
    }
    return all.result(model);
  }

  /**
   * One job of a task per shard of {@code files}, the results in the shards' order; the tasks'
   * warnings are passed on once each, in order.
   */
  private <T extends java.io.Serializable> List<T> shardJob(List<String> files, Consumer<String> warnings,
      Function<String, ShardResult<T>> task) {
    List<String> shards = Shards.expand(files, spark.hadoopConfiguration());
    List<ShardResult<T>> results = Failures.rethrowing(() -> spark.parallelize(shards, Math.max(1, shards.size()))
        .map(task)
        .collect());
    List<T> values = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (ShardResult<T> r : results) {
      values.add(r.value());
      seen.addAll(r.warnings());
    }
    seen.forEach(warnings);
    return values;
  }

  /** The fit data of the parts, or of none (no transitions) when there are none. */
  private static FitData fitData(WorldModel model, List<FitPart> parts) {
    return parts.isEmpty() ? FitData.of(model, List.of(new FitScorer(model).part())) : FitData.of(model, parts);
  }

  @Override
  public FitData precompute(ModelRecipe recipe, WorldModel model, List<TransitionSlice> slices, boolean strict) {
    List<FitPart> parts = new ArrayList<>();
    for (SliceReader.SliceResults<FitPart> r : sliceJob(slices, work -> SliceReader.precompute(recipe, work, strict))) {
      parts.addAll(r.values());
    }
    return fitData(model, parts);
  }

  @Override
  public List<double[]> logLikelihoods(ModelRecipe recipe, List<TransitionSlice> slices, boolean strict) {
    List<double[]> out = new ArrayList<>();
    for (SliceReader.SliceResults<double[]> r : sliceJob(slices, work -> SliceReader.logLikelihoods(recipe, work, strict))) {
      out.addAll(r.values());
    }
    return out;
  }

  /**
   * One job of a task per run of slices of one file, the results in the slices' order. The learner
   * read the data and printed its warnings already, so the tasks' warnings are not repeated.
   */
  private <T extends java.io.Serializable> List<SliceReader.SliceResults<T>> sliceJob(List<TransitionSlice> slices,
      Function<SliceReader.FileSlices, SliceReader.SliceResults<T>> task) {
    List<SliceReader.FileSlices> runs = SliceReader.FileSlices.runs(slices);
    if (runs.isEmpty()) {
      return List.of();
    }
    return Failures.rethrowing(() -> spark.parallelize(runs, runs.size()).map(task).collect());
  }

  @Override
  public void close() {
    sums.release();
    synchronized (SparkCluster.class) {
      if (--open == 0) {
        shared.stop();
        shared = null;
      }
    }
  }
}
