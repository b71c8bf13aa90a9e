package dev.nomos.plan;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * How a search's time limit and its reported seconds are measured. {@link #THREAD_CPU} (the
 * default) counts the CPU time of the planning thread alone: on a shared, loaded machine a limit of
 * 60 seconds then buys 60 seconds of one core, whatever else runs, and levels played on several
 * threads each get their own. It leaves out the JVM's own threads (garbage collection, the JIT
 * compiler). {@link #WALL} counts elapsed time, which is what a user waiting for an answer sees.
 * Where the JVM cannot measure thread CPU time, {@link #THREAD_CPU} falls back to elapsed time.
 */
public enum TimeMeasure {
  THREAD_CPU,
  WALL;

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final boolean CPU_TIME = cpuTimeAvailable();

  private static boolean cpuTimeAvailable() {
    try {
      if (!THREADS.isCurrentThreadCpuTimeSupported()) {
        return false;
      }
      if (!THREADS.isThreadCpuTimeEnabled()) {
        THREADS.setThreadCpuTimeEnabled(true);
      }
      return THREADS.getCurrentThreadCpuTime() >= 0;
    } catch (UnsupportedOperationException | SecurityException e) {
      return false;
    }
  }

  /** A reading in nanoseconds; only differences between readings of one thread mean anything. */
  public long now() {
    return this == THREAD_CPU && CPU_TIME ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
  }

  /** Whether this measure counts CPU time on this JVM (false: elapsed time). */
  public boolean countsCpu() {
    return this == THREAD_CPU && CPU_TIME;
  }
}
