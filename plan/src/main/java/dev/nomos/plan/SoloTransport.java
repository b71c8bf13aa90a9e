package dev.nomos.plan;

import dev.nomos.runtime.Frame;
import dev.nomos.runtime.Slots;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the model says one object of the covered type can do alone: with every other object of its
 * type removed from the start frame, one of them placed on a cell and the acting object on another,
 * which cells can it be brought to, and in how few steps that move it? Worked out per level by
 * predicting, for every pair of cells (the object's, the actor's), every action from a frame built
 * with that pair, and then searching the resulting graph backwards from each covering object.
 *
 * <p>{@link #steps} gives, for a cell and a covering object, the fewest steps that move the object
 * from that cell onto it (any steps of the actor alone are free), or {@link Assignment#NONE} when it
 * cannot get there alone. Two assumptions make these a lower bound and a "no" a proof (a dead
 * cell): that other objects of the type only ever get in the way (true of boxes that block each
 * other; false in a world where one object pushes another along) and that the model's prediction
 * does not depend on the history the built frames lack (they start with no previous frame). Under
 * them, an object on a cell from which it reaches no covering object makes the goal unreachable,
 * which {@link CoverageMatching} uses to prune; where they fail the pruning can lose solutions
 * ({@code --no-solo} turns it off).
 */
final class SoloTransport {
  /** Pair states explored at most; a larger level gets no analysis. */
  static final int MAX_STATES = 40_000;

  private final Map<Long, int[]> stepsByCell;
  private final long[] covering;

  private SoloTransport(Map<Long, int[]> stepsByCell, long[] covering) {
    this.stepsByCell = stepsByCell;
    this.covering = covering;
  }

  /** The positions of the covering objects the analysis measured to, in its column order (do not modify). */
  long[] covering() {
    return covering;
  }

  /** Steps from {@code cell} onto covering object {@code column}; -1 for a cell never analysed. */
  int steps(long cell, int column) {
    int[] s = stepsByCell.get(cell);
    return s == null ? -1 : s[column];
  }

  static long cell(int x, int y) {
    return ((long) x << 32) | (y & 0xFFFFFFFFL);
  }

  /**
   * The analysis of {@code start} for one clause, or null when it does not apply (no object of the
   * type, no covering object, or too many states).
   */
  static SoloTransport analyse(TransitionModel model, Frame start, int actorId, int coveredType, int coveringType) {
    int[] covered = start.ofType(coveredType);
    int[] coveringObjects = start.ofType(coveringType);
    int actor = start.indexOfId(actorId);
    if (covered.length == 0 || coveringObjects.length == 0 || actor < 0 || start.type(actor) == coveredType) {
      return null;
    }
    int protoId = start.id(covered[0]);
    long[] targets = new long[coveringObjects.length];
    for (int j = 0; j < coveringObjects.length; j++) {
      targets[j] = cell(start.x(coveringObjects[j]), start.y(coveringObjects[j]));
    }
    int actions = model.schema().actions().size();
    // Where the actor can be with no object of the covered type about.
    List<Long> actorCells = new ArrayList<>();
    Map<Long, Integer> actorSeen = new HashMap<>();
    long a0 = cell(start.x(actor), start.y(actor));
    actorSeen.put(a0, 0);
    actorCells.add(a0);
    for (int i = 0; i < actorCells.size() && actorCells.size() < MAX_STATES; i++) {
      long p = actorCells.get(i);
      Frame f = placed(start, coveredType, -1, 0, actorId, p);
      for (int a = 0; a < actions; a++) {
        Frame next = model.mostLikelyFrame(f, a);
        int at = next.indexOfId(actorId);
        if (at >= 0 && !next.terminated()) {
          long q = cell(next.x(at), next.y(at));
          if (actorSeen.putIfAbsent(q, actorCells.size()) == null) {
            actorCells.add(q);
          }
        }
      }
    }
    List<Long> objectCells = new ArrayList<>(actorCells);
    for (int o : covered) {
      long c = cell(start.x(o), start.y(o));
      if (!objectCells.contains(c)) {
        objectCells.add(c);
      }
    }
    // The graph of (object cell, actor cell) states.
    Map<Pair, Integer> stateIndex = new HashMap<>();
    List<long[]> states = new ArrayList<>();
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    for (long c : objectCells) {
      for (long p : actorCells) {
        if (c != p) {
          addState(c, p, stateIndex, states, queue);
        }
      }
    }
    if (states.size() > MAX_STATES) {
      return null;
    }
    List<int[]> edges = new ArrayList<>(); // from, to, cost
    while (!queue.isEmpty()) {
      int s = queue.poll();
      long c = states.get(s)[0];
      long p = states.get(s)[1];
      Frame f = placed(start, coveredType, protoId, c, actorId, p);
      for (int a = 0; a < actions; a++) {
        Frame next = model.mostLikelyFrame(f, a);
        int obj = next.indexOfId(protoId);
        int act = next.indexOfId(actorId);
        if (obj < 0 || act < 0) {
          continue;
        }
        long c2 = cell(next.x(obj), next.y(obj));
        long p2 = cell(next.x(act), next.y(act));
        if (next.terminated() && !contains(targets, c2)) {
          continue;
        }
        if (c2 == c && p2 == p) {
          continue;
        }
        int t = addState(c2, p2, stateIndex, states, queue);
        if (states.size() > MAX_STATES) {
          return null;
        }
        edges.add(new int[] {s, t, c2 == c ? 0 : 1});
      }
    }
    // Backwards from each covering object: fewest object-moving steps to bring the object onto it.
    int n = states.size();
    int[] inCount = new int[n + 1];
    for (int[] e : edges) {
      inCount[e[1] + 1]++;
    }
    for (int i = 0; i < n; i++) {
      inCount[i + 1] += inCount[i];
    }
    int[] fill = Arrays.copyOf(inCount, n);
    int[] from = new int[edges.size()];
    int[] cost = new int[edges.size()];
    for (int[] e : edges) {
      int k = fill[e[1]]++;
      from[k] = e[0];
      cost[k] = e[2];
    }
    Map<Long, int[]> stepsByCell = new HashMap<>();
    for (long c : cellsOf(states)) {
      int[] none = new int[targets.length];
      Arrays.fill(none, Assignment.NONE);
      stepsByCell.put(c, none);
    }
    int[] dist = new int[n];
    for (int j = 0; j < targets.length; j++) {
      Arrays.fill(dist, Integer.MAX_VALUE);
      ArrayDeque<Integer> deque = new ArrayDeque<>();
      for (int s = 0; s < n; s++) {
        if (states.get(s)[0] == targets[j]) {
          dist[s] = 0;
          deque.add(s);
        }
      }
      while (!deque.isEmpty()) {
        int s = deque.pollFirst();
        for (int k = inCount[s]; k < inCount[s + 1]; k++) {
          int d = dist[s] + cost[k];
          if (d < dist[from[k]]) {
            dist[from[k]] = d;
            if (cost[k] == 0) {
              deque.addFirst(from[k]);
            } else {
              deque.addLast(from[k]);
            }
          }
        }
      }
      for (int s = 0; s < n; s++) {
        if (dist[s] != Integer.MAX_VALUE) {
          int[] row = stepsByCell.get(states.get(s)[0]);
          row[j] = Math.min(row[j], dist[s]);
        }
      }
    }
    return new SoloTransport(stepsByCell, targets);
  }

  private static List<Long> cellsOf(List<long[]> states) {
    List<Long> out = new ArrayList<>();
    java.util.Set<Long> seen = new java.util.HashSet<>();
    for (long[] s : states) {
      if (seen.add(s[0])) {
        out.add(s[0]);
      }
    }
    return out;
  }

  private static boolean contains(long[] cells, long c) {
    for (long x : cells) {
      if (x == c) {
        return true;
      }
    }
    return false;
  }

  private record Pair(long objectCell, long actorCell) {}

  private static int addState(long c, long p, Map<Pair, Integer> index, List<long[]> states, ArrayDeque<Integer> queue) {
    Integer known = index.putIfAbsent(new Pair(c, p), states.size());
    if (known != null) {
      return known;
    }
    states.add(new long[] {c, p});
    queue.add(states.size() - 1);
    return states.size() - 1;
  }

  /**
   * {@code start} without the objects of {@code coveredType} except {@code keptId} (none for -1),
   * which stands on {@code keptCell}, and with the actor on {@code actorCell}; no history.
   */
  private static Frame placed(Frame start, int coveredType, int keptId, long keptCell, int actorId, long actorCell) {
    Frame.Builder b = Frame.builder(start.schema()).step(start.step());
    for (int o = 0; o < start.size(); o++) {
      int id = start.id(o);
      if (start.type(o) == coveredType && id != keptId) {
        continue;
      }
      int[] slots = start.slots(o);
      if (id == keptId) {
        slots[Slots.X] = (int) (keptCell >> 32);
        slots[Slots.Y] = (int) keptCell;
      } else if (id == actorId) {
        slots[Slots.X] = (int) (actorCell >> 32);
        slots[Slots.Y] = (int) actorCell;
      }
      b.add(id, start.type(o), slots);
    }
    return b.build();
  }
}
