package dev.nomos.spark;

import dev.nomos.runtime.fit.LikelihoodTerms;
import dev.nomos.runtime.fit.PartialSums;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;

/**
 * Fitting's sums as Spark jobs: the precomputed data is broadcast to the workers once per set of
 * terms, and each objective evaluation is one job over its chunks, collected in chunk order.
 */
final class SparkSums implements PartialSums {
  private final JavaSparkContext spark;
  private LikelihoodTerms terms;
  private Broadcast<LikelihoodTerms> shipped;
  private JavaRDD<Integer> chunks;

  SparkSums(JavaSparkContext spark) {
    this.spark = spark;
  }

  @Override
  public synchronized List<double[]> evaluate(LikelihoodTerms t, double[] x, boolean gradient) {
    if (t != terms) {
      release();
      terms = t;
      shipped = spark.broadcast(t);
      List<Integer> indexes = IntStream.range(0, t.chunks()).boxed().toList();
      chunks = spark.parallelize(indexes, Math.max(1, Math.min(indexes.size(), spark.defaultParallelism())));
    }
    Broadcast<LikelihoodTerms> data = shipped;
    double[] point = x.clone();
    return Failures.rethrowing(() -> chunks.map(c -> data.value().chunk(c, point, gradient)).collect());
  }

  /** Drops the broadcast data from the workers. */
  synchronized void release() {
    if (shipped != null) {
      shipped.destroy();
      shipped = null;
      terms = null;
    }
  }
}
