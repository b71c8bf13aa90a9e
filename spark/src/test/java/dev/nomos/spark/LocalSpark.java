package dev.nomos.spark;

import dev.nomos.runtime.cluster.ClusterSession;

/**
 * The one local Spark session of the module's tests: opened by the first test class that needs it
 * and held open, so that every command the tests run shares it (starting Spark takes seconds); Spark's
 * own shutdown hook stops it when the test JVM exits.
 */
final class LocalSpark {
  static final String MASTER = "local[2]";
  private static ClusterSession held;

  private LocalSpark() {}

  static synchronized void hold() {
    if (held == null) {
      held = new SparkBackend().open(MASTER);
    }
  }
}
