package dev.nomos.plan;

import dev.nomos.runtime.Frame;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Monte Carlo tree search (UCT) for stochastic models. Each simulation walks down the tree choosing
 * actions by UCB1 (an untried action first, in random order), draws the next frame from the model,
 * and follows the child of that outcome (children are keyed by canonical state, so outcomes the
 * model draws again share statistics); at a new outcome it plays uniformly random actions with
 * sampled transitions up to the horizon. Returns are discounted sums of the {@link Objective}'s
 * rewards; a frame the model predicts ends the episode ({@link TransitionModel.Outcome#end()}) or the
 * objective calls terminal is a leaf, after which nothing is earned. The plan is the most visited action at each level (following each action's most visited
 * outcome), and its expected return is the root action's mean return.
 */
public final class Mcts implements Planner {
  private static final long CLOCK_EVERY = 16;

  /** Search settings: depth of a simulation, discount, and the UCB1 exploration constant. */
  public record Settings(int horizon, double discount, double exploration, long seed) {
    public Settings {
      if (horizon < 1) {
        throw new IllegalArgumentException("the horizon must be at least 1, got " + horizon);
      }
      if (!(discount > 0 && discount <= 1)) {
        throw new IllegalArgumentException("the discount must be in (0, 1], got " + discount);
      }
      if (!(exploration >= 0)) {
        throw new IllegalArgumentException("the exploration constant must be >= 0, got " + exploration);
      }
    }

    public static Settings defaults() {
      return new Settings(30, 0.98, Math.sqrt(2), 1);
    }
  }

  private final TransitionModel model;
  private final Objective objective;
  private final Settings settings;
  private final int actions;
  private final SplittableRandom random;
  private long predicted;

  public Mcts(TransitionModel model, Objective objective, Settings settings) {
    this.model = model;
    this.objective = objective;
    this.settings = settings;
    this.actions = model.schema().actions().size();
    this.random = new SplittableRandom(settings.seed());
  }

  @Override
  public String name() {
    return "mcts";
  }

  private final class Node {
    final Frame frame;
    final boolean terminal;
    final int[] visits = new int[actions];
    final double[] totals = new double[actions];
    final List<Map<StateKeys.Key, Node>> outcomes = new ArrayList<>(actions);
    int count;

    Node(Frame frame) {
      this.frame = frame;
      this.terminal = ends(frame);
      for (int a = 0; a < actions; a++) {
        outcomes.add(new HashMap<>());
      }
    }
  }

  @Override
  public Plan plan(Frame start, SearchLimits limits) {
    TimeMeasure clock = limits.measure();
    long began = clock.now();
    long deadline = began + limits.maxTime().toNanos();
    predicted = 0;
    StateKeys keys = new StateKeys(start, false);
    Node root = new Node(start);
    long simulations = 0;
    while (!root.terminal && simulations < limits.maxNodes()
        && (simulations % CLOCK_EVERY != 0 || clock.now() < deadline)) {
      simulate(root, 0, keys);
      simulations++;
    }
    SearchStats stats = new SearchStats(simulations, predicted, 0, (clock.now() - began) / 1e9);
    List<Integer> path = new ArrayList<>();
    List<Frame> frames = new ArrayList<>();
    double expected = 0;
    for (Node n = root; n != null && !n.terminal && n.count > 0; ) {
      int a = mostVisited(n);
      if (n.visits[a] == 0) {
        break;
      }
      if (n == root) {
        expected = n.totals[a] / n.visits[a];
      }
      path.add(a);
      Node next = null;
      for (Node child : n.outcomes.get(a).values()) {
        if (next == null || child.count > next.count) {
          next = child;
        }
      }
      if (next == null) {
        break;
      }
      frames.add(next.frame);
      n = next;
    }
    return new Plan(Plan.Status.BEST_EFFORT, path.stream().mapToInt(Integer::intValue).toArray(), frames, 0,
        expected, stats);
  }

  private int mostVisited(Node n) {
    int best = 0;
    for (int a = 1; a < actions; a++) {
      if (n.visits[a] > n.visits[best]
          || n.visits[a] == n.visits[best] && n.totals[a] > n.totals[best]) {
        best = a;
      }
    }
    return best;
  }

  private double simulate(Node node, int depth, StateKeys keys) {
    if (node.terminal || depth >= settings.horizon()) {
      return 0;
    }
    int a = select(node);
    TransitionModel.Outcome out = model.sample(node.frame, a, random);
    predicted++;
    double reward = objective.reward(node.frame, a, out);
    Map<StateKeys.Key, Node> children = node.outcomes.get(a);
    StateKeys.Key key = keys.of(out.next());
    Node child = children.get(key);
    double value;
    if (child == null) {
      child = new Node(out.next());
      children.put(key, child);
      value = reward + settings.discount() * (child.terminal ? 0 : rollout(out.next(), depth + 1));
      child.count++;
    } else {
      value = reward + settings.discount() * simulate(child, depth + 1, keys);
    }
    node.visits[a]++;
    node.totals[a] += value;
    node.count++;
    return value;
  }

  private int select(Node node) {
    int untried = 0;
    for (int a = 0; a < actions; a++) {
      if (node.visits[a] == 0) {
        untried++;
      }
    }
    if (untried > 0) {
      int pick = random.nextInt(untried);
      for (int a = 0; a < actions; a++) {
        if (node.visits[a] == 0 && pick-- == 0) {
          return a;
        }
      }
    }
    double logN = Math.log(node.count);
    int best = 0;
    double bestScore = Double.NEGATIVE_INFINITY;
    for (int a = 0; a < actions; a++) {
      double score = node.totals[a] / node.visits[a] + settings.exploration() * Math.sqrt(logN / node.visits[a]);
      if (score > bestScore) {
        bestScore = score;
        best = a;
      }
    }
    return best;
  }

  private double rollout(Frame frame, int depth) {
    double value = 0;
    double scale = 1;
    Frame at = frame;
    for (int d = depth; d < settings.horizon() && !ends(at); d++) {
      int a = random.nextInt(actions);
      TransitionModel.Outcome out = model.sample(at, a, random);
      predicted++;
      value += scale * objective.reward(at, a, out);
      scale *= settings.discount();
      at = out.next();
    }
    return value;
  }

  private boolean ends(Frame frame) {
    return frame.terminated() || objective.terminal(frame);
  }
}
