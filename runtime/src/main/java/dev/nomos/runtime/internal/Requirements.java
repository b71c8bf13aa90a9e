package dev.nomos.runtime.internal;

import dev.nomos.runtime.Frame;
import dev.nomos.runtime.Law;
import dev.nomos.runtime.RequirementSink;
import dev.nomos.runtime.model.LawException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What the constraints of a model require of frame t+1: per target, the interval every requirement
 * allows (the intersection of them all, over every binding of every constraint). A constraint runs
 * like a law (its plan is a law's), and each of its opinions is one requirement: {@code exact} an
 * equality, {@code range} an interval. Targets are numbered as in the {@link OpinionCollector} of the
 * same frame, which must have begun it first.
 *
 * <p>A target whose requirements exclude each other has no value that meets them; it is recorded as
 * unmet ({@link #unmet()}) and left unconstrained, so that the model still predicts it.
 */
public final class Requirements extends RequirementSink {
  private final String[] names;
  private OpinionCollector targets;
  private int current;
  private int[] lo = new int[64];
  private int[] hi = new int[64];
  private int[] owner = new int[64];
  private boolean[] required = new boolean[64];
  private boolean[] empty = new boolean[64];
  private final List<Unmet> unmet = new ArrayList<>();
  private final long[] firings;
  private Frame next;
  private boolean askedForNext;

  /** A target no value of which meets every requirement: the constraint that excluded the last values. */
  public record Unmet(String constraint, int object, int offset) {}

  public Requirements(List<Law> constraints) {
    this.names = constraints.stream().map(Law::name).toArray(String[]::new);
    this.firings = new long[names.length];
  }

  /** How many requirements each constraint has made over every frame run (constraint order). */
  public long[] firings() { return firings; }

  /**
   * Runs every constraint on frame t; {@code collector} has run the same frame. A constraint that
   * reads the next frame ({@code next(...)}) reads {@code predicted}; with null it reads none, and its
   * {@code next(...)} guards are false. {@link #askedForNext()} then says whether it would read one.
   */
  public void run(Frame t, List<Law> constraints, OpinionCollector collector, Frame predicted) {
    next = predicted;
    askedForNext = false;
    targets = collector;
    int n = collector.objectTargets();
    if (lo.length < n) {
      int size = Math.max(n, lo.length * 2);
      lo = new int[size];
      hi = new int[size];
      owner = new int[size];
      required = new boolean[size];
      empty = new boolean[size];
    }
    Arrays.fill(required, 0, n, false);
    Arrays.fill(empty, 0, n, false);
    unmet.clear();
    for (int i = 0; i < constraints.size(); i++) {
      current = i;
      Law c = constraints.get(i);
      try {
        c.apply(t, this);
      } catch (LawException e) {
        throw e;
      } catch (RuntimeException e) {
        throw new LawException(c.name(), e);
      }
    }
    for (int target = 0; target < n; target++) {
      if (empty[target]) {
        required[target] = false;
        int object = objectOf(target);
        unmet.add(new Unmet(names[owner[target]], object, target - collector.objectBase(object)));
      }
    }
  }

  /** Whether some constraint asked for the next frame in the last run. */
  public boolean askedForNext() { return askedForNext; }

  /**
   * Runs the constraints on frame t, and when one of them reads the next frame, runs them again on
   * the most likely next frame {@code predict} gives once the first run's requirements are in place
   * (it may call back into the caller's state, which this method leaves to it). Each requirement
   * is counted once, from the run that stands.
   */
  public void runDecidingNext(Frame t, List<Law> constraints, OpinionCollector collector,
      java.util.function.Supplier<Frame> predict) {
    long[] before = firings.clone();
    run(t, constraints, collector, null);
    if (askedForNext) {
      Frame predicted = predict.get();
      System.arraycopy(before, 0, firings, 0, before.length);
      run(t, constraints, collector, predicted);
    }
  }

  @Override
  public Frame nextFrame() {
    askedForNext = true;
    return next;
  }

  /** Whether some requirement restricts the target (and they can all be met). */
  public boolean required(int target) {
    return target < targets.objectTargets() && required[target];
  }

  /** The smallest value the requirements allow. */
  public int lo(int target) { return lo[target]; }

  /** The largest value the requirements allow. */
  public int hi(int target) { return hi[target]; }

  /** The targets of the last frame whose requirements exclude each other (then left unconstrained). */
  public List<Unmet> unmet() { return List.copyOf(unmet); }

  private int objectOf(int target) {
    int o = 0;
    while (targets.objectBase(o + 1) <= target) {
      o++;
    }
    return o;
  }

  private void require(int object, int slot, int from, int to) {
    firings[current]++;
    int target = targets.targetOf(object, slot, "constraint", names[current]);
    if (empty[target]) {
      return;
    }
    if (!required[target]) {
      required[target] = true;
      lo[target] = from;
      hi[target] = to;
    } else {
      lo[target] = Math.max(lo[target], from);
      hi[target] = Math.min(hi[target], to);
    }
    if (lo[target] > hi[target]) {
      empty[target] = true;
      owner[target] = current;
    }
  }

  @Override
  public void range(int object, int slot, int from, int to) {
    require(object, slot, from, to);
  }

  @Override
  protected String caller() {
    return "constraint '" + names[current] + "'";
  }
}
