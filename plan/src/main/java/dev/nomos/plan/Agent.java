package dev.nomos.plan;

import dev.nomos.runtime.Frame;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The model-based agent: plan from the observed frame, act, observe, and replan as soon as an
 * observation departs from the frame the plan predicted (compared as states: ids aside, velocities
 * included). A plan that reaches the goal (A*, BFS) is followed to its end unless reality departs;
 * a best-effort plan (MCTS, the random policy) gives one action, then the agent plans again.
 *
 * <p>A plan is <em>valid</em> when every step executed from it showed the predicted frame and, if it
 * claimed to reach the goal and was followed to its end, the goal held in the true world.
 */
public final class Agent {
  /** Exploratory steps taken in a row at most before planning again. */
  static final int EXPLORATION_STEPS = 10;

  private final Planner planner;
  private final Goal goal;
  private final TransitionObserver observer;
  private final Curiosity curiosity;
  private final Novelty novelty;

  /** Something told of every transition the true world shows (such as {@link CorrectedTransitions}). */
  @FunctionalInterface
  public interface TransitionObserver {
    void observed(Frame from, int action, Frame to);
  }

  public Agent(Planner planner, Goal goal) {
    this(planner, goal, (from, action, to) -> { });
  }

  public Agent(Planner planner, Goal goal, TransitionObserver observer) {
    this(planner, goal, observer, null);
  }

  /**
   * @param curiosity where the planner finds no plan, explore with it instead of ending the episode:
   *     take its action, and plan again after the first observation the model did not predict or
   *     after {@value #EXPLORATION_STEPS} such steps (null: end the episode)
   */
  public Agent(Planner planner, Goal goal, TransitionObserver observer, Curiosity curiosity) {
    this(planner, goal, observer, curiosity, null);
  }

  /**
   * @param novelty where the planner finds no plan, first follow the model's shortest way to a
   *     situation never seen and take the untried action there ({@link Novelty#route}); the curious
   *     action only when no such situation is reachable (null: curiosity alone). Every step the agent
   *     takes is remembered in it as seen.
   */
  public Agent(Planner planner, Goal goal, TransitionObserver observer, Curiosity curiosity, Novelty novelty) {
    if (novelty != null && curiosity == null) {
      throw new IllegalArgumentException("novelty is a way of exploring: give a curiosity to fall back on too");
    }
    this.planner = planner;
    this.goal = goal;
    this.observer = observer;
    this.curiosity = curiosity;
    this.novelty = novelty;
  }

  /**
   * One episode's outcome. {@code solved}: the goal held in an observed frame; {@code departures}: where
   * each invalid plan first departed from the true world (a plan that reached its end without the goal
   * holding has none); {@code exploratorySteps}: of the steps, those taken exploring where no plan was
   * found (they are no plan's, so never invalid).
   */
  public record Episode(boolean solved, double totalReward, int steps, double planningSeconds, int plans,
      int checkedPlans, int invalidPlans, long expanded, String ending, List<Departure> departures,
      int exploratorySteps) {
    public Episode {
      departures = List.copyOf(departures);
    }

    public boolean plansValid() {
      return invalidPlans == 0;
    }
  }

  /**
   * Plays until the goal holds, the environment ends the episode, {@code maxSteps} actions were
   * taken, the episode's time is spent, or the planner finds no plan.
   *
   * @param perPlan the limits of one call to the planner (its time is capped by what the episode has left)
   * @param maxTime the episode's time, measured as {@code perPlan} measures (the playing thread's CPU
   *     time by default: planning, stepping the world and checking plans)
   */
  public Episode play(Environment env, SearchLimits perPlan, int maxSteps, Duration maxTime) {
    TimeMeasure clock = perPlan.measure();
    long began = clock.now();
    long deadline = began + maxTime.toNanos();
    double reward = 0;
    int steps = 0;
    double planning = 0;
    int plans = 0;
    int checked = 0;
    int invalid = 0;
    long expanded = 0;
    List<Departure> departures = new ArrayList<>();
    int explored = 0;
    String ending;
    while (true) {
      Frame frame = env.observe();
      if (goal.reached(frame)) {
        ending = "goal";
        break;
      }
      if (env.done()) {
        ending = "episode ended";
        break;
      }
      if (steps >= maxSteps) {
        ending = "step limit";
        break;
      }
      long left = deadline - clock.now();
      if (left <= 0) {
        ending = "time limit";
        break;
      }
      SearchLimits limits = perPlan.maxTime().toNanos() < left ? perPlan : perPlan.withMaxTime(Duration.ofNanos(left));
      Plan plan = planner.plan(frame, limits);
      plans++;
      planning += plan.stats().seconds();
      expanded += plan.stats().expanded();
      if (plan.length() == 0) {
        if (curiosity != null) {
          Exploration taken = explore(env, maxSteps - steps, deadline, clock, limits);
          steps += taken.steps();
          explored += taken.steps();
          reward += taken.reward();
          continue;
        }
        ending = switch (plan.status()) {
          case UNREACHABLE -> "no plan: the goal is unreachable under the model";
          case BUDGET_SPENT -> "no plan within the budget";
          default -> "no plan";
        };
        break;
      }
      boolean whole = plan.status() == Plan.Status.SOLVED;
      int toRun = whole ? plan.length() : 1;
      Followed run = follow(env, plan, toRun, false);
      reward += run.reward();
      boolean valid = run.departedFrom() == null;
      if (!valid) {
        int at = run.taken() - 1;
        departures.add(Departure.between(steps + at, plan.actions()[at], run.departedFrom(), plan.predicted().get(at),
            env.observe()));
      }
      steps += run.taken();
      if (valid && whole && run.taken() == plan.length() && !goal.reached(env.observe())) {
        valid = false;
      }
      if (!plan.predicted().isEmpty()) {
        checked++;
        if (!valid) {
          invalid++;
        }
      }
    }
    return new Episode(goal.reached(env.observe()), reward, steps, planning, plans, checked, invalid, expanded, ending,
        departures, explored);
  }

  /** Takes an action in the true world and tells the observer and the novelty what it showed. */
  private double step(Environment env, int action) {
    Frame before = env.observe();
    double reward = env.step(action);
    observer.observed(before, action, env.observe());
    if (novelty != null) {
      novelty.observed(before, action, env.observe());
    }
    return reward;
  }

  /**
   * Steps taken along a plan and the reward they collected; {@code departedFrom}: the frame before
   * the last step when that step departed from the prediction, else null.
   */
  private record Followed(int taken, double reward, Frame departedFrom) {}

  /**
   * Takes the plan's first {@code max} actions (fewer when the episode ends), stopping after the
   * first step whose observation departs from the predicted frame (a plan without predictions
   * never departs) and, if {@code stopAtGoal}, after the step that reached the goal.
   */
  private Followed follow(Environment env, Plan plan, int max, boolean stopAtGoal) {
    double reward = 0;
    int taken = 0;
    while (taken < max && !env.done()) {
      Frame before = env.observe();
      reward += step(env, plan.actions()[taken]);
      taken++;
      if (taken <= plan.predicted().size() && !StateKeys.sameState(env.observe(), plan.predicted().get(taken - 1))) {
        return new Followed(taken, reward, before);
      }
      if (stopAtGoal && goal.reached(env.observe())) {
        break;
      }
    }
    return new Followed(taken, reward, null);
  }

  /** Steps taken exploring and the reward they collected. */
  private record Exploration(int steps, double reward) {}

  /**
   * Explores where no plan reaches the goal: along the model's way to a novel situation when there is
   * one (stopping where the world departs from the way, at the goal, or when the episode ends),
   * else by curiosity.
   */
  private Exploration explore(Environment env, int stepsLeft, long deadline, TimeMeasure clock, SearchLimits limits) {
    if (novelty != null) {
      Plan way = novelty.route(env.observe(), limits);
      if (way.length() > 0) {
        Followed run = follow(env, way, Math.min(stepsLeft, way.length()), true);
        return new Exploration(run.taken(), run.reward());
      }
    }
    return exploreCuriously(env, stepsLeft, deadline, clock);
  }

  /**
   * Takes the curious action up to {@value #EXPLORATION_STEPS} times (and at most {@code stepsLeft},
   * while time is left and the episode goes on), stopping after the first step the model did not
   * predict or that reached the goal. At least one step is taken when any is allowed, so that a
   * failed plan never repeats on an unchanged frame.
   */
  private Exploration exploreCuriously(Environment env, int stepsLeft, long deadline, TimeMeasure clock) {
    double reward = 0;
    int taken = 0;
    while (taken < Math.min(stepsLeft, EXPLORATION_STEPS) && !env.done() && (taken == 0 || clock.now() < deadline)) {
      Frame before = env.observe();
      Curiosity.Choice choice = curiosity.choose(before);
      reward += step(env, choice.action());
      taken++;
      if (!StateKeys.sameState(env.observe(), choice.expected().next()) || goal.reached(env.observe())) {
        break;
      }
    }
    return new Exploration(taken, reward);
  }
}
