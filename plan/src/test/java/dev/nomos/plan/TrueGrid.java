package dev.nomos.plan;

import dev.nomos.runtime.Frame;

/** The true world of the agent tests: {@link GridModel}'s grid, where the player always moves and walls block. */
final class TrueGrid implements Environment {
  private Frame current;

  TrueGrid(Frame start) {
    current = start;
  }

  @Override
  public Frame observe() {
    return current;
  }

  @Override
  public double step(int action) {
    current = GridModel.move(current, action, true);
    return 0;
  }

  @Override
  public boolean done() {
    return false;
  }
}
