package dev.nomos.plan;

import dev.nomos.runtime.Frame;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Queue;

/**
 * A* and breadth-first search over the model's most likely next frames, for models that are (nearly)
 * deterministic. Each step costs 1; successors come in action order; a successor whose canonical
 * state ({@link StateKeys}) was already reached as cheaply is dropped, so blocked moves (the frame
 * does not change) and transpositions cost nothing. A* orders by steps plus {@link Heuristic},
 * breaking ties towards deeper nodes, then by insertion order (so the search is deterministic); it
 * tests the goal when a node is expanded, so with an admissible heuristic the plan is shortest.
 * Breadth-first search tests it when a node is generated (the first goal generated is at the
 * shallowest depth). A frame the model predicts ends the episode ({@code terminated()}) and is not
 * the goal is never expanded: the true world would stop there. The path's log-probability is the sum of its steps' most-likely
 * log-probabilities.
 */
public final class GraphSearch implements Planner {
  private static final long CLOCK_EVERY = 64;

  public enum Strategy { ASTAR, BFS }

  private final TransitionModel model;
  private final Goal goal;
  private final Heuristic heuristic;
  private final Strategy strategy;
  private final boolean positionsOnly;
  private final int weight;

  public GraphSearch(TransitionModel model, Goal goal, Heuristic heuristic, Strategy strategy, boolean positionsOnly) {
    this(model, goal, heuristic, strategy, positionsOnly, 1);
  }

  /**
   * @param positionsOnly state keys without velocities (see {@link StateKeys})
   * @param weight A* orders by steps + weight * estimate: 1 is A* proper; more finds plans sooner
   *     that may be up to {@code weight} times longer than the shortest (weighted A*)
   */
  public GraphSearch(TransitionModel model, Goal goal, Heuristic heuristic, Strategy strategy, boolean positionsOnly,
      int weight) {
    if (weight < 1) {
      throw new IllegalArgumentException("the heuristic's weight must be at least 1, got " + weight);
    }
    this.weight = weight;
    this.model = model;
    this.goal = goal;
    this.heuristic = strategy == Strategy.BFS ? Heuristic.ZERO : heuristic;
    this.strategy = strategy;
    this.positionsOnly = positionsOnly;
  }

  public static GraphSearch astar(TransitionModel model, Goal goal, Heuristic heuristic) {
    return new GraphSearch(model, goal, heuristic, Strategy.ASTAR, false);
  }

  public static GraphSearch bfs(TransitionModel model, Goal goal) {
    return new GraphSearch(model, goal, Heuristic.ZERO, Strategy.BFS, false);
  }

  @Override
  public String name() {
    return strategy == Strategy.ASTAR ? "astar" : "bfs";
  }

  private static final class Node {
    final Node parent;
    final int action;
    final int depth;
    final int f;
    final long order;
    final StateKeys.Key key;
    Frame frame;

    Node(Node parent, int action, int depth, int f, long order, StateKeys.Key key, Frame frame) {
      this.parent = parent;
      this.action = action;
      this.depth = depth;
      this.f = f;
      this.order = order;
      this.key = key;
      this.frame = frame;
    }
  }

  @Override
  public Plan plan(Frame start, SearchLimits limits) {
    TimeMeasure clock = limits.measure();
    long began = clock.now();
    long deadline = began + limits.maxTime().toNanos();
    StateKeys keys = new StateKeys(start, positionsOnly);
    int actions = model.schema().actions().size();
    Map<StateKeys.Key, Integer> bestDepth = new HashMap<>();
    Queue<Node> open = strategy == Strategy.BFS ? new ArrayDeque<>() : new PriorityQueue<>((a, b) -> {
      if (a.f != b.f) {
        return Integer.compare(a.f, b.f);
      }
      if (a.depth != b.depth) {
        return Integer.compare(b.depth, a.depth);
      }
      return Long.compare(a.order, b.order);
    });
    long order = 0;
    long expanded = 0;
    long predicted = 0;
    long duplicates = 0;
    int h0 = heuristic.estimate(start);
    Node root = new Node(null, -1, 0, h0 == Integer.MAX_VALUE ? h0 : (int) Math.min(Integer.MAX_VALUE - 1, (long) weight * h0),
        order++, keys.of(start), start);
    bestDepth.put(root.key, 0);
    if (goal.reached(start)) {
      return finish(Plan.Status.SOLVED, root, start, expanded, predicted, duplicates, clock, began);
    }
    if (root.f != Integer.MAX_VALUE) {
      open.add(root);
    }
    Plan.Status status = Plan.Status.UNREACHABLE;
    while (!open.isEmpty()) {
      if (expanded >= limits.maxNodes() || expanded % CLOCK_EVERY == 0 && clock.now() > deadline) {
        status = Plan.Status.BUDGET_SPENT;
        break;
      }
      Node node = open.poll();
      if (bestDepth.get(node.key) < node.depth) {
        duplicates++;
        continue; // reached more cheaply after this entry was queued
      }
      if (strategy == Strategy.ASTAR && goal.reached(node.frame)) {
        return finish(Plan.Status.SOLVED, node, start, expanded, predicted, duplicates, clock, began);
      }
      expanded++;
      Frame frame = node.frame;
      node.frame = null; // expanded: only the path back is needed from here on
      for (int a = 0; a < actions; a++) {
        Frame next = model.sureFrame(frame, a);
        predicted++;
        if (next == null) {
          continue; // the model is not sure enough of this step to plan on it
        }
        StateKeys.Key key = keys.of(next);
        int depth = node.depth + 1;
        Integer seen = bestDepth.get(key);
        if (seen != null && seen <= depth) {
          duplicates++;
          continue;
        }
        if (next.terminated() && !goal.reached(next)) {
          continue; // the model predicts the episode ends here, short of the goal; not a duplicate of a frame going on
        }
        int h = heuristic.estimate(next);
        if (h == Integer.MAX_VALUE) {
          continue; // the heuristic proves the goal unreachable from here
        }
        bestDepth.put(key, depth);
        Node child = new Node(node, a, depth, depth + (int) Math.min(Integer.MAX_VALUE - depth, (long) weight * h),
            order++, key, next);
        if (strategy == Strategy.BFS && goal.reached(next)) {
          return finish(Plan.Status.SOLVED, child, start, expanded, predicted, duplicates, clock, began);
        }
        open.add(child);
      }
    }
    return finish(status, null, start, expanded, predicted, duplicates, clock, began);
  }

  /**
   * The plan ending at {@code end}; its predicted frames are rolled out again from {@code start}
   * (expanded nodes drop their frames to save memory), which the model answers identically.
   */
  private Plan finish(Plan.Status status, Node end, Frame start, long expanded, long predicted, long duplicates,
      TimeMeasure clock, long began) {
    SearchStats stats = new SearchStats(expanded, predicted, duplicates, (clock.now() - began) / 1e9);
    if (end == null) {
      return new Plan(status, new int[0], List.of(), 0, 0, stats);
    }
    List<Integer> actions = new ArrayList<>();
    for (Node n = end; n.parent != null; n = n.parent) {
      actions.add(n.action);
    }
    Collections.reverse(actions);
    List<Frame> frames = new ArrayList<>(actions.size());
    Frame at = start;
    double logProbability = 0;
    for (int a : actions) {
      TransitionModel.Outcome step = model.mostLikely(at, a);
      logProbability += step.logProbability();
      at = step.next();
      frames.add(at);
    }
    return new Plan(status, actions.stream().mapToInt(Integer::intValue).toArray(), frames, logProbability,
        status == Plan.Status.SOLVED ? 1 : 0, stats);
  }
}
