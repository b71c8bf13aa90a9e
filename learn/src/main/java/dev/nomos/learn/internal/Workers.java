package dev.nomos.learn.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A fixed number of threads that map lists with results in input order, so that what the learner
 * computes never depends on which thread did what or when: work is handed out item by item, every
 * result lands at its item's index, and a failure is reported as the first failing item (by index)
 * would have been reported by a loop.
 *
 * <p>The calling thread takes items too. A caller that is itself busy inside another map (a run of
 * model selection checking its candidates while other runs hold the other threads) therefore never
 * waits on a thread that is working elsewhere: at worst it does all of its own items itself.
 */
public final class Workers implements AutoCloseable {
  private final int threads;
  /** The threads besides the caller's; null with one thread. */
  private final ExecutorService helpers;

  /** @param threads how many threads work at most, the caller's included (at least 1) */
  public Workers(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, got " + threads);
    }
    this.threads = threads;
    AtomicInteger count = new AtomicInteger();
    this.helpers = threads == 1 ? null : Executors.newFixedThreadPool(threads - 1, r -> {
      Thread t = new Thread(r, "nomos-learn-" + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  /** How many threads work at most, the caller's included. */
  public int threads() {
    return threads;
  }

  /**
   * {@code work} applied to every item, in the items' order. {@code work} must not depend on the
   * order in which items are done (it may run on any thread, at the same time as other items).
   * A runtime exception or error thrown for an item is rethrown here, the first item's by index
   * when several fail.
   */
  public <T, R> List<R> map(List<T> items, Function<? super T, ? extends R> work) {
    int n = items.size();
    if (helpers == null || n <= 1) {
      List<R> out = new ArrayList<>(n);
      for (T item : items) {
        out.add(work.apply(item));
      }
      return out;
    }
    Object[] results = new Object[n];
    Throwable[] failures = new Throwable[n];
    AtomicInteger next = new AtomicInteger();
    CountDownLatch done = new CountDownLatch(n);
    Runnable take = () -> {
      for (int k = next.getAndIncrement(); k < n; k = next.getAndIncrement()) {
        try {
          results[k] = work.apply(items.get(k));
        } catch (Throwable t) {
          failures[k] = t;
        } finally {
          done.countDown();
        }
      }
    };
    for (int h = Math.min(threads, n) - 1; h > 0; h--) {
      helpers.execute(take);
    }
    take.run();
    awaitUninterruptibly(done);
    for (Throwable t : failures) {
      if (t instanceof RuntimeException e) {
        throw e;
      }
      if (t instanceof Error e) {
        throw e;
      }
      if (t != null) {
        throw new IllegalStateException(t);
      }
    }
    @SuppressWarnings("unchecked")
    List<R> out = (List<R>) Arrays.asList(results);
    return new ArrayList<>(out);
  }

  /**
   * Items a caller's thread has left are always being done by a helper that has started them, so
   * this wait ends; an interrupt is kept for the caller to see afterwards.
   */
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

  @Override
  public void close() {
    if (helpers != null) {
      helpers.shutdownNow();
    }
  }
}
