package dev.nomos.plan;

import dev.nomos.runtime.Frame;
import java.util.ArrayList;
import java.util.List;

/**
 * The estimate for goals "every A stands on some B": per clause, the least total cost of giving each
 * A its own B (a minimum-cost matching, {@link Assignment}), where the cost of an A and a B is the
 * number of steps that must move the A to bring it onto the B: from the level's {@link SoloTransport}
 * analysis when there is one (which also proves cells dead: the estimate is then "unreachable"), or
 * else the lattice distance divided by the world's largest velocity, rounded up. Clauses add up.
 *
 * <p>Matching to distinct Bs assumes two As never stand on one B (solid objects; true whenever As
 * cannot overlap). With more As than Bs that cannot hold and each A counts its nearest B instead.
 * Like {@link CoverageHeuristic} it is admissible when one step moves at most one A, and with a
 * {@link SoloTransport} under that analysis's assumptions. A clause naming {@code Object} on either
 * side uses {@link CoverageHeuristic}'s nearest sums.
 */
public final class CoverageMatching implements Heuristic {
  private final List<CoverageHeuristic.Clause> clauses;
  private final List<SoloTransport> solo;
  private final int moveSize;

  /**
   * @param solo per clause, its analysis or null
   */
  CoverageMatching(List<CoverageHeuristic.Clause> clauses, List<SoloTransport> solo, int moveSize) {
    if (moveSize < 1) {
      throw new IllegalArgumentException("move size must be at least 1, got " + moveSize);
    }
    if (solo.size() != clauses.size()) {
      throw new IllegalArgumentException("one analysis (or null) per clause");
    }
    this.clauses = List.copyOf(clauses);
    this.solo = new ArrayList<>(solo);
    this.moveSize = moveSize;
  }

  /** Matching on lattice distances alone (no analysis of the level). */
  public static CoverageMatching distances(List<CoverageHeuristic.Clause> clauses, int moveSize) {
    List<SoloTransport> none = new ArrayList<>();
    clauses.forEach(c -> none.add(null));
    return new CoverageMatching(clauses, none, moveSize);
  }

  /**
   * Matching with each clause's {@link SoloTransport} worked out from {@code start} under
   * {@code model} with the acting object {@code actorId} (clauses naming {@code Object} get none).
   */
  public static CoverageMatching analysed(List<CoverageHeuristic.Clause> clauses, int moveSize, TransitionModel model,
      Frame start, int actorId) {
    List<SoloTransport> analyses = new ArrayList<>();
    for (CoverageHeuristic.Clause c : clauses) {
      analyses.add(c.coveredType() < 0 || c.coveringType() < 0 ? null
          : SoloTransport.analyse(model, start, actorId, c.coveredType(), c.coveringType()));
    }
    return new CoverageMatching(clauses, analyses, moveSize);
  }

  /** Whether clause {@code k} has a level analysis (with dead cells). */
  boolean analysed(int k) {
    return solo.get(k) != null;
  }

  @Override
  public int estimate(Frame frame) {
    long total = 0;
    for (int k = 0; k < clauses.size(); k++) {
      CoverageHeuristic.Clause c = clauses.get(k);
      int cost = c.coveredType() < 0 || c.coveringType() < 0
          ? new CoverageHeuristic(List.of(c), moveSize).estimate(frame)
          : clause(frame, c, solo.get(k));
      if (cost == Integer.MAX_VALUE) {
        return Integer.MAX_VALUE;
      }
      total += cost;
    }
    return (int) Math.min(Integer.MAX_VALUE - 1, total);
  }

  private int clause(Frame frame, CoverageHeuristic.Clause c, SoloTransport analysis) {
    int[] as = frame.ofType(c.coveredType());
    int[] bs = frame.ofType(c.coveringType());
    if (as.length == 0) {
      return 0;
    }
    if (bs.length == 0) {
      return Integer.MAX_VALUE;
    }
    int[] column = analysis == null ? null : columnsIn(analysis, frame, bs);
    int[][] cost = new int[as.length][bs.length];
    for (int i = 0; i < as.length; i++) {
      long cell = SoloTransport.cell(frame.x(as[i]), frame.y(as[i]));
      for (int j = 0; j < bs.length; j++) {
        int steps = column == null ? -1 : analysis.steps(cell, column[j]);
        cost[i][j] = steps >= 0 ? steps : lattice(frame, as[i], bs[j]);
      }
    }
    if (as.length <= bs.length) {
      int best = Assignment.minimumCost(cost, bs.length);
      return best == Assignment.NONE ? Integer.MAX_VALUE : best;
    }
    long total = 0;
    for (int[] row : cost) {
      int best = Assignment.NONE;
      for (int v : row) {
        best = Math.min(best, v);
      }
      if (best == Assignment.NONE) {
        return Integer.MAX_VALUE;
      }
      total += best;
    }
    return (int) Math.min(Integer.MAX_VALUE - 1, total);
  }

  private int lattice(Frame frame, int a, int b) {
    int d = Math.abs(frame.x(a) - frame.x(b)) + Math.abs(frame.y(a) - frame.y(b));
    return (d + moveSize - 1) / moveSize;
  }

  /**
   * For each covering object of the frame, its column in the analysis (matched by position), or
   * null when they are not the ones analysed (a covering object moved or appeared).
   */
  private static int[] columnsIn(SoloTransport analysis, Frame frame, int[] bs) {
    long[] analysed = analysis.covering();
    if (analysed.length != bs.length) {
      return null;
    }
    int[] column = new int[bs.length];
    boolean[] taken = new boolean[analysed.length];
    for (int j = 0; j < bs.length; j++) {
      long cell = SoloTransport.cell(frame.x(bs[j]), frame.y(bs[j]));
      column[j] = -1;
      for (int k = 0; k < analysed.length; k++) {
        if (!taken[k] && analysed[k] == cell) {
          taken[k] = true;
          column[j] = k;
          break;
        }
      }
      if (column[j] < 0) {
        return null;
      }
    }
    return column;
  }
}
