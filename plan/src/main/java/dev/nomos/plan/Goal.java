package dev.nomos.plan;

import dev.nomos.runtime.Frame;

/**
 * A condition on one frame that a plan must reach (compiled from the law language by
 * {@code dev.nomos.compiler.goal.GoalCompiler}, or written in Java).
 */
@FunctionalInterface
public interface Goal {
  boolean reached(Frame frame);
}
