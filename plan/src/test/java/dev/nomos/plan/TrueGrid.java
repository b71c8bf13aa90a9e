package dev.nomos.plan;

import dev.nomos.runtime.Frame;

/**
 * The true world of the agent tests: a frame stepped by a rule the agent cannot see ({@link
 * GridModel}'s grid, where the player always moves and walls block, unless told otherwise).
 */
final class TrueGrid implements Environment {
  /** How the true world steps. */
  @FunctionalInterface
  interface Rule {
    Frame step(Frame frame, int action);
  }

  private final Rule rule;
  private Frame current;

  TrueGrid(Frame start) {
    this(start, (frame, action) -> GridModel.move(frame, action, true));
  }

  TrueGrid(Frame start, Rule rule) {
    this.current = start;
    this.rule = rule;
  }

  @Override
  public Frame observe() {
    return current;
  }

  @Override
  public double step(int action) {
    current = rule.step(current, action);
    return 0;
  }

  @Override
  public boolean done() {
    return false;
  }
}
