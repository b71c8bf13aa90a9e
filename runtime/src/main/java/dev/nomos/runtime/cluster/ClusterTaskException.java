package dev.nomos.runtime.cluster;

/**
 * A problem in the data or the laws met by a worker of the cluster, carrying the one-line message
 * the same problem gives on this machine (file, line and field). It is what comes back from a
 * worker, where the original exception may not travel.
 */
public final class ClusterTaskException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ClusterTaskException(String message) {
    super(message);
  }
}
