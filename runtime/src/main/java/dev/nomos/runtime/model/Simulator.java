package dev.nomos.runtime.model;

import dev.nomos.runtime.Frame;
import dev.nomos.runtime.WorldSchema;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * A world model as a planner calls it, in a tight loop: given a frame (with its history) and the
 * action taken there, the next frame with the step's reward and whether the episode ends, each with
 * its probability; a drawn step; the probability of a given next frame.
 *
 * <p>Everything that can be prepared is prepared once, by the constructor (the laws are already
 * compiled, the schema resolved): a call runs the laws on the frame once, reuses every buffer, and
 * allocates the next frame and nothing else that grows with the frame. Asking several questions
 * about the same frame and action (the most likely step, then the probability of another frame)
 * runs the laws once. The {@link Step} a call returns is reused by the next call on this simulator:
 * read it, or keep its {@link Step#frame()}, before calling again.
 *
 * <p>Not thread-safe: one simulator per thread ({@code new Simulator(model)} is cheap). Actions are
 * indexes into {@link WorldSchema#actions()} ({@link #action(String)} looks one up once).
 *
 * <pre>{@code
 * Simulator sim = new Simulator(model);
 * int right = sim.action("RIGHT");
 * Frame frame = start;
 * double total = 0;
 * for (int k = 0; k < 50; k++) {
 *   Simulator.Step s = sim.mostLikely(frame, right);
 *   total += s.reward();
 *   if (s.end()) {
 *     break;
 *   }
 *   frame = s.frame();
 * }
 * }</pre>
 */
public final class Simulator {
  private final WorldModel model;
  private final Inference inference;
  private final Step step = new Step();
  private Frame lastFrame;
  private int lastAction;
  private Frame lastWithAction;

  public Simulator(WorldModel model) {
    this.model = Objects.requireNonNull(model, "model");
    this.inference = model.newInference();
  }

  public WorldModel model() {
    return model;
  }

  /**
   * The index of an action of the model's world.
   *
   * @throws IllegalArgumentException for a name the world does not declare
   */
  public int action(String name) {
    int a = model.schema().actionIndex(name);
    if (a < 0) {
      throw new IllegalArgumentException("world " + model.schema().name() + " has no action '" + name
          + "'; its actions are " + model.schema().actions());
    }
    return a;
  }

  /**
   * The targets of the frame the last step started from whose constraints' requirements exclude each
   * other, left unconstrained there (empty for a model without constraints); {@code frameIndex} is
   * copied into each.
   */
  public List<UnmetRequirement> unmetRequirements(int frameIndex) {
    return inference.unmetRequirements(frameIndex);
  }

  /**
   * The most likely step from {@code frame} under {@code action}: every target at its mode (ties
   * toward the value at t), the most likely reward (ties toward 0) and end (ties toward going on).
   * The next frame's own action is unset (-1): pass it to the next call.
   */
  public Step mostLikely(Frame frame, int action) {
    Frame t = withAction(frame, action);
    Frame next = inference.mostLikelyNext(t, -1);
    return fill(t, next, inference.mostLikelyReward(t));
  }

  /**
   * A step drawn from the model with {@code random}: the objects' targets in order, the end, then
   * the reward (with the floor's background, as {@link Inference#sampleNext} draws).
   */
  public Step sample(Frame frame, int action, RandomGenerator random) {
    Objects.requireNonNull(random, "random");
    Frame t = withAction(frame, action);
    Frame next = inference.sampleNext(t, -1, random);
    return fill(t, next, inference.sampleReward(t, random));
  }

  /**
   * log p(next | frame, action): the probability of the objects of {@code next} (presence, positions,
   * attributes, new objects), with the floor; reward and end are not part of it.
   */
  public double logProbability(Frame frame, int action, Frame next) {
    return inference.frameLogProbability(withAction(frame, action), next);
  }

  /** log p(reward | frame, action), with the floor (a model without reward laws predicts 0). */
  public double rewardLogProbability(Frame frame, int action, int reward) {
    return inference.rewardLogProbability(withAction(frame, action), reward);
  }

  /** The probability that the episode ends right after {@code action} is taken in {@code frame}. */
  public double endProbability(Frame frame, int action) {
    return Math.exp(inference.endLogProbability(withAction(frame, action), true));
  }

  private Step fill(Frame t, Frame next, int reward) {
    step.frame = next;
    step.reward = reward;
    step.rewardProbability = Math.exp(inference.rewardLogProbability(t, reward));
    step.end = next.terminated();
    double endLp = inference.endLogProbability(t, true);
    step.endProbability = Math.exp(endLp);
    step.frameLogProbability = inference.frameLogProbability(t, next);
    return step;
  }

  private Frame withAction(Frame frame, int action) {
    if (frame.schema() != model.schema()) {
      throw new IllegalArgumentException("frame of world " + frame.schema().name() + " given to a model of world "
          + model.schema().name());
    }
    if (frame != lastFrame || action != lastAction) {
      lastFrame = frame;
      lastAction = action;
      lastWithAction = frame.withAction(action);
    }
    return lastWithAction;
  }

  /**
   * One simulated step. Reused by the simulator that returned it: valid until its next call.
   */
  public static final class Step {
    private Frame frame;
    private int reward;
    private double rewardProbability;
    private boolean end;
    private double endProbability;
    private double frameLogProbability;

    private Step() {}

    /** The next frame (its {@link Frame#terminated()} is {@link #end()}). */
    public Frame frame() { return frame; }

    /** The step's reward. */
    public int reward() { return reward; }

    /** The probability the model gives that reward. */
    public double rewardProbability() { return rewardProbability; }

    /** Whether the episode ends with this step. */
    public boolean end() { return end; }

    /** The probability the model gives the episode's end after this step (whatever {@link #end()} is). */
    public double endProbability() { return endProbability; }

    /** log p of {@link #frame()} (its objects) given the frame and action it came from, with the floor. */
    public double frameLogProbability() { return frameLogProbability; }

    /** {@code exp(frameLogProbability())}. */
    public double frameProbability() { return Math.exp(frameLogProbability); }
  }
}
