package dev.nomos.plan;

import dev.nomos.runtime.Frame;
import java.util.List;

/**
 * The estimate derived from goals of the form "every A stands on some B": for each such clause, the
 * sum over the A objects of the lattice (Manhattan) distance from the A to the nearest B, divided by
 * {@code moveSize} (the most an object moves per step, rounded up); clauses add up. It is
 * admissible when one step moves at most one A by at most {@code moveSize} on each axis, and the
 * B objects do not move; otherwise it is an estimate that may overshoot and A* may return a longer
 * plan than the shortest.
 */
public final class CoverageHeuristic implements Heuristic {
  /** One clause: every object of {@code coveredType} on an object of {@code coveringType} (-1: any type). */
  public record Clause(int coveredType, int coveringType) {}

  private final List<Clause> clauses;
  private final int moveSize;

  public CoverageHeuristic(List<Clause> clauses, int moveSize) {
    if (moveSize < 1) {
      throw new IllegalArgumentException("move size must be at least 1, got " + moveSize);
    }
    this.clauses = List.copyOf(clauses);
    this.moveSize = moveSize;
  }

  @Override
  public int estimate(Frame frame) {
    long total = 0;
    for (Clause c : clauses) {
      int[] covered = c.coveredType() < 0 ? frame.all() : frame.ofType(c.coveredType());
      int[] covering = c.coveringType() < 0 ? frame.all() : frame.ofType(c.coveringType());
      for (int a : covered) {
        int best = Integer.MAX_VALUE;
        for (int b : covering) {
          if (b != a) {
            best = Math.min(best, Math.abs(frame.x(a) - frame.x(b)) + Math.abs(frame.y(a) - frame.y(b)));
          }
        }
        if (best == Integer.MAX_VALUE) {
          return Integer.MAX_VALUE; // nothing to stand on: the goal cannot hold
        }
        total += (best + moveSize - 1) / moveSize;
      }
    }
    return (int) Math.min(Integer.MAX_VALUE, total);
  }
}
