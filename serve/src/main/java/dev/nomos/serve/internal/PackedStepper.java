package dev.nomos.serve.internal;

import dev.nomos.runtime.Frame;
import dev.nomos.runtime.model.LawException;
import dev.nomos.runtime.model.Simulator;
import dev.nomos.runtime.model.WorldModel;
import dev.nomos.serve.RpcError;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Steps the states of a packed batch to their most likely next frames, on several threads when the
 * batch is large enough to be worth splitting: the states are independent, and the model's laws run
 * on one frame at a time, so a batch of a thousand keeps every core busy. Each thread has its own
 * {@link Simulator}; the results are put together in the states' order, so they are the same
 * whatever the number of threads.
 */
public final class PackedStepper {
  /** Fewer states per thread than this are not worth a hand-over between threads. */
  private static final int MIN_STATES_PER_THREAD = 64;

  private final PackedFrames packed;
  private final Simulator[] simulators;
  /** Threads for all slices but the caller's; null when there is one thread. */
  private final ThreadPoolExecutor pool;

  /** @param threads how many threads step a batch (the caller's included), at least 1 */
  public PackedStepper(WorldModel model, PackedFrames packed, Simulator own, int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, got " + threads);
    }
    this.packed = packed;
    this.simulators = new Simulator[threads];
    simulators[0] = own;
    for (int k = 1; k < threads; k++) {
      simulators[k] = new Simulator(model);
    }
    if (threads == 1) {
      this.pool = null;
    } else {
      this.pool = new ThreadPoolExecutor(threads - 1, threads - 1, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
        Thread t = new Thread(r, "nomos-serve-step");
        t.setDaemon(true);
        return t;
      });
      pool.allowCoreThreadTimeOut(true); // idle services hold no threads
    }
  }

  /** The steps of a batch, as the columns of the result. */
  public record Steps(int[] frames, int framesLength, int[] offsets, double[] logProbability, int[] reward,
      double[] rewardProbability, int[] terminated, double[] terminatedProbability) {}

  /**
   * Steps every state (each frame carries the action to take).
   *
   * @param field the parameter the states came from, named by the error of a law that throws
   */
  public Steps step(List<Frame> states, String field) {
    int n = states.size();
    int slices = Math.max(1, Math.min(simulators.length, n / MIN_STATES_PER_THREAD));
    Slice[] parts = new Slice[slices];
    for (int k = 0; k < slices; k++) {
      parts[k] = new Slice(states, n * k / slices, n * (k + 1) / slices, simulators[k]);
    }
    List<Future<?>> running = new ArrayList<>();
    for (int k = 1; k < slices; k++) {
      running.add(pool.submit(parts[k]));
    }
    parts[0].run();
    for (Future<?> f : running) {
      await(f);
    }
    for (Slice part : parts) {
      if (part.failedAt >= 0) { // the first state whose laws threw, as one thread would have met it
        throw RpcError.about(RpcError.LAW_FAILED, field, "state " + part.failedAt + ": " + part.failure.getMessage());
      }
    }
    return join(parts, n);
  }

  private static void await(Future<?> f) {
    try {
      f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while stepping a batch", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  private static Steps join(Slice[] parts, int n) {
    int length = 0;
    for (Slice part : parts) {
      length += part.frames.size();
    }
    int[] frames = new int[length];
    int[] offsets = new int[n + 1];
    double[] logProbability = new double[n];
    int[] reward = new int[n];
    double[] rewardProbability = new double[n];
    int[] terminated = new int[n];
    double[] terminatedProbability = new double[n];
    int at = 0;
    for (Slice part : parts) {
      int count = part.end - part.start;
      System.arraycopy(part.frames.values(), 0, frames, at, part.frames.size());
      for (int k = 0; k < count; k++) {
        offsets[part.start + k] = at + part.offsets[k];
      }
      at += part.frames.size();
      System.arraycopy(part.logProbability, 0, logProbability, part.start, count);
      System.arraycopy(part.reward, 0, reward, part.start, count);
      System.arraycopy(part.rewardProbability, 0, rewardProbability, part.start, count);
      System.arraycopy(part.terminated, 0, terminated, part.start, count);
      System.arraycopy(part.terminatedProbability, 0, terminatedProbability, part.start, count);
    }
    offsets[n] = length;
    return new Steps(frames, length, offsets, logProbability, reward, rewardProbability, terminated, terminatedProbability);
  }

  /** The states [start, end) of a batch, stepped by one simulator into columns of their own. */
  private final class Slice implements Runnable {
    final List<Frame> states;
    final int start;
    final int end;
    final Simulator simulator;
    final PackedFrames.Ints frames;
    final int[] offsets;
    final double[] logProbability;
    final int[] reward;
    final double[] rewardProbability;
    final int[] terminated;
    final double[] terminatedProbability;
    int failedAt = -1;
    LawException failure;

    Slice(List<Frame> states, int start, int end, Simulator simulator) {
      this.states = states;
      this.start = start;
      this.end = end;
      this.simulator = simulator;
      int count = end - start;
      this.frames = new PackedFrames.Ints(count * 64);
      this.offsets = new int[count];
      this.logProbability = new double[count];
      this.reward = new int[count];
      this.rewardProbability = new double[count];
      this.terminated = new int[count];
      this.terminatedProbability = new double[count];
    }

    @Override
    public void run() {
      for (int k = 0; k < end - start; k++) {
        Frame frame = states.get(start + k);
        Simulator.Step s;
        try {
          s = simulator.mostLikely(frame, frame.action());
        } catch (LawException e) {
          failedAt = start + k;
          failure = e;
          return;
        }
        offsets[k] = frames.size();
        packed.write(s.frame(), frames);
        logProbability[k] = s.frameLogProbability();
        reward[k] = s.reward();
        rewardProbability[k] = s.rewardProbability();
        terminated[k] = s.end() ? 1 : 0;
        terminatedProbability[k] = s.endProbability();
      }
    }
  }
}
