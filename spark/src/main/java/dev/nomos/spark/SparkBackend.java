package dev.nomos.spark;

import dev.nomos.runtime.cluster.ClusterBackend;
import dev.nomos.runtime.cluster.ClusterSession;

/** The Apache Spark engine for {@code --spark MASTER}, found by {@link java.util.ServiceLoader}. */
public final class SparkBackend implements ClusterBackend {
  @Override
  public String name() {
    return "spark";
  }

  @Override
  public ClusterSession open(String master) {
    return SparkCluster.start(master);
  }
}
