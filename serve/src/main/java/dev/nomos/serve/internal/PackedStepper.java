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
import java.util.function.Function;

/**
 * Reads the states of a packed batch and steps them to their most likely next frames, on several
 * threads when the batch is large enough to be worth splitting: the states are independent, and
 * reading a state (building its frames) costs about as much as stepping it, so both are split.
 * Each thread has its own {@link Simulator}; the results are put together in the states' order, and
 * an error is the one reading (or, failing that, stepping) the states in order meets first, so the
 * answer is the same whatever the number of threads.
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

  /**
   * The steps of a batch, as the columns of the result; {@code nextStates} (the states continued by
   * their predictions) and {@code nextOffsets} are null unless asked for.
   */
  public record Steps(int[] frames, int framesLength, int[] offsets, double[] logProbability, int[] reward,
      double[] rewardProbability, int[] terminated, double[] terminatedProbability, int[] nextStates,
      int nextStatesLength, int[] nextOffsets) {}

  /**
   * Reads and steps every state of {@code ints}.
   *
   * @param actions one action per state that replaces its last record's, or null
   * @param next whether to write each state continued by its prediction ({@link PackedFrames#writeNext})
   * @param field,actionsField the parameters the states and actions came from, named by errors
   */
  public Steps step(int[] ints, int[] actions, boolean next, String field, String actionsField) {
    int[] starts = packed.starts(ints);
    int n = starts.length;
    if (n == 0) {
      throw RpcError.invalidParam(field, "expected at least one state, got none");
    }
    int slices = Math.max(1, Math.min(simulators.length, n / MIN_STATES_PER_THREAD));
    Slice[] parts = new Slice[slices];
    for (int k = 0; k < slices; k++) {
      parts[k] = new Slice(packed.reader(ints, field, actions, actionsField), ints, starts, next,
          n * k / slices, n * (k + 1) / slices, simulators[k]);
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
      if (part.unread != null) { // the first bad state, as reading them in order would have met it
        throw part.unread;
      }
    }
    int end = parts[slices - 1].lastEnd;
    if (end != ints.length) { // the scan and the reader agree on every extent; this guards that they always will
      throw RpcError.invalidParam(field, "integer " + end + ": the states end here, " + (ints.length - end)
          + " integers before the run does");
    }
    if (actions != null && actions.length != n) {
      throw RpcError.invalidParam(actionsField, actions.length + " actions for " + n + " states; give one per state");
    }
    for (Slice part : parts) {
      if (part.failedAt >= 0) { // the first state whose laws threw
        throw RpcError.about(RpcError.LAW_FAILED, field, "state " + part.failedAt + ": " + part.failure.getMessage());
      }
    }
    return join(parts, n, next);
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

  private static Steps join(Slice[] parts, int n, boolean next) {
    int[] offsets = new int[n + 1];
    int[] frames = concat(parts, p -> p.frames, p -> p.offsets, offsets);
    int[] nextOffsets = next ? new int[n + 1] : null;
    int[] nextStates = next ? concat(parts, p -> p.nextStates, p -> p.nextOffsets, nextOffsets) : null;
    double[] logProbability = new double[n];
    int[] reward = new int[n];
    double[] rewardProbability = new double[n];
    int[] terminated = new int[n];
    double[] terminatedProbability = new double[n];
    for (Slice part : parts) {
      int count = part.end - part.start;
      System.arraycopy(part.logProbability, 0, logProbability, part.start, count);
      System.arraycopy(part.reward, 0, reward, part.start, count);
      System.arraycopy(part.rewardProbability, 0, rewardProbability, part.start, count);
      System.arraycopy(part.terminated, 0, terminated, part.start, count);
      System.arraycopy(part.terminatedProbability, 0, terminatedProbability, part.start, count);
    }
    return new Steps(frames, frames.length, offsets, logProbability, reward, rewardProbability, terminated,
        terminatedProbability, nextStates, next ? nextStates.length : 0, nextOffsets);
  }

  /** The slices' runs one after the other, with each entry's start (and the end) in {@code offsets}. */
  private static int[] concat(Slice[] parts, Function<Slice, PackedFrames.Ints> run, Function<Slice, int[]> starts,
      int[] offsets) {
    int length = 0;
    for (Slice part : parts) {
      length += run.apply(part).size();
    }
    int[] out = new int[length];
    int at = 0;
    for (Slice part : parts) {
      PackedFrames.Ints ints = run.apply(part);
      int[] own = starts.apply(part);
      System.arraycopy(ints.values(), 0, out, at, ints.size());
      for (int k = 0; k < own.length; k++) {
        offsets[part.start + k] = at + own[k];
      }
      at += ints.size();
    }
    offsets[offsets.length - 1] = length;
    return out;
  }

  /** The states [start, end) of a batch, stepped by one simulator into columns of their own. */
  private final class Slice implements Runnable {
    final PackedFrames.Reader reader;
    final int[] ints;
    final int[] starts;
    final int start;
    final int end;
    final Simulator simulator;
    final PackedFrames.Ints frames;
    final int[] offsets;
    final PackedFrames.Ints nextStates;
    final int[] nextOffsets;
    final double[] logProbability;
    final int[] reward;
    final double[] rewardProbability;
    final int[] terminated;
    final double[] terminatedProbability;
    /** The error reading the first bad state of the slice, if any (no state of it is stepped then). */
    RpcError unread;
    /** Where the slice's last state ends in the run. */
    int lastEnd;
    int failedAt = -1;
    LawException failure;

    Slice(PackedFrames.Reader reader, int[] ints, int[] starts, boolean next, int start, int end, Simulator simulator) {
      this.reader = reader;
      this.ints = ints;
      this.starts = starts;
      this.start = start;
      this.end = end;
      this.simulator = simulator;
      int count = end - start;
      this.frames = new PackedFrames.Ints(count * 64);
      this.offsets = new int[count];
      this.nextStates = next ? new PackedFrames.Ints(count * 128) : null;
      this.nextOffsets = next ? new int[count] : null;
      this.logProbability = new double[count];
      this.reward = new int[count];
      this.rewardProbability = new double[count];
      this.terminated = new int[count];
      this.terminatedProbability = new double[count];
    }

    @Override
    public void run() {
      PackedFrames.State[] states = new PackedFrames.State[end - start];
      try {
        for (int k = 0; k < states.length; k++) {
          states[k] = reader.state(start + k, starts[start + k]);
        }
      } catch (RpcError e) {
        unread = e;
        return;
      }
      lastEnd = states[states.length - 1].end();
      for (int k = 0; k < states.length; k++) {
        PackedFrames.State state = states[k];
        Frame frame = state.frame();
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
        if (nextStates != null) {
          nextOffsets[k] = nextStates.size();
          packed.writeNext(state, ints, s.frame(), nextStates);
        }
        logProbability[k] = s.frameLogProbability();
        reward[k] = s.reward();
        rewardProbability[k] = s.rewardProbability();
        terminated[k] = s.end() ? 1 : 0;
        terminatedProbability[k] = s.endProbability();
      }
    }
  }
}
