package dev.nomos.spark;

import dev.nomos.runtime.cluster.ClusterTaskException;
import java.util.function.Supplier;

/** Spark job failures turned back into the one-line problem a worker met, when it was one. */
final class Failures {
  private Failures() {}

  /** Runs a job; a data or law problem a task threw comes out as that {@link ClusterTaskException}. */
  static <T> T rethrowing(Supplier<T> job) {
    try {
      return job.get();
    } catch (Exception e) { // Spark's SparkException is checked, but Scala throws it undeclared.
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof ClusterTaskException problem) {
          throw new ClusterTaskException(problem.getMessage());
        }
      }
      if (e instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getMessage(), e);
    }
  }
}
