package dev.nomos.cli;

import dev.nomos.runtime.Parallelism;
import picocli.CommandLine.Option;

/**
 * {@code --threads N} (a picocli mixin), the one declaration of the option for every command that
 * works on several threads: how many it may use, one per processor unless told.
 */
final class ThreadOptions {
  @Option(names = "--threads", paramLabel = "N",
      description = "Threads to work on (default: one per processor). The results are the same for any N "
          + "as long as no time limit is reached.")
  Integer threads;

  /** The number of threads; a usage error below 1. */
  int count() {
    if (threads == null) {
      return Runtime.getRuntime().availableProcessors();
    }
    if (threads < 1) {
      throw new UserFacingException("--threads must be at least 1, got " + threads, ExitCodes.USAGE);
    }
    return threads;
  }

  Parallelism parallelism() {
    return Parallelism.of(count());
  }
}
