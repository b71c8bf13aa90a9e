package dev.nomos.plan;

import dev.nomos.runtime.Frame;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Best-first search with macro steps: A* (or weighted A*) whose nodes are the frames where something
 * other than the acting object changed ({@link ActingObject}: the player of a grid game). Expanding a
 * node explores, breadth-first over the model, every frame the actions reach while only the acting
 * object changes (its region: in Sokoban, where the player can walk without pushing); each predicted
 * frame in which another object changed (a push), or where the goal holds, is a child, reached
 * after the walk to it plus one step. Each step still costs 1, so the plan's length is its number of
 * actions; a shortest walk leads to each child.
 *
 * <p>Duplicate detection works on regions: every frame explored inside an expanded node's region
 * is marked, and a node whose frame is marked is dropped (its region, and so every child it could
 * have, was explored already). Two nodes with the same other objects and the acting object anywhere
 * in one region are therefore expanded once, whatever path and position reached them. This keeps
 * the search complete but not shortest: the region is expanded from the first of its frames
 * popped, which need not be the cheapest. States are stored as 64-bit {@link StateHash}es.
 *
 * <p>Frames where other objects change only their velocity (a pushed box coming to rest) stay inside
 * the region. Frames the model predicts end the episode short of the goal are never entered. The
 * heuristic is built per search from the start frame ({@link HeuristicSource}), so it can read the
 * level. Without an acting object this is {@link GraphSearch} with the same heuristic.
 */
public final class MacroSearch implements Planner {
  /** Builds the estimate for one search, from its start frame and the acting object (absent: none found). */
  @FunctionalInterface
  public interface HeuristicSource {
    Heuristic at(Frame start, OptionalInt actor, TransitionModel model);
  }

  /** Children's frames keep this many steps of history (memory: open nodes hold their frame). */
  private static final int CHILD_HISTORY = 1;

  private final TransitionModel model;
  private final Goal goal;
  private final HeuristicSource heuristics;
  private final boolean positionsOnly;
  private final int weight;

  /**
   * @param positionsOnly states without velocities (see {@link StateKeys})
   * @param weight order by steps + weight * estimate (1: A*)
   */
  public MacroSearch(TransitionModel model, Goal goal, HeuristicSource heuristics, boolean positionsOnly, int weight) {
    if (weight < 1) {
      throw new IllegalArgumentException("the heuristic's weight must be at least 1, got " + weight);
    }
    this.model = model;
    this.goal = goal;
    this.heuristics = heuristics;
    this.positionsOnly = positionsOnly;
    this.weight = weight;
  }

  @Override
  public String name() {
    return "astar";
  }

  private static final class Node {
    final Node parent;
    final int[] moves;
    final int g;
    final int f;
    final long order;
    final long hash;
    Frame frame;

    Node(Node parent, int[] moves, int g, int f, long order, long hash, Frame frame) {
      this.parent = parent;
      this.moves = moves;
      this.g = g;
      this.f = f;
      this.order = order;
      this.hash = hash;
      this.frame = frame;
    }
  }

  @Override
  public Plan plan(Frame start, SearchLimits limits) {
    TimeMeasure clock = limits.measure();
    long began = clock.now();
    long deadline = began + limits.maxTime().toNanos();
    OptionalInt actor = ActingObject.find(model, start);
    Heuristic heuristic = heuristics.at(start, actor, model);
    if (actor.isEmpty() || start.indexOfId(actor.getAsInt()) < 0) {
      Plan plain = new GraphSearch(model, goal, heuristic, GraphSearch.Strategy.ASTAR, positionsOnly, weight)
          .plan(start, limits.withMaxTime(java.time.Duration.ofNanos(Math.max(1, deadline - clock.now()))));
      SearchStats s = plain.stats();
      return new Plan(plain.status(), plain.actions(), plain.predicted(), plain.logProbability(), plain.expectedReturn(),
          new SearchStats(s.expanded(), s.predicted(), s.duplicates(), (clock.now() - began) / 1e9));
    }
    int actorId = actor.getAsInt();
    int actions = model.schema().actions().size();
    PriorityQueue<Node> open = new PriorityQueue<>((a, b) -> {
      if (a.f != b.f) {
        return Integer.compare(a.f, b.f);
      }
      if (a.g != b.g) {
        return Integer.compare(b.g, a.g);
      }
      return Long.compare(a.order, b.order);
    });
    Map<Long, Integer> bestG = new HashMap<>();
    Set<Long> explored = new HashSet<>();
    long order = 0;
    long expanded = 0;
    long predicted = 0;
    long duplicates = 0;
    long rootHash = StateHash.of(start, positionsOnly);
    Node root = new Node(null, new int[0], 0, 0, order++, rootHash, start);
    if (goal.reached(start)) {
      return finish(Plan.Status.SOLVED, root, start, expanded, predicted, duplicates, clock, began);
    }
    if (heuristic.estimate(start) == Integer.MAX_VALUE) {
      return finish(Plan.Status.UNREACHABLE, null, start, expanded, predicted, duplicates, clock, began);
    }
    bestG.put(rootHash, 0);
    open.add(root);
    Plan.Status status = Plan.Status.UNREACHABLE;
    List<Frame> inner = new ArrayList<>();
    List<Integer> innerParent = new ArrayList<>();
    List<Integer> innerAction = new ArrayList<>();
    Set<Long> innerSeen = new HashSet<>();
    search:
    while (!open.isEmpty()) {
      if (expanded >= limits.maxNodes() || clock.now() > deadline) {
        status = Plan.Status.BUDGET_SPENT;
        break;
      }
      Node node = open.poll();
      if (bestG.get(node.hash) < node.g || explored.contains(node.hash)) {
        duplicates++;
        continue;
      }
      if (goal.reached(node.frame)) {
        return finish(Plan.Status.SOLVED, node, start, expanded, predicted, duplicates, clock, began);
      }
      expanded++;
      Frame base = node.frame;
      node.frame = null;
      inner.clear();
      innerParent.clear();
      innerAction.clear();
      innerSeen.clear();
      inner.add(base);
      innerParent.add(-1);
      innerAction.add(-1);
      innerSeen.add(node.hash);
      explored.add(node.hash);
      List<Integer> depths = new ArrayList<>();
      depths.add(0);
      for (int i = 0; i < inner.size(); i++) {
        if ((i & 63) == 63 && clock.now() > deadline) {
          status = Plan.Status.BUDGET_SPENT; // a region can be large (or, under a wrong model, endless)
          break search;
        }
        Frame frame = inner.get(i);
        int depth = depths.get(i);
        for (int a = 0; a < actions; a++) {
          Frame next = model.sureFrame(frame, a);
          predicted++;
          if (next == null) {
            continue; // the model is not sure enough of this step to plan on it
          }
          boolean reached = goal.reached(next);
          if (next.terminated() && !reached) {
            continue; // the model predicts the episode ends here, short of the goal
          }
          long hash = StateHash.of(next, positionsOnly);
          if (!reached && onlyActorMoved(base, next, actorId)) {
            if (innerSeen.add(hash)) {
              explored.add(hash);
              inner.add(next);
              innerParent.add(i);
              innerAction.add(a);
              depths.add(depth + 1);
            }
            continue;
          }
          int g = node.g + depth + 1;
          Integer seen = bestG.get(hash);
          if (seen != null && seen <= g || explored.contains(hash)) {
            duplicates++;
            continue;
          }
          int h = heuristic.estimate(next);
          if (h == Integer.MAX_VALUE) {
            continue; // the heuristic proves the goal unreachable from here
          }
          bestG.put(hash, g);
          int[] moves = new int[depth + 1];
          moves[depth] = a;
          for (int k = i, d = depth - 1; k > 0; k = innerParent.get(k), d--) {
            moves[d] = innerAction.get(k);
          }
          open.add(new Node(node, moves, g, g + (int) Math.min(Integer.MAX_VALUE - g, (long) weight * h), order++, hash,
              HistoryWindow.keepLast(next, CHILD_HISTORY)));
        }
      }
    }
    return finish(status, null, start, expanded, predicted, duplicates, clock, began);
  }

  /** Whether every object but the actor kept its slots (velocities may differ) and none came or went. */
  private static boolean onlyActorMoved(Frame base, Frame next, int actorId) {
    if (base.size() != next.size()) {
      return false;
    }
    for (int o = 0; o < next.size(); o++) {
      int id = next.id(o);
      if (id == actorId) {
        continue;
      }
      int before = base.indexOfId(id);
      if (before < 0 || !ActingObject.sameSlots(base, before, next, o)) {
        return false;
      }
    }
    return true;
  }

  /** The plan ending at {@code end}, its predicted frames rolled out again from {@code start}. */
  private Plan finish(Plan.Status status, Node end, Frame start, long expanded, long predicted, long duplicates,
      TimeMeasure clock, long began) {
    if (end == null) {
      return new Plan(status, new int[0], List.of(), 0, 0,
          new SearchStats(expanded, predicted, duplicates, (clock.now() - began) / 1e9));
    }
    List<int[]> pieces = new ArrayList<>();
    for (Node n = end; n.parent != null; n = n.parent) {
      pieces.add(n.moves);
    }
    Collections.reverse(pieces);
    int length = pieces.stream().mapToInt(p -> p.length).sum();
    int[] actions = new int[length];
    int at = 0;
    for (int[] p : pieces) {
      System.arraycopy(p, 0, actions, at, p.length);
      at += p.length;
    }
    List<Frame> frames = new ArrayList<>(length);
    Frame frame = start;
    double logProbability = 0;
    for (int a : actions) {
      TransitionModel.Outcome step = model.mostLikely(frame, a);
      logProbability += step.logProbability();
      frame = step.next();
      frames.add(frame);
    }
    return new Plan(status, actions, frames, logProbability, status == Plan.Status.SOLVED ? 1 : 0,
        new SearchStats(expanded, predicted, duplicates, (clock.now() - began) / 1e9));
  }
}
