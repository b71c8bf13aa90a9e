package dev.nomos.runtime;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * How many threads a computation may use, and the ordered ways it uses them: every result comes
 * back in task order, so a computation that reduces them in that order gives the same numbers for
 * any thread count. Threads are daemons, made on first use and kept for the life of this object.
 */
public final class Parallelism {
  /** One thread: the caller's own. */
  public static final Parallelism SERIAL = new Parallelism(1);

  private final int threads;
  private ExecutorService pool;

  private Parallelism(int threads) {
    this.threads = threads;
  }

  /** At most {@code threads} threads (at least 1). */
  public static Parallelism of(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, got " + threads);
    }
    return threads == 1 ? SERIAL : new Parallelism(threads);
  }

  /** One thread per available processor. */
  public static Parallelism available() {
    return of(Runtime.getRuntime().availableProcessors());
  }

  public int threads() {
    return threads;
  }

  /** {@code task(0) .. task(count - 1)}, in index order. */
  public <R> List<R> map(int count, IntFunction<R> task) {
    List<R> out = new ArrayList<>(count);
    if (threads == 1 || count <= 1) {
      for (int i = 0; i < count; i++) {
        out.add(task.apply(i));
      }
      return out;
    }
    List<Future<R>> futures = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int index = i;
      futures.add(pool().submit(() -> task.apply(index)));
    }
    for (Future<R> f : futures) {
      out.add(join(f));
    }
    return out;
  }

  /**
   * Runs the tasks {@code tasks} yields, at most a few per thread at a time, and hands each result
   * to {@code consumer} on the calling thread in the order the tasks came: a stream of work whose
   * memory stays bounded however long it is. {@code tasks} is read on the calling thread and
   * returns null at its end.
   */
  public <R> void ordered(TaskSource<R> tasks, Consumer<R> consumer) {
    if (threads == 1) {
      for (Callable<R> t; (t = tasks.next()) != null; ) {
        consumer.accept(call(t));
      }
      return;
    }
    Deque<Future<R>> running = new ArrayDeque<>();
    try {
      for (Callable<R> t; (t = tasks.next()) != null; ) {
        running.add(pool().submit(t));
        if (running.size() >= 2 * threads) {
          consumer.accept(join(running.poll()));
        }
      }
      while (!running.isEmpty()) {
        consumer.accept(join(running.poll()));
      }
    } finally {
      running.forEach(f -> f.cancel(true));
    }
  }

  /** The tasks of {@link #ordered}: the next one, or null at the end. */
  @FunctionalInterface
  public interface TaskSource<R> {
    Callable<R> next();
  }

  private synchronized ExecutorService pool() {
    if (pool == null) {
      pool = Executors.newFixedThreadPool(threads, r -> {
        Thread t = new Thread(r, "nomos-worker");
        t.setDaemon(true);
        return t;
      });
    }
    return pool;
  }

  private static <R> R call(Callable<R> task) {
    try {
      return task.call();
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The task's result; what it threw is thrown again as it was (a law's error keeps its type). */
  private static <R> R join(Future<R> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(cause);
    }
  }
}
