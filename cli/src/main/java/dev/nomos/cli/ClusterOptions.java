package dev.nomos.cli;

import dev.nomos.runtime.cluster.ClusterBackend;
import dev.nomos.runtime.cluster.ClusterSession;
import java.util.List;
import java.util.ServiceLoader;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * {@code --spark MASTER} (a picocli mixin): run a command's passes over the data as Apache Spark
 * jobs. The engine is not in the cli jar: it is found with {@link ServiceLoader} in the Spark
 * module, which {@code ./nomos} puts on the class path when {@code --spark} is given.
 */
final class ClusterOptions {
  static final String ENGINE = "spark";

  @Option(names = "--spark", paramLabel = "MASTER",
      description = "Run the passes over the data as Apache Spark jobs on MASTER (local[N], yarn, spark://HOST:PORT, ...);"
          + " each --data file is one task, and --data may name any Hadoop file system URI (docs/scale.md).")
  String master;

  boolean enabled() {
    return master != null;
  }

  /** A session on the cluster; a clear error when the Spark module is not on the class path. */
  ClusterSession open() {
    return open(master);
  }

  /** A session on the Spark cluster {@code master}; a clear error when the Spark module is not on the class path. */
  static ClusterSession open(String master) {
    for (ClusterBackend backend : ServiceLoader.load(ClusterBackend.class)) {
      if (backend.name().equals(ENGINE)) {
        return backend.open(master);
      }
    }
    throw new UserFacingException("--spark: the Spark module is not on the class path; run through the ./nomos launcher"
        + " (it adds spark/target/nomos-spark-job.jar and Spark when --spark is given) or spark-submit the job jar"
        + " (docs/scale.md)");
  }

  /** The {@code --data} arguments as written: a URI such as hdfs://host/dir/a.jsonl is not a local path. */
  static List<String> dataAsWritten(CommandSpec spec) {
    return spec.commandLine().getParseResult().matchedOption("--data").stringValues();
  }
}
