package dev.nomos.cli;

import dev.nomos.runtime.Parallelism;
import picocli.CommandLine.Option;

/** {@code --threads N} (a picocli mixin): how many threads a command's scoring may use; results do not depend on it. */
final class ThreadOptions {
  @Option(names = "--threads", paramLabel = "N",
      description = "Threads to score the data on (default: one per processor). The results are the same for any N.")
  Integer threads;

  Parallelism parallelism() {
    if (threads == null) {
      return Parallelism.available();
    }
    if (threads < 1) {
      throw new UserFacingException("--threads must be at least 1, got " + threads, ExitCodes.USAGE);
    }
    return Parallelism.of(threads);
  }
}
