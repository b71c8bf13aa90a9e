package dev.nomos.runtime.cluster;

/**
 * A distributed engine that can run the passes of fit and eval over trajectory files, found with
 * {@link java.util.ServiceLoader} (the Apache Spark module provides one), so that the core and the
 * command line do not carry the engine.
 */
public interface ClusterBackend {
  /** The engine's name, as the command line's option names it (for example "spark"). */
  String name();

  /**
   * Starts a session on the cluster {@code master} names (for Spark: {@code local[2]}, {@code yarn},
   * {@code spark://host:7077}); close it when done.
   */
  ClusterSession open(String master);
}
