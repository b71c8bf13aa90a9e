package dev.nomos.runtime;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * How many threads a computation may use, and the ordered ways it uses them: every result comes
 * back in task order, so a computation that reduces them in that order gives the same numbers for
 * any thread count. Threads are daemons, made on first use and kept until {@link #close}.
 *
 * <p>In {@link #map} the calling thread takes tasks too, and helpers join only while fewer than
 * {@code threads} threads map: a map inside a map (a run of model selection checking its candidates
 * while other runs hold the other threads) never waits on a thread busy elsewhere, and never puts
 * more than {@code threads} threads to work; at worst its caller does all of its tasks itself.
 */
public final class Parallelism implements AutoCloseable {
  /** One thread: the caller's own. */
  public static final Parallelism SERIAL = new Parallelism(1);

  private final int threads;
  /** The helpers {@link #map} may still add: the threads besides the callers' that are not mapping. */
  private final Semaphore idleHelpers;
  private ExecutorService pool;

  private Parallelism(int threads) {
    this.threads = threads;
    this.idleHelpers = new Semaphore(threads - 1);
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

  /**
   * {@code task(0) .. task(count - 1)}, in index order. A task may run on any thread, at the same
   * time as others. A runtime exception or error a task throws is thrown here as it was, the first
   * task's by index when several fail, as a loop would have.
   */
  public <R> List<R> map(int count, IntFunction<R> task) {
    if (threads == 1 || count <= 1) {
      List<R> out = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        out.add(task.apply(i));
      }
      return out;
    }
    Object[] results = new Object[count];
    Throwable[] failures = new Throwable[count];
    AtomicInteger next = new AtomicInteger();
    CountDownLatch done = new CountDownLatch(count);
    Runnable take = () -> {
      for (int k = next.getAndIncrement(); k < count; k = next.getAndIncrement()) {
        try {
          results[k] = task.apply(k);
        } catch (Throwable t) {
          failures[k] = t;
        } finally {
          done.countDown();
        }
      }
    };
    for (int h = Math.min(threads, count) - 1; h > 0 && idleHelpers.tryAcquire(); h--) {
      pool().execute(() -> {
        try {
          take.run();
        } finally {
          idleHelpers.release();
        }
      });
    }
    take.run();
    // A task the caller has not taken is being done by a helper that started it, so this wait ends.
    awaitUninterruptibly(done);
    for (Throwable t : failures) {
      if (t != null) {
        throw rethrown(t);
      }
    }
    List<R> out = new ArrayList<>(count);
    for (Object r : results) {
      @SuppressWarnings("unchecked")
      R result = (R) r;
      out.add(result);
    }
    return out;
  }

  /** {@code work} applied to every item, in the items' order (as {@link #map(int, IntFunction)}). */
  public <T, R> List<R> map(List<T> items, Function<? super T, ? extends R> work) {
    return map(items.size(), i -> work.apply(items.get(i)));
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

  /** Ends the threads; a later use makes them anew. */
  @Override
  public synchronized void close() {
    if (pool != null) {
      pool.shutdownNow();
      pool = null;
    }
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
      throw rethrown(e.getCause());
    }
  }

  /** What a task threw, to throw again: an unchecked throwable as it was, anything else wrapped. */
  private static RuntimeException rethrown(Throwable cause) {
    if (cause instanceof RuntimeException r) {
      return r;
    }
    if (cause instanceof Error err) {
      throw err;
    }
    return new IllegalStateException(cause);
  }

  /** Waits for {@code latch}; an interrupt is kept for the caller to see afterwards. */
  private static void awaitUninterruptibly(CountDownLatch latch) {
    boolean interrupted = false;
    while (true) {
      try {
        latch.await();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
