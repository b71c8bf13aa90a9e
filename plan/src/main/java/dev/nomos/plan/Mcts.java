package dev.nomos.plan;

import dev.nomos.runtime.Frame;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Monte Carlo tree search (UCT) for stochastic models, maximising the discounted sum of the
 * {@link Objective}'s rewards over the horizon; a frame the model predicts ends the episode
 * ({@link TransitionModel.Outcome#end()}) or the objective calls terminal is a leaf, after which
 * nothing is earned.
 *
 * <ul>
 *   <li><b>Expansion.</b> A node is expanded on its second visit: the model's most likely outcome of
 *       every action is predicted, and actions whose most likely outcomes are one state with one
 *       reward count as one action there (the first of them in the world's order), so a world with
 *       redundant actions (a fire button that does nothing) is not searched several times over.
 *   <li><b>Outcomes.</b> An action's first outcome is the most likely one; later visits draw from
 *       the model, and a drawn state not yet among the action's children becomes one only while the
 *       action has fewer than ⌈√visits⌉ of them (progressive widening); otherwise the simulation
 *       follows an existing child drawn in proportion to its visits. A deterministic model so gets a
 *       plain game tree, and a model's rare outcomes (its floor's background) cannot split the
 *       statistics of an action into many one-visit children.
 *   <li><b>Rollouts.</b> From a new node the simulation plays random actions up to the horizon, with
 *       sampled transitions; each step repeats the previous action with probability
 *       {@link Settings#rolloutRepeat} and otherwise draws one uniformly, so rollouts hold a course
 *       for several steps (a uniformly random walk rarely gets anywhere, so its returns tell the
 *       actions apart poorly).
 *   <li><b>Reuse.</b> With {@link Settings#reuse}, the next call whose start frame is one of the
 *       predicted outcomes of the previous plan's first action continues from that subtree (its
 *       frame replaced by the start frame, which carries the true history), instead of a new tree.
 * </ul>
 *
 * <p>The plan is the most visited action at each level (following each action's most visited
 * outcome), and its expected return is the root action's mean return.
 */
public final class Mcts implements Planner {
  private static final long CLOCK_EVERY = 16;

  /**
   * Search settings: depth of a simulation, discount, the UCB1 exploration constant, the seed, the
   * probability that a rollout step repeats the previous action (0: uniformly random rollouts), and
   * whether a plan continues the previous plan's tree.
   */
  public record Settings(int horizon, double discount, double exploration, long seed, double rolloutRepeat,
      boolean reuse) {
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
      if (!(rolloutRepeat >= 0 && rolloutRepeat < 1)) {
        throw new IllegalArgumentException("the rollout's repeat probability must be in [0, 1), got " + rolloutRepeat);
      }
    }

    /** The default rollouts and reuse with the given depth, discount, exploration and seed. */
    public Settings(int horizon, double discount, double exploration, long seed) {
      this(horizon, discount, exploration, seed, defaults().rolloutRepeat(), defaults().reuse());
    }

    /** The defaults' depth, discount and rollout repeat, as constants that option declarations can name. */
    public static final int DEFAULT_HORIZON = 30;
    public static final double DEFAULT_DISCOUNT = 0.98;
    public static final double DEFAULT_ROLLOUT_REPEAT = 0.8;

    public static Settings defaults() {
      return new Settings(DEFAULT_HORIZON, DEFAULT_DISCOUNT, Math.sqrt(2), 1, DEFAULT_ROLLOUT_REPEAT, true);
    }
  }

  private final TransitionModel model;
  private final Objective objective;
  private final Settings settings;
  private final int actions;
  private final SplittableRandom random;
  private StateKeys keys;
  private Node lastRoot;
  private int lastChoice = -1;
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

  /** A state of the tree; {@code reward} is what the step into it earned. */
  private final class Node {
    Frame frame;
    boolean terminal;
    final double reward;
    /** The distinct actions here (indexes into the world's actions); null until expanded. */
    int[] choices;
    int[] visits;
    double[] totals;
    List<Map<StateKeys.Key, Node>> outcomes;
    int count;

    Node(Frame frame, double reward) {
      this.frame = frame;
      this.reward = reward;
      this.terminal = ends(frame);
    }
  }

  @Override
  public Plan plan(Frame start, SearchLimits limits) {
    TimeMeasure clock = limits.measure();
    long began = clock.now();
    long deadline = began + limits.maxTime().toNanos();
    predicted = 0;
    if (keys == null) {
      keys = new StateKeys(start, false);
    }
    Node root = reused(start);
    long simulations = 0;
    while (!root.terminal && simulations < limits.maxNodes()
        && (simulations % CLOCK_EVERY != 0 || clock.now() < deadline)) {
      simulate(root, 0);
      simulations++;
    }
    SearchStats stats = new SearchStats(simulations, predicted, 0, (clock.now() - began) / 1e9);
    List<Integer> path = new ArrayList<>();
    List<Frame> frames = new ArrayList<>();
    double expected = 0;
    lastRoot = settings.reuse() ? root : null;
    lastChoice = -1;
    for (Node n = root; n != null && !n.terminal && n.choices != null; ) {
      int c = mostVisited(n);
      if (n.visits[c] == 0) {
        break;
      }
      if (n == root) {
        expected = n.totals[c] / n.visits[c];
        lastChoice = c;
      }
      path.add(n.choices[c]);
      Node next = null;
      for (Node child : n.outcomes.get(c).values()) {
        if (next == null || child.count > next.count) {
          next = child;
        }
      }
      frames.add(next.frame);
      n = next;
    }
    return new Plan(Plan.Status.BEST_EFFORT, path.stream().mapToInt(Integer::intValue).toArray(), frames, 0,
        expected, stats);
  }

  /** The subtree of the previous plan's first action whose state is {@code start}'s, else a new root. */
  private Node reused(Frame start) {
    if (lastRoot != null && lastChoice >= 0) {
      Node child = lastRoot.outcomes.get(lastChoice).get(keys.of(start));
      if (child != null) {
        child.frame = start;
        child.terminal = ends(start);
        return child;
      }
    }
    return new Node(start, 0);
  }

  private int mostVisited(Node n) {
    int best = 0;
    for (int c = 1; c < n.choices.length; c++) {
      if (n.visits[c] > n.visits[best] || n.visits[c] == n.visits[best] && n.totals[c] > n.totals[best]) {
        best = c;
      }
    }
    return best;
  }

  private double simulate(Node node, int depth) {
    if (node.terminal || depth >= settings.horizon()) {
      return 0;
    }
    if (node.choices == null) {
      expand(node);
    }
    int c = select(node);
    Node child = outcome(node, c);
    double value;
    if (child.count == 0) {
      child.count++;
      value = child.reward + settings.discount() * (child.terminal ? 0 : rollout(child.frame, depth + 1, node.choices[c]));
    } else {
      value = child.reward + settings.discount() * simulate(child, depth + 1);
    }
    node.visits[c]++;
    node.totals[c] += value;
    node.count++;
    return value;
  }

  /** Predicts every action's most likely outcome and keeps one action per distinct (state, reward). */
  private void expand(Node node) {
    List<Integer> choices = new ArrayList<>();
    List<Map<StateKeys.Key, Node>> outcomes = new ArrayList<>();
    Map<Distinct, Integer> seen = new HashMap<>();
    for (int a = 0; a < actions; a++) {
      TransitionModel.Outcome out = model.mostLikely(node.frame, a);
      predicted++;
      StateKeys.Key key = keys.of(out.next());
      double reward = objective.reward(node.frame, a, out);
      if (seen.putIfAbsent(new Distinct(key, reward, out.end()), a) != null) {
        continue;
      }
      Map<StateKeys.Key, Node> children = new HashMap<>();
      children.put(key, new Node(out.next(), reward));
      choices.add(a);
      outcomes.add(children);
    }
    node.choices = choices.stream().mapToInt(Integer::intValue).toArray();
    node.visits = new int[node.choices.length];
    node.totals = new double[node.choices.length];
    node.outcomes = outcomes;
  }

  private record Distinct(StateKeys.Key key, double reward, boolean end) {}

  /**
   * The child a simulation follows after choice {@code c}: the most likely outcome on the action's
   * first visit; afterwards a drawn outcome, new ones admitted while the children number fewer than
   * ⌈√visits⌉, else an existing child in proportion to its visits.
   */
  private Node outcome(Node node, int c) {
    Map<StateKeys.Key, Node> children = node.outcomes.get(c);
    int n = node.visits[c];
    if (n == 0) {
      return children.values().iterator().next();
    }
    if (children.size() < Math.ceil(Math.sqrt(n + 1))) {
      int a = node.choices[c];
      TransitionModel.Outcome out = model.sample(node.frame, a, random);
      predicted++;
      StateKeys.Key key = keys.of(out.next());
      Node child = children.get(key);
      if (child == null) {
        child = new Node(out.next(), objective.reward(node.frame, a, out));
        children.put(key, child);
      }
      return child;
    }
    int total = 0;
    for (Node child : children.values()) {
      total += child.count;
    }
    int pick = random.nextInt(Math.max(total, 1));
    Node last = null;
    for (Node child : children.values()) {
      last = child;
      pick -= child.count;
      if (pick < 0) {
        break;
      }
    }
    return last;
  }

  private int select(Node node) {
    int untried = 0;
    for (int c = 0; c < node.choices.length; c++) {
      if (node.visits[c] == 0) {
        untried++;
      }
    }
    if (untried > 0) {
      int pick = random.nextInt(untried);
      for (int c = 0; c < node.choices.length; c++) {
        if (node.visits[c] == 0 && pick-- == 0) {
          return c;
        }
      }
    }
    double logN = Math.log(node.count);
    int best = 0;
    double bestScore = Double.NEGATIVE_INFINITY;
    for (int c = 0; c < node.choices.length; c++) {
      double score = node.totals[c] / node.visits[c] + settings.exploration() * Math.sqrt(logN / node.visits[c]);
      if (score > bestScore) {
        bestScore = score;
        best = c;
      }
    }
    return best;
  }

  /** Random actions from {@code frame} to the horizon, each repeating the one before with the settings' probability. */
  private double rollout(Frame frame, int depth, int previous) {
    double value = 0;
    double scale = 1;
    Frame at = frame;
    int a = previous;
    for (int d = depth; d < settings.horizon() && !ends(at); d++) {
      if (!(random.nextDouble() < settings.rolloutRepeat())) {
        a = random.nextInt(actions);
      }
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
